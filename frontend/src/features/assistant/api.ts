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

export async function ask(question: string, language: 'id' | 'en', conversationToken?: string | null): Promise<Answer> {
  const body = conversationToken ? { question, language, conversationToken } : { question, language }
  return unwrap(await api.POST('/api/assistant/questions', { body }))
}

// The web hand-over (issue 19, point 2): a handed-over question opens a conversation the asker keeps by its token; a
// librarian's replies come over SSE.

/** A message of a handed-over conversation: the asker's, or a librarian's reply. */
export type ConversationMessage = Schemas['AssistantConversationMessage']

/** The answer's token of the conversation it belongs to (set when handed over). */
export function conversationTokenOf(answer: Answer): string | null {
  return answer.conversationToken || null
}

export async function getConversation(token: string): Promise<ConversationMessage[]> {
  return unwrap(await api.GET('/api/assistant/conversations/{token}', { params: { path: { token } } })).messages
}

export async function sendToConversation(token: string, text: string): Promise<ConversationMessage> {
  return unwrap(await api.POST('/api/assistant/conversations/{token}/messages', { params: { path: { token } }, body: { text } }))
}

/** The Server-Sent Events of a conversation: a 'message' event per librarian's reply. */
export const conversationStreamUrl = (token: string) => `/api/assistant/conversations/${encodeURIComponent(token)}/stream`

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
