import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, formatTime, formatWhen, setLibraryTimeZone, zoneLabel } from '@/lib/format'

afterEach(() => setLibraryTimeZone(DEFAULT_TIME_ZONE))

describe('format', () => {
  it('shows instants in WITA (UTC+8) by default', () => {
    const text = formatDateTime('2025-03-01T16:30:00Z', 'id')
    expect(text).toMatch(/2 Mar 2025/)
    expect(text).toMatch(/00[.:]30/)
    expect(text.endsWith('WITA')).toBe(true)
  })

  it('dates fall on the library’s calendar day, not UTC’s', () => {
    expect(formatDate('2025-03-01T16:30:00Z', 'en')).toMatch(/2 Mar 2025/)
  })

  it('follows the library’s zone once known', () => {
    setLibraryTimeZone('Asia/Jakarta')
    expect(formatDateTime('2025-03-01T16:30:00Z', 'id')).toMatch(/23[.:]30 WIB$/)
    setLibraryTimeZone('Not/AZone')
    expect(zoneLabel()).toBe('WIB')
  })

  it('returns an empty string for an invalid date', () => {
    expect(formatDateTime('not a date', 'id')).toBe('')
  })

  it('writes one time format: 19.00 in Indonesian, 19:00 in English, on the 24-hour clock in WITA', () => {
    expect(formatTime('2026-12-07T11:00:00Z', 'id')).toBe('19.00')
    expect(formatTime('2026-12-07T11:00:00Z', 'en')).toBe('19:00')
    expect(formatTime('2026-12-07T16:05:00Z', 'id')).toBe('00.05')
    expect(formatTime('2026-12-07T11:00:00Z', 'id', DEFAULT_TIME_ZONE, true)).toBe('19.00 WITA')
  })

  it('says when a post goes out as a weekday, a day and a time in WITA', () => {
    expect(formatWhen('2026-12-07T11:00:00Z', 'id')).toBe('Sen, 7 Des 19.00 WITA')
    expect(formatWhen('2026-12-07T11:00:00Z', 'en')).toBe('Mon, 7 Dec 19:00 WITA')
  })
})
