/** Live Q&A of an event: patrons ask and upvote, staff moderate and answer. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type Question = Schemas['Question']

export type QuestionStatus = Schemas['QuestionStatus']

export type QuestionUpdate = Schemas['QuestionUpdate']

export async function listQuestions(id: number): Promise<Question[]> {
  return unwrap(await api.GET('/api/events/{id}/questions', { params: { path: { id } } }))
}

export async function askQuestion(id: number, body: Schemas['QuestionRequest']): Promise<Question> {
  return unwrap(await api.POST('/api/events/{id}/questions', { params: { path: { id } }, body }))
}

export async function upvoteQuestion(id: number, questionId: number, manageToken: string): Promise<Question> {
  return unwrap(
    await api.POST('/api/events/{id}/questions/{questionId}/upvote', {
      params: { path: { id, questionId } },
      body: { manageToken },
    }),
  )
}

/** Server-sent events of the visible questions (a SNAPSHOT, then UPSERT/REMOVE/HEARTBEAT); see lib/sse.ts. */
export const questionStreamUrl = (id: number) => `/api/events/${id}/questions/stream`

export async function listAllQuestions(id: number, status?: QuestionStatus): Promise<Question[]> {
  return unwrap(
    await api.GET('/api/events/{id}/questions/manage', { params: { path: { id }, query: status ? { status } : {} } }),
  )
}

export async function approveQuestion(id: number, questionId: number): Promise<Question> {
  return unwrap(await api.POST('/api/events/{id}/questions/{questionId}/approve', { params: { path: { id, questionId } } }))
}

export async function hideQuestion(id: number, questionId: number): Promise<Question> {
  return unwrap(await api.POST('/api/events/{id}/questions/{questionId}/hide', { params: { path: { id, questionId } } }))
}

export async function answerQuestion(id: number, questionId: number, answer: string): Promise<Question> {
  return unwrap(
    await api.POST('/api/events/{id}/questions/{questionId}/answer', { params: { path: { id, questionId } }, body: { answer } }),
  )
}
