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
