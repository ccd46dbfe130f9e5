/**
 * Tanya Perpustakaan (issue 19): asking the assistant (anyone), and the knowledge base it answers from with the
 * questions it handed over (staff).
 */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'

type Schemas = components['schemas']

export type Answer = Schemas['AssistantAnswer']
export type AnswerLink = Schemas['AssistantLink']
export type FaqEntry = Schemas['FaqEntry']
export type FaqEntryRequest = Schemas['FaqEntryRequest']
export type FaqLink = Schemas['FaqLink']
export type LiveAnswer = Schemas['LiveAnswer']
export type UnansweredQuestion = Schemas['UnansweredQuestion']

export async function ask(question: string, language: 'id' | 'en'): Promise<Answer> {
  return unwrap(await api.POST('/api/assistant/questions', { body: { question, language } }))
}

export async function listEntries(): Promise<FaqEntry[]> {
  return unwrap(await api.GET('/api/faq'))
}

export async function getEntry(id: number): Promise<FaqEntry> {
  return unwrap(await api.GET('/api/faq/{id}', { params: { path: { id } } }))
}

export async function createEntry(body: FaqEntryRequest): Promise<FaqEntry> {
  return unwrap(await api.POST('/api/faq', { body }))
}

export async function updateEntry(id: number, version: number, body: FaqEntryRequest): Promise<FaqEntry> {
  return unwrap(await api.PUT('/api/faq/{id}', { params: { path: { id } }, headers: ifMatch(version), body }))
}

export async function deleteEntry(id: number): Promise<void> {
  const { error, response } = await api.DELETE('/api/faq/{id}', { params: { path: { id } } })
  unwrap({ data: undefined, error, response })
}

export async function listUnanswered(): Promise<UnansweredQuestion[]> {
  return unwrap(await api.GET('/api/faq/unanswered'))
}
