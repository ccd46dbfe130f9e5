/** What the challenge pages show about a challenge, kept apart from the pages so it is testable. */
import { ApiError, problemSlug, type Translate } from '@/lib/api-client'
import type { Tone } from '@/lib/tone'
import type { Challenge, ChallengeStatus, GoalType } from './api'

// --- Labels -------------------------------------------------------------------------------------------

export function challengeStatusLabel(status: ChallengeStatus | undefined, t: Translate): string {
  return status ? t(`challenges.status.${status}`) : ''
}

export function challengeStatusTone(status: ChallengeStatus | undefined): Tone {
  switch (status) {
    case 'PUBLISHED':
      return 'success'
    case 'DRAFT':
      return 'warning'
    default:
      return 'neutral'
  }
}

/** "10 buku", "1.500 halaman", "300 menit". */
export function goalText(goalType: GoalType | undefined, value: number, t: Translate, n: (v: number) => string): string {
  if (!goalType) return ''
  return t(`challenges.goal.${goalType}`, { count: n(value) })
}

/** Whether members can still join and log today (the date in the library's zone). */
export function isOpen(challenge: Pick<Challenge, 'status' | 'endsOn'>, today: string): boolean {
  return challenge.status === 'PUBLISHED' && challenge.endsOn >= today
}

/** Running, upcoming or finished, for a card's badge. */
export function phase(challenge: Pick<Challenge, 'status' | 'startsOn' | 'endsOn'>, today: string): 'draft' | 'upcoming' | 'running' | 'ended' {
  if (challenge.status === 'DRAFT') return 'draft'
  if (challenge.status === 'CLOSED' || challenge.endsOn < today) return 'ended'
  if (challenge.startsOn > today) return 'upcoming'
  return 'running'
}

// --- Goal progress ------------------------------------------------------------------------------------

export interface Totals {
  books: number
  pages: number
  minutes: number
}

/** How far a participant is towards the goal: what counts, the target, and a whole percentage (0 to 100). */
export function goalProgress(goalType: GoalType, goalValue: number, totals: Totals) {
  const current = goalType === 'BOOKS' ? totals.books : goalType === 'PAGES' ? totals.pages : totals.minutes
  const target = Math.max(1, goalValue)
  const percent = Math.max(0, Math.min(100, Math.floor((Math.max(0, current) * 100) / target)))
  return { current: Math.max(0, current), target, percent, reached: current >= target }
}

// --- Errors in the teen's words -----------------------------------------------------------------------

const CONFLICTS = [
  'duplicate-nickname',
  'already-joined',
  'challenge-not-open',
  'challenge-ended',
  'daily-cap-exceeded',
  'code-already-redeemed',
  'log-voided',
  'not-flagged',
] as const

/** 409s (and the guardian's 403) the challenge pages explain themselves; keys under challenges.conflict. */
export function challengeProblemMessages(error: unknown, t: Translate): Partial<Record<number, string>> {
  const slug = problemSlug(error)
  if (slug === 'guardian-consent-required') return { 403: t('challenges.join.guardianRequired') }
  if (error instanceof ApiError && error.status === 403) return { 403: t('challenges.join.wrongAudience') }
  if (slug && (CONFLICTS as readonly string[]).includes(slug)) return { 409: t(`challenges.conflict.${slug}`) }
  return {}
}
