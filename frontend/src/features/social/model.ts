import { ApiError, describeError, type DisplayableError, type Translate } from '@/lib/api-client'
import type { Tone } from '@/lib/tone'
import type { ConnectionView, SocialPlatform } from './api'

export const PLATFORM_LABELS: Record<SocialPlatform, string> = { FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', X: 'X' }

/** Whole days until the token expires (rounded down, never below 0); null when it does not expire. */
export function daysUntil(expiresAt: string | null | undefined, now: Date = new Date()): number | null {
  if (!expiresAt) return null
  const at = Date.parse(expiresAt)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.floor((at - now.getTime()) / 86_400_000))
}

/** A connection whose token expires within 7 days: the admins are told, and the page says so in amber. */
export function expiresSoon(connection: Pick<ConnectionView, 'state' | 'expiresAt'>, now: Date = new Date()): boolean {
  const days = daysUntil(connection.expiresAt, now)
  return connection.state === 'CONNECTED' && days !== null && days <= 7
}

export function stateTone(connection: ConnectionView): Tone {
  if (connection.state === 'CONNECTED') return 'success'
  if (connection.state === 'NEEDS_RECONNECT') return 'danger'
  return 'neutral'
}

/** Facebook and Instagram sign in together through Facebook Login; X through its own page. */
export function signInKind(platform: SocialPlatform | undefined): 'meta' | 'x' {
  return platform === 'X' ? 'x' : 'meta'
}

/**
 * The platform's own words matter here (why Meta refused a token, which setting is missing): the problem's detail is
 * shown under our message for the answers that carry one.
 */
export function describeSocialError(error: unknown, t: Translate): DisplayableError {
  const shown = describeError(error, t, {
    409: t('social.errors.conflict'),
    422: t('social.errors.refused'),
    502: t('social.errors.unavailable'),
    503: t('social.errors.noKey'),
  })
  if (error instanceof ApiError && [409, 422, 502, 503].includes(error.status) && error.problem?.detail) {
    return { ...shown, detail: error.problem.detail }
  }
  return shown
}
