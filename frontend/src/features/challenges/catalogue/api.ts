/** Reading challenges themselves: the public list and page, and staff's challenges (create, edit, publish, close). */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'
import { challengeStatusValues, goalTypeValues } from '@/api/schema'

type Schemas = components['schemas']

export type Challenge = Schemas['Challenge']

export type ChallengeRequest = Schemas['ChallengeRequest']

export type ChallengeStatus = Schemas['ChallengeStatus']

export type GoalType = Schemas['GoalType']

export type Badge = Schemas['Badge']

export const GOAL_TYPES: readonly GoalType[] = goalTypeValues

export const CHALLENGE_STATUSES: readonly ChallengeStatus[] = challengeStatusValues


/** Published and closed challenges; with a staff token, drafts too. */
export async function listChallenges(): Promise<Challenge[]> {
  return unwrap(await api.GET('/api/challenges'))
}

export async function getChallenge(id: number): Promise<Challenge> {
  return unwrap(await api.GET('/api/challenges/{id}', { params: { path: { id } } }))
}


export async function createChallenge(body: ChallengeRequest): Promise<Challenge> {
  return unwrap(await api.POST('/api/challenges', { body }))
}

/** A stale `version` is a 409 (stale-version): someone saved first. */
export async function replaceChallenge(id: number, version: number, body: ChallengeRequest): Promise<Challenge> {
  return unwrap(await api.PUT('/api/challenges/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))
}

export type SurveyChoice = Schemas['Survey']

/**
 * The surveys staff may ask before or after a challenge: every survey but the CLOSED ones, most recently changed
 * first (the first 100).
 */
export async function listSurveyChoices(): Promise<SurveyChoice[]> {
  const page = unwrap(await api.GET('/api/surveys', { params: { query: { page: 0, size: 100 } } }))
  return (page.items ?? []).filter((s) => s.status !== 'CLOSED')
}

export async function publishChallenge(id: number): Promise<Challenge> {
  return unwrap(await api.POST('/api/challenges/{id}/publish', { params: { path: { id } } }))
}

export async function closeChallenge(id: number): Promise<Challenge> {
  return unwrap(await api.POST('/api/challenges/{id}/close', { params: { path: { id } } }))
}
