/** What the challenge pages show and compute, kept apart from the pages so it is testable. */
import type { Translate } from '@/lib/api-client'
import { ApiError, problemSlug } from '@/lib/api-client'
import type { Tone } from '@/lib/tone'
import type { Challenge, ChallengeStatus, GoalType, LeaderboardEntry, LogStatus } from './api'

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

// --- Leaderboard changes ------------------------------------------------------------------------------

export type Move = 'up' | 'down' | 'new'

export interface RowMove {
  nickname: string
  rank: number
  move: Move
  /** The rank before; null for a row new on the board. */
  from: number | null
}

/**
 * Which rows of the new board moved compared with the previous one: up, down, or new on the board. A row whose
 * rank stayed the same did not move, even when its points changed. The first board (no previous) moves nothing.
 */
export function diffBoards(previous: readonly LeaderboardEntry[] | null, next: readonly LeaderboardEntry[]): RowMove[] {
  if (!previous) return []
  const before = new Map(previous.map((e) => [e.nickname, e.rank]))
  const moves: RowMove[] = []
  for (const entry of next) {
    const was = before.get(entry.nickname)
    if (was === undefined) moves.push({ nickname: entry.nickname, rank: entry.rank, move: 'new', from: null })
    else if (entry.rank < was) moves.push({ nickname: entry.nickname, rank: entry.rank, move: 'up', from: was })
    else if (entry.rank > was) moves.push({ nickname: entry.nickname, rank: entry.rank, move: 'down', from: was })
  }
  return moves
}

/**
 * One sentence for screen readers about a change of the board: who rose (new rows and rows moving up explain the
 * rest), at most three names, otherwise a count. Null when nothing moved.
 */
export function describeMoves(moves: readonly RowMove[], t: Translate, n: (v: number) => string): string | null {
  const risers = moves.filter((m) => m.move !== 'down').sort((a, b) => a.rank - b.rank)
  if (risers.length === 0) return moves.length ? t('challenges.board.announceReordered') : null
  if (risers.length > 3) return t('challenges.board.announceMany', { count: n(moves.length) })
  return risers
    .map((m) => t(m.move === 'new' ? 'challenges.board.announceNew' : 'challenges.board.announceUp', { nickname: m.nickname, rank: n(m.rank) }))
    .join(' ')
}

/**
 * Announces at most once per `intervalMs`: a message that arrives sooner waits, and only the latest waiting one
 * is said, so a busy board does not talk over itself.
 */
export function createThrottledAnnouncer(
  say: (message: string) => void,
  intervalMs = 10_000,
  clock: { now: () => number; setTimer: (fn: () => void, ms: number) => unknown; clearTimer: (h: unknown) => void } = {
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
) {
  let last = -Infinity
  let pending: string | null = null
  let timer: unknown = null

  function flush() {
    timer = null
    if (pending === null) return
    last = clock.now()
    say(pending)
    pending = null
  }

  return {
    announce(message: string) {
      pending = message
      const wait = last + intervalMs - clock.now()
      if (wait <= 0) flush()
      else if (timer === null) timer = clock.setTimer(flush, wait)
    },
    dispose() {
      if (timer !== null) clock.clearTimer(timer)
      timer = null
      pending = null
    },
  }
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
const NICKNAME = /^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u

export function checkNickname(value: string) {
  const text = value.trim()
  if (!text) return { key: 'account.validation.required' }
  if (text.length < NICKNAME_MIN || text.length > NICKNAME_MAX) {
    return { key: 'challenges.join.nicknameLength', params: { min: NICKNAME_MIN, max: NICKNAME_MAX } }
  }
  return NICKNAME.test(text) ? null : { key: 'challenges.join.nicknameChars' }
}
