import { describe, expect, it } from 'vitest'
import { daysUntil, expiresSoon, signInKind } from '@/features/social/model'

describe('social model', () => {
  const now = new Date('2026-12-02T00:00:00Z')

  it('counts whole days until a token expires', () => {
    expect(daysUntil('2026-12-07T12:00:00Z', now)).toBe(5)
    expect(daysUntil('2026-12-01T00:00:00Z', now)).toBe(0)
    expect(daysUntil(null, now)).toBeNull()
    expect(daysUntil('not a date', now)).toBeNull()
  })

  it('warns within 7 days, only for a connected account', () => {
    expect(expiresSoon({ state: 'CONNECTED', expiresAt: '2026-12-07T12:00:00Z' }, now)).toBe(true)
    expect(expiresSoon({ state: 'CONNECTED', expiresAt: '2027-01-30T00:00:00Z' }, now)).toBe(false)
    expect(expiresSoon({ state: 'NEEDS_RECONNECT', expiresAt: '2026-12-03T00:00:00Z' }, now)).toBe(false)
    expect(expiresSoon({ state: 'CONNECTED', expiresAt: null }, now)).toBe(false)
  })

  it('signs in to Facebook and Instagram through Meta', () => {
    expect(signInKind('FACEBOOK')).toBe('meta')
    expect(signInKind('INSTAGRAM')).toBe('meta')
    expect(signInKind('X')).toBe('x')
  })
})
