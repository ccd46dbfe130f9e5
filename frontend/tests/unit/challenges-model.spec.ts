import { describe, expect, it } from 'vitest'
import { i18n } from '@/app/i18n'
import { isUnder13 } from '@/features/account/validation'
import type { LeaderboardEntry } from '@/features/challenges/leaderboard/api'
import { checkNickname, dailyCapError } from '@/features/challenges/participation/model'
import { createThrottledAnnouncer, describeMoves, diffBoards } from '@/features/challenges/leaderboard/model'
import { goalProgress, isOpen, phase } from '@/features/challenges/catalogue/model'
import { ApiError } from '@/lib/api-client'
import { todayIn } from '@/lib/format'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string
const n = (v: number) => String(v)
const board = (...names: string[]): LeaderboardEntry[] => names.map((nickname, i) => ({ rank: i + 1, nickname, points: 100 - i, school: null }))

describe('goalProgress', () => {
  const totals = { books: 3, pages: 450, minutes: 90 }
  it('counts what the goal counts', () => {
    expect(goalProgress('BOOKS', 10, totals)).toEqual({ current: 3, target: 10, percent: 30, reached: false })
    expect(goalProgress('PAGES', 1000, totals).percent).toBe(45)
    expect(goalProgress('MINUTES', 60, totals)).toMatchObject({ current: 90, percent: 100, reached: true })
  })
  it('rounds down, so 100 % means reached', () => {
    expect(goalProgress('BOOKS', 3, { ...totals, books: 2 }).percent).toBe(66)
    expect(goalProgress('PAGES', 1000, { ...totals, pages: 999 }).percent).toBe(99)
  })
  it('survives a zero goal and negative totals', () => {
    expect(goalProgress('BOOKS', 0, { ...totals, books: 0 }).percent).toBe(0)
    expect(goalProgress('BOOKS', 5, { ...totals, books: -2 })).toMatchObject({ current: 0, percent: 0 })
  })
})

describe('diffBoards', () => {
  it('moves nothing on the first board', () => {
    expect(diffBoards(null, board('a', 'b'))).toEqual([])
  })
  it('finds the rows that went up, down or are new, not those that only gained points', () => {
    const before = board('a', 'b', 'c')
    const after = board('c', 'a', 'd')
    after[1]!.points = 500
    expect(diffBoards(before, after)).toEqual([
      { nickname: 'c', rank: 1, move: 'up', from: 3 },
      { nickname: 'a', rank: 2, move: 'down', from: 1 },
      { nickname: 'd', rank: 3, move: 'new', from: null },
    ])
    const samePlaces = board('a', 'b')
    samePlaces[0]!.points = 999
    expect(diffBoards(board('a', 'b'), samePlaces)).toEqual([])
  })
  it('describes the risers in one sentence', () => {
    const moves = diffBoards(board('a', 'b'), board('b', 'a', 'c'))
    expect(describeMoves(moves, t, n)).toBe('b naik ke peringkat 1. c masuk papan di peringkat 3.')
    expect(describeMoves([], t, n)).toBeNull()
    const many = diffBoards(board('a', 'b', 'c', 'd', 'e'), board('e', 'd', 'c', 'b', 'a', 'f', 'g', 'h'))
    expect(describeMoves(many, t, n)).toContain('berpindah posisi')
  })
})

describe('createThrottledAnnouncer', () => {
  it('says the first message now and only the latest of a burst later', () => {
    let now = 0
    const timers: (() => void)[] = []
    const said: string[] = []
    const a = createThrottledAnnouncer((m) => said.push(m), 10_000, {
      now: () => now,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => {},
    })
    a.announce('one')
    a.announce('two')
    a.announce('three')
    expect(said).toEqual(['one'])
    expect(timers).toHaveLength(1)
    now = 10_000
    timers[0]!()
    expect(said).toEqual(['one', 'three'])
    now = 30_000
    a.announce('four')
    expect(said).toEqual(['one', 'three', 'four'])
  })
})

describe('isUnder13', () => {
  const now = new Date('2026-11-23T10:00:00Z')
  it('counts like the server: this year minus the birth year is under 13', () => {
    expect(isUnder13('2014', now)).toBe(true)
    expect(isUnder13('2013', now)).toBe(false)
    expect(isUnder13(2020, now)).toBe(true)
    expect(isUnder13('2011', now)).toBe(false)
  })
  it('is false while the year is incomplete or impossible', () => {
    expect(isUnder13('201', now)).toBe(false)
    expect(isUnder13('', now)).toBe(false)
    expect(isUnder13('2030', now)).toBe(false)
    expect(isUnder13('abcd', now)).toBe(false)
  })
})

describe('challenge rules', () => {
  it('is open while published and not past its last day', () => {
    expect(isOpen({ status: 'PUBLISHED', endsOn: '2026-12-31' }, '2026-12-31')).toBe(true)
    expect(isOpen({ status: 'PUBLISHED', endsOn: '2026-12-31' }, '2027-01-01')).toBe(false)
    expect(isOpen({ status: 'CLOSED', endsOn: '2026-12-31' }, '2026-12-01')).toBe(false)
    expect(phase({ status: 'PUBLISHED', startsOn: '2026-12-05', endsOn: '2026-12-31' }, '2026-12-01')).toBe('upcoming')
  })
  it('checks nicknames like the server', () => {
    expect(checkNickname('KutuBuku88')).toBeNull()
    expect(checkNickname('ab')?.key).toBe('challenges.join.nicknameLength')
    expect(checkNickname('_hai')?.key).toBe('challenges.join.nicknameChars')
    expect(checkNickname('Sari.R-12 baca')).toBeNull()
  })
  it('puts a daily-cap refusal next to the field it concerns', () => {
    const caps = { maxPagesPerDay: 500, maxMinutesPerDay: 300, maxBooksPerDay: 5 }
    const refusal = (detail: string) =>
      new ApiError(409, { type: 'https://serambi.id/problems/daily-cap-exceeded', status: 409, detail })
    expect(dailyCapError(refusal('At most 300 minutes count per day'), caps, t, n)).toEqual({
      field: 'minutes',
      message: 'Paling banyak 300 menit dihitung per hari. Bacaan hari itu sudah mencapai batas.',
    })
    expect(dailyCapError(refusal('At most 500 pages count per day'), caps, t, n)?.field).toBe('pages')
    expect(dailyCapError(refusal('At most 5 finished books count per day'), caps, t, n)?.field).toBe('finished')
    expect(dailyCapError(refusal('A day has 1,440 minutes: 1500 minutes on 2026-12-01 is impossible'), caps, t, n)?.message).toContain('24 jam')
    expect(dailyCapError(new ApiError(409, { type: 'https://serambi.id/problems/duplicate-nickname' }), caps, t, n)).toBeNull()
  })
})

describe('todayIn', () => {
  it('is the date in the library zone, not UTC', () => {
    expect(todayIn('Asia/Makassar', new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24')
    expect(todayIn('Asia/Makassar', new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23')
  })
})
