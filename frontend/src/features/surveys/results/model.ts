import type { QuestionResult, ResultsFilter } from './api'

/** Below this many answers a share or a mean says little: the page marks it "n < 10". */
export const SMALL_BASE = 10

export function emptyFilter(): ResultsFilter {
  return { event: '', challenge: '', phase: '', from: '', to: '', audience: '' }
}

/** The filter from the page's query string, ignoring what is not a filter value. */
export function filterFromQuery(query: Record<string, unknown>): ResultsFilter {
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const phase = text(query.phase)
  const audience = text(query.audience)
  return {
    event: /^\d+$/.test(text(query.event)) ? text(query.event) : '',
    challenge: /^\d+$/.test(text(query.challenge)) ? text(query.challenge) : '',
    phase: phase === 'PRE' || phase === 'POST' ? phase : '',
    from: /^\d{4}-\d{2}-\d{2}$/.test(text(query.from)) ? text(query.from) : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(text(query.to)) ? text(query.to) : '',
    audience: ['CHILD', 'TEEN', 'ADULT', 'SENIOR'].includes(audience) ? (audience as ResultsFilter['audience']) : '',
  }
}

/** Why the filter cannot be asked for, as a locale key; null when it can. */
export function filterProblem(f: ResultsFilter): string | null {
  if (f.from && f.to && f.to < f.from) return 'surveys.results.filters.badPeriod'
  if (f.event && !/^\d+$/.test(f.event.trim())) return 'surveys.results.filters.badId'
  if (f.challenge && !/^\d+$/.test(f.challenge.trim())) return 'surveys.results.filters.badId'
  return null
}

/** Whether a figure rests on fewer than {@link SMALL_BASE} answers (and so is marked). */
export function smallBase(answered: number): boolean {
  return answered < SMALL_BASE
}

export type ChartKind = 'options' | 'distribution' | 'months' | 'none'

/** What a question's chart draws: bars per option, per value (scale, NPS) or per month; texts and numbers none. */
export interface QuestionChart {
  kind: ChartKind
  labels: string[]
  values: number[]
}

/**
 * The condition of a conditional question in words: the source question's text and the option's label in the UI
 * language (the keys are for machines), from the other questions of the same results; the keys when the source is
 * not among them.
 */
export function conditionWords(q: QuestionResult, all: QuestionResult[], language: string): { question: string; option: string } | null {
  if (!q.condition) return null
  const { questionKey, optionKey } = q.condition
  const source = all.find((other) => other.key === questionKey)
  const option = source?.options?.find((o) => o.key === optionKey)
  const pick = (t: { id: string; en: string }) => (language === 'en' ? t.en : t.id)
  return { question: source ? pick(source.text) : questionKey, option: option ? pick(option.label) : optionKey }
}

export function questionChart(q: QuestionResult, language: string): QuestionChart {
  if (q.options) {
    return {
      kind: 'options',
      labels: q.options.map((o) => (language === 'en' ? o.label.en : o.label.id)),
      values: q.options.map((o) => o.count),
    }
  }
  if (q.distribution) {
    return { kind: 'distribution', labels: q.distribution.map((d) => String(d.value)), values: q.distribution.map((d) => d.count) }
  }
  if (q.months && q.months.length) {
    return { kind: 'months', labels: q.months.map((m) => m.month), values: q.months.map((m) => m.count) }
  }
  return { kind: 'none', labels: [], values: [] }
}

/** The same bars for two results of one question (before and after), on the labels of the first. */
export function comparedValues(pre: QuestionResult, post: QuestionResult, language: string): { labels: string[]; pre: number[]; post: number[] } {
  const a = questionChart(pre, language)
  const b = questionChart(post, language)
  const byLabel = new Map(b.labels.map((l, i) => [l, b.values[i] ?? 0]))
  const labels = [...a.labels, ...b.labels.filter((l) => !a.labels.includes(l))]
  const preBy = new Map(a.labels.map((l, i) => [l, a.values[i] ?? 0]))
  return { labels, pre: labels.map((l) => preBy.get(l) ?? 0), post: labels.map((l) => byLabel.get(l) ?? 0) }
}

function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'id-ID'
}

/** A count: 1.234 in Indonesian, 1,234 in English. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value)
}

/** A mean, a median or an NPS to one decimal; a dash when there is none. */
export function formatFigure(value: number | null | undefined, language: string): string {
  if (value == null || !Number.isFinite(value)) return '–'
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(value)
}

/** A share as a whole percentage; a dash when nobody answered. */
export function formatShare(share: number | null | undefined, language: string): string {
  if (share == null || !Number.isFinite(share)) return '–'
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** The export's file name. */
export function exportName(id: number, kind: 'csv' | 'xlsx'): string {
  return `survei-${id}.${kind}`
}
