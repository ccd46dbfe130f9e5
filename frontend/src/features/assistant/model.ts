/** What the assistant's pages share: the placeholders answers may use, and the knowledge-base form's shape. */
import type { FaqEntry, FaqEntryRequest, LiveAnswer } from './api'

/** The placeholders the server fills from the library's settings (AssistantService), with their message keys. */
export const PLACEHOLDERS = ['jam_buka', 'alamat', 'telepon', 'whatsapp', 'email'] as const

export const LIVE_ANSWERS: LiveAnswer[] = ['HOURS', 'ADDRESS', 'EVENTS', 'CHALLENGES']

/** The starter questions the widget offers (keys under assistant.chat.starters). */
export const STARTERS = ['hours', 'member', 'events'] as const

export interface LinkForm {
  labelId: string
  labelEn: string
  url: string
}

/** The form: like the request, with the links flattened and the tags as one comma-separated text. */
export interface EntryForm {
  key: string
  questionId: string
  questionEn: string
  alternatives: string[]
  answerId: string
  answerEn: string
  links: LinkForm[]
  tags: string
  live: LiveAnswer | ''
  active: boolean
}

/** A key made from a question: lower-case words joined by - (the API's pattern), at most 80 characters. */
export function keyFrom(question: string): string {
  return question
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}

export function emptyForm(question = ''): EntryForm {
  return {
    key: keyFrom(question),
    questionId: question,
    questionEn: '',
    alternatives: [],
    answerId: '',
    answerEn: '',
    links: [],
    tags: '',
    live: '',
    active: true,
  }
}

export function formOf(entry: FaqEntry): EntryForm {
  return {
    key: entry.key,
    questionId: entry.questionId,
    questionEn: entry.questionEn,
    alternatives: [...entry.alternatives],
    answerId: entry.answerId,
    answerEn: entry.answerEn,
    links: entry.links.map((l) => ({ labelId: l.label.id, labelEn: l.label.en, url: l.url })),
    tags: entry.tags.join(', '),
    live: entry.live ?? '',
    active: entry.active,
  }
}

/** The request for a form: blank phrasings and tags left out, text trimmed. */
export function requestOf(form: EntryForm): FaqEntryRequest {
  return {
    key: form.key.trim(),
    questionId: form.questionId.trim(),
    questionEn: form.questionEn.trim(),
    alternatives: form.alternatives.map((a) => a.trim()).filter(Boolean),
    answerId: form.answerId.trim(),
    answerEn: form.answerEn.trim(),
    links: form.links.map((l) => ({ label: { id: l.labelId.trim(), en: l.labelEn.trim() }, url: l.url.trim() })),
    tags: form.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    live: form.live || null,
    active: form.active,
  }
}

/** Whether an entry matches the list's search (any of its questions, phrasings, answers or key), tag and state. */
export function matches(entry: FaqEntry, search: string, tag: string, active: 'all' | 'active' | 'inactive'): boolean {
  if (active === 'active' && !entry.active) return false
  if (active === 'inactive' && entry.active) return false
  if (tag && !entry.tags.includes(tag)) return false
  const wanted = search.trim().toLowerCase()
  if (!wanted) return true
  return [entry.key, entry.questionId, entry.questionEn, entry.answerId, entry.answerEn, ...entry.alternatives].some((text) =>
    text.toLowerCase().includes(wanted),
  )
}
