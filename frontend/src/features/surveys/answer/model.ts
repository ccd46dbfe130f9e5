/**
 * The logic of answering a survey, kept apart from the page so that it can be tested: which questions are shown
 * (a condition on an earlier choice question holds, and that question is shown itself), what is sent (only the
 * shown questions' answers, numbers as numbers), and the checks the browser makes before sending.
 */
import type { SurveyQuestion, SurveySection } from './api'

/** What the form holds per question key: an option key, option keys, a number typed as text, or text. */
export type Draft = Record<string, string | string[] | undefined>

export const SHORT_TEXT_MAX = 300
export const LONG_TEXT_MAX = 4000

export function allQuestions(sections: readonly SurveySection[]): SurveyQuestion[] {
  return sections.flatMap((s) => s.questions)
}

/** The keys of the questions shown for these answers, in order. */
export function shownKeys(sections: readonly SurveySection[], draft: Draft): Set<string> {
  const shown = new Set<string>()
  for (const q of allQuestions(sections)) {
    const c = q.condition
    if (!c) {
      shown.add(q.key)
      continue
    }
    if (!shown.has(c.questionKey)) continue
    const answer = draft[c.questionKey]
    if (Array.isArray(answer) ? answer.includes(c.optionKey) : answer === c.optionKey) shown.add(q.key)
  }
  return shown
}

function isEmpty(value: string | string[] | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '')
}

/** The answers to send: the shown questions' only, empty ones left out, scores and numbers as numbers. */
export function payload(sections: readonly SurveySection[], draft: Draft): Record<string, unknown> {
  const shown = shownKeys(sections, draft)
  const answers: Record<string, unknown> = {}
  for (const q of allQuestions(sections)) {
    const value = draft[q.key]
    if (!shown.has(q.key) || isEmpty(value)) continue
    if (q.type === 'SCALE_5' || q.type === 'NPS' || q.type === 'NUMBER') {
      answers[q.key] = Number(String(value).trim().replace(',', '.'))
    } else if (q.type === 'SHORT_TEXT' || q.type === 'LONG_TEXT') {
      answers[q.key] = String(value).trim()
    } else {
      answers[q.key] = value
    }
  }
  return answers
}

/** A check's message key and its parameters, or null when the answer is fine. */
export type Check = { key: string; params?: Record<string, unknown> } | null

/** The browser's checks of the shown questions, by question key (the server checks everything again). */
export function checks(sections: readonly SurveySection[], draft: Draft): Record<string, Check> {
  const shown = shownKeys(sections, draft)
  const result: Record<string, Check> = {}
  for (const q of allQuestions(sections)) {
    if (!shown.has(q.key)) continue
    const value = draft[q.key]
    if (isEmpty(value)) {
      result[q.key] = q.required ? { key: 'surveys.answer.errors.required' } : null
      continue
    }
    const text = String(value).trim()
    if (q.type === 'NUMBER') {
      const n = Number(text.replace(',', '.'))
      const tooLow = q.min !== null && q.min !== undefined && n < q.min
      const tooHigh = q.max !== null && q.max !== undefined && n > q.max
      result[q.key] =
        text === '' || !Number.isFinite(n) || tooLow || tooHigh
          ? { key: 'surveys.answer.errors.number', params: { min: q.min ?? '–', max: q.max ?? '–' } }
          : null
    } else if (q.type === 'SHORT_TEXT' && text.length > SHORT_TEXT_MAX) {
      result[q.key] = { key: 'surveys.answer.errors.tooLong', params: { max: SHORT_TEXT_MAX } }
    } else if (q.type === 'LONG_TEXT' && text.length > LONG_TEXT_MAX) {
      result[q.key] = { key: 'surveys.answer.errors.tooLong', params: { max: LONG_TEXT_MAX } }
    } else if (q.type === 'DATE' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      result[q.key] = { key: 'surveys.answer.errors.date' }
    } else {
      result[q.key] = null
    }
  }
  return result
}

/** The id of the first input of a question: a field error links and moves focus there. */
export function inputId(q: SurveyQuestion): string {
  if (q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE') return `q-${q.key}-${q.options?.[0]?.key ?? ''}`
  if (q.type === 'SCALE_5') return `q-${q.key}-1`
  if (q.type === 'NPS') return `q-${q.key}-0`
  return `q-${q.key}`
}
