/** The leaderboard of a challenge, and its live stream. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type Leaderboard = Schemas['Leaderboard']

export type LeaderboardEntry = Schemas['LeaderboardEntry']

export type LeaderboardMe = Schemas['LeaderboardMe']

export async function getLeaderboard(id: number, school?: string | null, limit = 10): Promise<Leaderboard> {
  const query: { limit: number; school?: string } = { limit }
  if (school) query.school = school
  return unwrap(await api.GET('/api/challenges/{id}/leaderboard', { params: { path: { id }, query } }))
}

/** The address of the live board (Server-Sent Events, 'board' events of Leaderboard JSON without "me"). */
export function leaderboardStreamUrl(id: number, school?: string | null, limit = 10): string {
  const query = new URLSearchParams({ limit: String(limit) })
  if (school) query.set('school', school)
  return `/api/challenges/${id}/leaderboard/stream?${query}`
}
