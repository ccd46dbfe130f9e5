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
// librarian's replies come over SSE. HAND-OVER CONTRACT: written against the agreed contract before the backend's
// hand-over API is in the OpenAPI document, so these calls are typed here by hand (the only casts of the feature);
// once the schema has them, use its types and drop the casts.

/** A message of a handed-over conversation: the asker's, or a librarian's reply. */
export interface ConversationMessage {
  id: number
  from: 'ASKER' | 'LIBRARY'
  text: string
  sentAt: string
}

/** The answer's token of the conversation it opened (set when handed over). */
export function conversationTokenOf(answer: Answer): string | null {
  const token = (answer as Answer & { conversationToken?: string | null }).conversationToken
  return typeof token === 'string' && token ? token : null
}

type UntypedClient = {
  GET(path: string, init: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }>
  POST(path: string, init: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }>
}
const handOverApi = api as unknown as UntypedClient

export async function getConversation(token: string): Promise<ConversationMessage[]> {
  const result = await handOverApi.GET('/api/assistant/conversations/{token}', { params: { path: { token } } })
  return (unwrap(result) as { messages: ConversationMessage[] }).messages
}

export async function sendToConversation(token: string, text: string): Promise<ConversationMessage> {
  const result = await handOverApi.POST('/api/assistant/conversations/{token}/messages', { params: { path: { token } }, body: { text } })
  return unwrap(result) as ConversationMessage
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
