/** Taking part: log statuses, daily caps and nicknames. */
import { ApiError, problemSlug, type Translate } from '@/lib/api-client'
import type { Tone } from '@/lib/tone'
import type { Challenge } from '../catalogue/api'
import type { LogStatus } from './api'

const NICKNAME = /^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u

export function logStatusTone(status: LogStatus | undefined): Tone {
  switch (status) {
    case 'VALID':
      return 'success'
    case 'FLAGGED':
      return 'warning'
    case 'VOIDED':
      return 'danger'
    default:
      return 'neutral'
  }
}

/**
 * The field a daily-cap refusal (409 daily-cap-exceeded) belongs to, and a message naming the cap. The server's
 * detail says which limit: "At most 300 minutes count per day", "A day has 1,440 minutes …", "… pages …", "… books …".
 */
export function dailyCapError(
  error: unknown,
  challenge: Pick<Challenge, 'maxBooksPerDay' | 'maxPagesPerDay' | 'maxMinutesPerDay'>,
  t: Translate,
  n: (v: number) => string,
): { field: 'pages' | 'minutes' | 'finished'; message: string } | null {
  if (problemSlug(error) !== 'daily-cap-exceeded' || !(error instanceof ApiError)) return null
  const detail = (error.problem?.detail ?? '').toLowerCase()
  if (detail.includes('1,440') || detail.includes('impossible')) return { field: 'minutes', message: t('challenges.log.capDay') }
  if (detail.includes('minute')) {
    return { field: 'minutes', message: t('challenges.log.capMinutes', { max: n(challenge.maxMinutesPerDay ?? 0) }) }
  }
  if (detail.includes('page')) return { field: 'pages', message: t('challenges.log.capPages', { max: n(challenge.maxPagesPerDay ?? 0) }) }
  return { field: 'finished', message: t('challenges.log.capBooks', { max: n(challenge.maxBooksPerDay ?? 0) }) }
}

// --- Nicknames ----------------------------------------------------------------------------------------

export const NICKNAME_MIN = 3

export const NICKNAME_MAX = 30

export function checkNickname(value: string) {
  const text = value.trim()
  if (!text) return { key: 'account.validation.required' }
  if (text.length < NICKNAME_MIN || text.length > NICKNAME_MAX) {
    return { key: 'challenges.join.nicknameLength', params: { min: NICKNAME_MIN, max: NICKNAME_MAX } }
  }
  return NICKNAME.test(text) ? null : { key: 'challenges.join.nicknameChars' }
}

// --- What a log counts ----------------------------------------------------------------------------------

type Scoring = Pick<Challenge, 'goalType' | 'pointsPerBook' | 'pointsPerPage' | 'pointsPerMinute'>

/**
 * The amounts a reading log offers in this challenge: those that earn points or move the goal (issue 17: 45 minutes
 * logged where minutes earn nothing showed "+0 poin"). As Beanstack's log types follow what a challenge tracks, a
 * challenge that pays only for finished books still needs an amount (the server asks for pages or minutes), so then
 * both are offered.
 */
export function loggableAmounts(c: Scoring): { pages: boolean; minutes: boolean } {
  const pages = c.pointsPerPage > 0 || c.goalType === 'PAGES'
  const minutes = c.pointsPerMinute > 0 || c.goalType === 'MINUTES'
  return pages || minutes ? { pages, minutes } : { pages: true, minutes: true }
}

/** The challenge's point rules in words, one per kind of reading that earns points. */
export function pointRules(c: Scoring, t: Translate, n: (v: number) => string): string[] {
  const out: string[] = []
  if (c.pointsPerBook) out.push(t('challenges.rules.perBook', { points: n(c.pointsPerBook) }))
  if (c.pointsPerPage) out.push(t('challenges.rules.perPage', { points: n(c.pointsPerPage) }))
  if (c.pointsPerMinute) out.push(t('challenges.rules.perMinute', { points: n(c.pointsPerMinute) }))
  return out
}

/** What the log form says above the amounts: what to fill in, and plainly what earns points in this challenge. */
export function amountNotes(c: Scoring, t: Translate, n: (v: number) => string, locale: string): string[] {
  const offered = loggableAmounts(c)
  const notes = [
    offered.pages && offered.minutes
      ? t('challenges.log.amountNote')
      : offered.pages
        ? t('challenges.log.amountPages')
        : t('challenges.log.amountMinutes'),
  ]
  const rules = pointRules(c, t, n)
  if (rules.length) {
    notes.push(t('challenges.log.pointsNote', { rules: new Intl.ListFormat(locale, { type: 'conjunction' }).format(rules) }))
  }
  if (offered.pages && !c.pointsPerPage && c.goalType === 'PAGES') notes.push(t('challenges.log.goalOnlyPages'))
  if (offered.minutes && !c.pointsPerMinute && c.goalType === 'MINUTES') notes.push(t('challenges.log.goalOnlyMinutes'))
  return notes
}

// --- The challenge page's tabs --------------------------------------------------------------------------

/** The challenge page's tabs, in order; their ids are what ?tab= carries (the board, the default, carries none). */
export const CHALLENGE_TABS = ['papan', 'catat', 'progres', 'aturan'] as const

export type ChallengeTab = (typeof CHALLENGE_TABS)[number]

/** The tab a ?tab= value names; the board for anything else. */
export function challengeTab(value: unknown): ChallengeTab {
  const v = Array.isArray(value) ? value[0] : value
  return (CHALLENGE_TABS as readonly unknown[]).includes(v) ? (v as ChallengeTab) : 'papan'
}

/** How many days after a challenge's last day its after-challenge survey stays open (the server's window). */
export const POST_SURVEY_DAYS = 30

/** The day `days` after a YYYY-MM-DD date. */
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * The survey a participant may answer today (issue 20): the survey before while the challenge runs (from joining until
 * its last day), the survey after from the day after its end for {@link POST_SURVEY_DAYS} days; null otherwise or when
 * the challenge has none. Its link carries the challenge, so the answer counts in it.
 */
export function challengeSurvey(
  challenge: Pick<Challenge, 'id' | 'status' | 'endsOn' | 'preSurveyId' | 'postSurveyId'>,
  today: string,
  joined: boolean,
): { phase: 'pre' | 'post'; to: string } | null {
  if (!joined || challenge.status === 'DRAFT') return null
  const link = (surveyId: number) => `/survei/${surveyId}?tantangan=${challenge.id}`
  if (today <= challenge.endsOn) {
    return challenge.preSurveyId != null ? { phase: 'pre', to: link(challenge.preSurveyId) } : null
  }
  if (today <= plusDays(challenge.endsOn, POST_SURVEY_DAYS)) {
    return challenge.postSurveyId != null ? { phase: 'post', to: link(challenge.postSurveyId) } : null
  }
  return null
}
