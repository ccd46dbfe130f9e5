import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type SurveyResults = Schemas['SurveyResults']
export type QuestionResult = Schemas['SurveyQuestionResult']
export type TextAnswerPage = Schemas['SurveyTextAnswerPage']
export type SurveyComparison = Schemas['SurveyComparison']
export type QuestionComparison = Schemas['SurveyQuestionComparison']

/** The filters every results endpoint takes; empty strings are "all". */
export interface ResultsFilter {
  event: string
  challenge: string
  phase: '' | 'PRE' | 'POST'
  from: string
  to: string
  audience: '' | 'CHILD' | 'TEEN' | 'ADULT' | 'SENIOR'
}

/** The query parameters of a filter: only those that are set. */
export function filterQuery(f: ResultsFilter): Record<string, string> {
  const q: Record<string, string> = {}
  for (const key of ['event', 'challenge', 'phase', 'from', 'to', 'audience'] as const) {
    const value = f[key].trim()
    if (value) q[key] = value
  }
  return q
}

export async function getResults(id: number, f: ResultsFilter): Promise<SurveyResults> {
  return unwrap(await api.GET('/api/surveys/{id}/results', { params: { path: { id }, query: filterQuery(f) } }))
}

export async function getTextAnswers(
  id: number,
  question: string,
  search: string,
  page: number,
  f: ResultsFilter,
): Promise<TextAnswerPage> {
  const query = { ...filterQuery(f), question, page, size: 10, ...(search.trim() ? { q: search.trim() } : {}) }
  return unwrap(await api.GET('/api/surveys/{id}/results/texts', { params: { path: { id }, query } }))
}

export async function getComparison(id: number, f: ResultsFilter): Promise<SurveyComparison> {
  const { phase: _phase, ...rest } = filterQuery(f)
  void _phase
  return unwrap(
    await api.GET('/api/surveys/{id}/results/comparison', {
      params: { path: { id }, query: { ...rest, challenge: Number(f.challenge.trim()) } },
    }),
  )
}

/** Every response in the filter as CSV (the same client, so the bearer token goes along). */
export async function downloadCsv(id: number, f: ResultsFilter): Promise<Blob> {
  return unwrap(
    await api.GET('/api/surveys/{id}/results/responses.csv', {
      params: { path: { id }, query: filterQuery(f) },
      parseAs: 'blob',
    }),
  ) as unknown as Blob // parseAs: 'blob' reads the body as a Blob, which the generated types cannot know
}

export async function downloadXlsx(id: number, f: ResultsFilter): Promise<Blob> {
  return unwrap(
    await api.GET('/api/surveys/{id}/results/responses.xlsx', {
      params: { path: { id }, query: filterQuery(f) },
      parseAs: 'blob',
    }),
  ) as unknown as Blob
}
