/** How the leaderboard moves: row changes and their (throttled) announcement. */
import type { Translate } from '@/lib/api-client'
import type { LeaderboardEntry } from './api'

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
