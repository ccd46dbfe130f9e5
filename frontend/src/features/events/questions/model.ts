/** Live Q&A: how the question lists are ordered and how a stream update changes them, kept apart from the pages. */
import type { Translate } from '@/lib/api-client'
import type { Question, QuestionStatus, QuestionUpdate } from './api'
import { problemSlug } from '@/lib/api-client'

/** The API's limits (QuestionDtos: @Size on text, displayName and answer). */
export const QUESTION_MAX_LENGTH = 500
export const DISPLAY_NAME_MAX_LENGTH = 40
export const ANSWER_MAX_LENGTH = 1500

/** Statuses the audience sees. */
export function isVisible(status: QuestionStatus | undefined): boolean {
  return status === 'APPROVED' || status === 'ANSWERED'
}

function time(q: Question): number {
  const t = q.createdAt ? Date.parse(q.createdAt) : NaN
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t
}

/** Most upvoted first; among equals the one asked first (then the lower id, as the server orders them). */
export function compareQuestions(a: Question, b: Question): number {
  return (b.upvotes ?? 0) - (a.upvotes ?? 0) || time(a) - time(b) || (a.id ?? 0) - (b.id ?? 0)
}

export function sortQuestions(list: readonly Question[]): Question[] {
  return [...list].sort(compareQuestions)
}

/**
 * A newer copy of a question. Votes only ever go up, so a late reply (an upvote answered after the stream already
 * brought a higher count) never lowers the count.
 */
export function mergeQuestion(current: Question | undefined, incoming: Question): Question {
  if (!current) return incoming
  return { ...current, ...incoming, upvotes: Math.max(current.upvotes ?? 0, incoming.upvotes ?? 0) }
}

export interface AppliedUpdate {
  questions: Question[]
  /** Questions that were not in the list before (for an announcement). */
  added: Question[]
  /** Questions that became answered with this update. */
  answered: Question[]
}

/**
 * The audience's list after one stream update: SNAPSHOT replaces it; UPSERT adds or replaces one question (or
 * drops it if it is no longer visible); REMOVE drops one; HEARTBEAT changes nothing. The result is sorted.
 */
export function applyUpdate(list: readonly Question[], update: QuestionUpdate): AppliedUpdate {
  switch (update.kind) {
    case 'SNAPSHOT': {
      // A snapshot also comes after a reconnect: what changed meanwhile is reported like single updates.
      const before = new Map(list.map((q) => [q.id, q]))
      const questions = sortQuestions((update.questions ?? []).filter((q) => isVisible(q.status)).map((q) => mergeQuestion(before.get(q.id), q)))
      return {
        questions,
        added: questions.filter((q) => !before.has(q.id)),
        answered: questions.filter((q) => q.status === 'ANSWERED' && before.has(q.id) && before.get(q.id)?.status !== 'ANSWERED'),
      }
    }
    case 'UPSERT': {
      const q = update.question
      if (!q || q.id === undefined) break
      if (!isVisible(q.status)) return { questions: list.filter((x) => x.id !== q.id), added: [], answered: [] }
      const current = list.find((x) => x.id === q.id)
      const merged = mergeQuestion(current, q)
      const questions = sortQuestions([...list.filter((x) => x.id !== q.id), merged])
      return {
        questions,
        added: current ? [] : [merged],
        answered: merged.status === 'ANSWERED' && current?.status !== 'ANSWERED' && current ? [merged] : [],
      }
    }
    case 'REMOVE': {
      const id = update.question?.id
      if (id === undefined) break
      return { questions: list.filter((x) => x.id !== id), added: [], answered: [] }
    }
  }
  return { questions: [...list], added: [], answered: [] }
}

/**
 * The staff's list after a change they made or one the stream brought: every status stays (staff see hidden and
 * pending questions too), a question is replaced by id, and the list is in the order asked.
 */
export function upsertForStaff(list: readonly Question[], incoming: readonly Question[]): Question[] {
  const byId = new Map(list.map((q) => [q.id, q]))
  for (const q of incoming) {
    if (q.id === undefined) continue
    byId.set(q.id, mergeQuestion(byId.get(q.id), q))
  }
  return [...byId.values()].sort((a, b) => time(a) - time(b) || (a.id ?? 0) - (b.id ?? 0))
}

/** The stream's questions as staff merge them (a REMOVE carries the hidden question with its new status). */
export function staffChanges(update: QuestionUpdate): Question[] {
  if (update.kind === 'SNAPSHOT') return update.questions ?? []
  if ((update.kind === 'UPSERT' || update.kind === 'REMOVE') && update.question) return [update.question]
  return []
}

/** Conflicts (409) of the Q&A endpoints, explained under qa.conflict. */
const CONFLICTS = ['event-closed', 'too-many-questions'] as const

/** The page-specific messages for a failed ask or vote, to pass to describeError/fail as overrides. */
export function questionErrorMessages(error: unknown, t: Translate): Partial<Record<number, string>> {
  const slug = problemSlug(error)
  const overrides: Partial<Record<number, string>> = {
    403: t('qa.errors.notRegistered'),
    404: t('qa.errors.notFound'),
  }
  overrides[409] = slug && (CONFLICTS as readonly string[]).includes(slug) ? t(`qa.conflict.${slug}`) : t('qa.errors.closed')
  return overrides
}

/** Question ids this registration has upvoted, remembered in this browser (the API does not tell). */
export function votedKey(registrationId: number | undefined): string | null {
  return registrationId === undefined ? null : `serambi.qa.votes.${registrationId}`
}

export function loadVotes(registrationId: number | undefined): Set<number> {
  const key = votedKey(registrationId)
  if (!key) return new Set()
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === 'number') : [])
  } catch {
    return new Set()
  }
}

export function saveVotes(registrationId: number | undefined, votes: Set<number>): void {
  const key = votedKey(registrationId)
  if (!key) return
  try {
    localStorage.setItem(key, JSON.stringify([...votes]))
  } catch {
    /* private mode or full storage: the vote still counts on the server */
  }
}
