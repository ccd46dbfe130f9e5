/** Answering a published survey: its form (with the form token) and the answers sent back. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type SurveyForm = Schemas['SurveyForm']
export type SurveySection = Schemas['SurveySection']
export type SurveyQuestion = Schemas['SurveyQuestion']
export type SurveyAnswers = Schemas['SurveyAnswers']

/** Where the form was opened: a registration's manage token, an event, a challenge (each optional). */
export interface FormContext {
  token?: string
  event?: number
  challenge?: number
}

export async function getForm(id: number, context: FormContext): Promise<SurveyForm> {
  return unwrap(await api.GET('/api/surveys/{id}/form', { params: { path: { id }, query: context } }))
}

export async function sendAnswers(id: number, body: SurveyAnswers): Promise<void> {
  unwrap(await api.POST('/api/surveys/{id}/responses', { params: { path: { id } }, body }))
}
