import { describe, expect, it } from 'vitest'
import { canRecover, deliveryTone } from '@/features/campaigns/delivery'

describe('delivery', () => {
  it('offers retry and mark-as-published only for a scheduled post whose variant did not go out', () => {
    expect(canRecover('SCHEDULED', 'FAILED')).toBe(true)
    expect(canRecover('SCHEDULED', 'CHECK_NEEDED')).toBe(true)
    expect(canRecover('SCHEDULED', 'MISSED')).toBe(true)
    expect(canRecover('SCHEDULED', 'MANUAL_DUE')).toBe(true)
    expect(canRecover('SCHEDULED', 'SCHEDULED')).toBe(false)
    expect(canRecover('SCHEDULED', 'PUBLISHING')).toBe(false)
    expect(canRecover('PUBLISHED', 'PUBLISHED')).toBe(false)
    expect(canRecover('DRAFT', 'FAILED')).toBe(false)
  })

  it('gives failures a danger tone and what waits for staff a warning', () => {
    expect(deliveryTone('FAILED')).toBe('danger')
    expect(deliveryTone('MISSED')).toBe('danger')
    expect(deliveryTone('CHECK_NEEDED')).toBe('warning')
    expect(deliveryTone('PUBLISHED')).toBe('success')
    expect(deliveryTone(undefined)).toBe('neutral')
  })
})
