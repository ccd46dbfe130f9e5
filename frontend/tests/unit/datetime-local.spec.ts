import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_TIME_ZONE, fromDateTimeLocal, minutesBetween, setLibraryTimeZone, toDateTimeLocal } from '@/lib/format'

afterEach(() => setLibraryTimeZone(DEFAULT_TIME_ZONE))

describe('datetime-local in the library’s zone', () => {
  it('reads a WITA wall-clock time as the UTC instant eight hours earlier', () => {
    expect(fromDateTimeLocal('2026-12-05T19:00')).toBe('2026-12-05T11:00:00Z')
  })

  it('crosses the date line back to the previous UTC day', () => {
    expect(fromDateTimeLocal('2026-01-01T07:30')).toBe('2025-12-31T23:30:00Z')
  })

  it('shows a UTC instant as WITA wall-clock time for the input', () => {
    expect(toDateTimeLocal('2026-12-05T11:00:00Z')).toBe('2026-12-05T19:00')
    expect(toDateTimeLocal('2025-12-31T16:00:00Z')).toBe('2026-01-01T00:00')
  })

  it('round-trips, whatever the browser’s own zone', () => {
    for (const instant of ['2026-03-29T01:30:00Z', '2026-10-25T00:15:00Z', '2026-06-30T15:59:00Z']) {
      expect(fromDateTimeLocal(toDateTimeLocal(instant))).toBe(instant)
    }
  })

  it('follows another library zone, including daylight saving time', () => {
    setLibraryTimeZone('Asia/Jakarta')
    expect(fromDateTimeLocal('2026-12-05T19:00')).toBe('2026-12-05T12:00:00Z')
    // Amsterdam: CET (+1) in winter, CEST (+2) in summer.
    expect(fromDateTimeLocal('2026-01-15T10:00', 'Europe/Amsterdam')).toBe('2026-01-15T09:00:00Z')
    expect(fromDateTimeLocal('2026-07-15T10:00', 'Europe/Amsterdam')).toBe('2026-07-15T08:00:00Z')
    expect(toDateTimeLocal('2026-07-15T08:00:00Z', 'Europe/Amsterdam')).toBe('2026-07-15T10:00')
  })

  it('accepts seconds, and rejects empty or impossible values', () => {
    expect(fromDateTimeLocal('2026-12-05T19:00:30')).toBe('2026-12-05T11:00:30Z')
    expect(fromDateTimeLocal('')).toBeNull()
    expect(fromDateTimeLocal(null)).toBeNull()
    expect(fromDateTimeLocal('2026-02-30T10:00')).toBeNull()
    expect(fromDateTimeLocal('2026-12-05T24:00')).toBeNull()
    expect(fromDateTimeLocal('5 Desember 2026')).toBeNull()
    expect(toDateTimeLocal(undefined)).toBe('')
    expect(toDateTimeLocal('not a date')).toBe('')
  })

  it('measures durations in whole minutes', () => {
    expect(minutesBetween('2026-12-05T11:00:00Z', '2026-12-05T12:30:00Z')).toBe(90)
    expect(minutesBetween('2026-12-05T11:00:00Z', '2026-12-05T10:00:00Z')).toBe(0)
    expect(minutesBetween(undefined, '2026-12-05T10:00:00Z')).toBe(0)
  })
})
