/** The survey builder (issue 20): staff list, build, publish, close, duplicate and delete surveys, and share them. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'

type Schemas = components['schemas']

export type Survey = Schemas['Survey']
export type SurveyRequest = Schemas['SurveyRequest']
export type SurveySection = Schemas['SurveySection']
export type SurveyQuestion = Schemas['SurveyQuestion']
export type SurveyPage = Schemas['SurveyPage']
export type SurveyStatus = Survey['status']
export type SurveyAccess = Survey['access']
export type QuestionType = SurveyQuestion['type']

export const SURVEY_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED'] as const satisfies readonly SurveyStatus[]
export const SURVEY_ACCESSES = ['ANONYMOUS', 'MANAGE_LINK', 'ACCOUNT'] as const satisfies readonly SurveyAccess[]
export const QUESTION_TYPES = [
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'SCALE_5',
  'NPS',
  'SHORT_TEXT',
  'LONG_TEXT',
  'DATE',
  'NUMBER',
] as const satisfies readonly QuestionType[]

export async function listSurveys(query: { page: number; size: number; status?: SurveyStatus }): Promise<SurveyPage> {
  return unwrap(await api.GET('/api/surveys', { params: { query } }))
}

export async function getSurvey(id: number): Promise<Survey> {
  return unwrap(await api.GET('/api/surveys/{id}', { params: { path: { id } } }))
}

export async function createSurvey(body: SurveyRequest): Promise<Survey> {
  return unwrap(await api.POST('/api/surveys', { body }))
}

export async function updateSurvey(id: number, version: number, body: SurveyRequest): Promise<Survey> {
  return unwrap(await api.PUT('/api/surveys/{id}', { params: { path: { id } }, headers: ifMatch(version), body }))
}

export async function publishSurvey(id: number): Promise<Survey> {
  return unwrap(await api.POST('/api/surveys/{id}/publish', { params: { path: { id } } }))
}

export async function closeSurvey(id: number): Promise<Survey> {
  return unwrap(await api.POST('/api/surveys/{id}/close', { params: { path: { id } } }))
}

export async function duplicateSurvey(id: number): Promise<Survey> {
  return unwrap(await api.POST('/api/surveys/{id}/duplicate', { params: { path: { id } } }))
}

export async function deleteSurvey(id: number): Promise<void> {
  const { error, response } = await api.DELETE('/api/surveys/{id}', { params: { path: { id } } })
  unwrap({ data: undefined, error, response })
}

/** A DRAFT post inviting people to answer the (published, shareable) survey; its id, for the post editor. */
export async function draftPostFromSurvey(surveyId: number): Promise<number> {
  const post = unwrap(await api.POST('/api/posts/draft-from-survey/{surveyId}', { params: { path: { surveyId } } }))
  return post.id
}

/** The survey's public page, where patrons answer it (A builds it: /survei/:id). */
export const publicSurveyPath = (id: number) => `/survei/${id}`

/** The QR code of the public link, a PNG for staff (A builds it). */
export const surveyQrUrl = (id: number) => `/api/surveys/${id}/qr.png`
