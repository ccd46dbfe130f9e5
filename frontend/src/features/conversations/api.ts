/** The staff inbox (issue 18): threads, one thread with its messages and notes, replies, saved replies, live changes. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'

type Schemas = components['schemas']

export type ThreadSummary = Schemas['ConversationThreadSummary']
export type ThreadPage = Schemas['ConversationThreadPage']
export type Thread = Schemas['ConversationThread']
export type ThreadStatus = Schemas['ThreadStatus']
export type Channel = Schemas['ConversationChannel']
export type SavedReply = Schemas['SavedReply']
export type SavedReplyRequest = Schemas['SavedReplyRequest']
export type ThreadAbout = Schemas['ConversationAbout']
export type StaffMember = Schemas['ConversationStaffMember']
export type ResponseTimeReport = Schemas['ResponseTimeReport']
export type ResponseTimeMeasure = Schemas['ResponseTimeMeasure']
export type ResponseTimeFigures = Schemas['ResponseTimeFigures']
export type ReplySuggestion = Schemas['ReplySuggestion']
export type AssistantSettings = Schemas['AssistantSettings']

/** The Server-Sent Events stream of thread changes ('conversation' events, data {"threadId":31}); needs the token. */
export const CONVERSATION_STREAM_URL = '/api/conversations/stream'

export interface ThreadQuery {
  status?: ThreadStatus
  channel?: Channel
  assignee?: string
  q?: string
  page: number
  size: number
}

export async function listThreads(query: ThreadQuery): Promise<ThreadPage> {
  return unwrap(await api.GET('/api/conversations', { params: { query } }))
}

export async function getThread(id: number): Promise<Thread> {
  return unwrap(await api.GET('/api/conversations/{id}', { params: { path: { id } } }))
}

export async function setStatus(id: number, version: number, status: ThreadStatus): Promise<Thread> {
  return unwrap(
    await api.PUT('/api/conversations/{id}/status', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { status },
    }),
  )
}

export async function setAssignee(id: number, version: number, assigneeId: number | null): Promise<Thread> {
  return unwrap(
    await api.PUT('/api/conversations/{id}/assignee', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { assigneeId },
    }),
  )
}

export async function setMinor(id: number, version: number, minor: boolean): Promise<Thread> {
  return unwrap(
    await api.PUT('/api/conversations/{id}/minor', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { minor },
    }),
  )
}

/** Whom a thread can be assigned to: staff members and admins, by name. */
export async function listStaff(): Promise<StaffMember[]> {
  return unwrap(await api.GET('/api/conversations/staff'))
}

/** The response-time report over [from, to] (WITA dates, both included). */
export async function getResponseTimes(from: string, to: string): Promise<ResponseTimeReport> {
  return unwrap(await api.GET('/api/conversations/response-times', { params: { query: { from, to } } }))
}

export async function addNote(id: number, body: string): Promise<unknown> {
  return unwrap(await api.POST('/api/conversations/{id}/notes', { params: { path: { id } }, body: { body } }))
}

export async function reply(id: number, body: string): Promise<unknown> {
  return unwrap(await api.POST('/api/conversations/{id}/replies', { params: { path: { id } }, body: { body } }))
}

export async function listSavedReplies(): Promise<SavedReply[]> {
  return unwrap(await api.GET('/api/conversations/saved-replies'))
}

export async function createSavedReply(body: SavedReplyRequest): Promise<SavedReply> {
  return unwrap(await api.POST('/api/conversations/saved-replies', { body }))
}

export async function updateSavedReply(id: number, version: number, body: SavedReplyRequest): Promise<SavedReply> {
  return unwrap(
    await api.PUT('/api/conversations/saved-replies/{id}', {
      params: { path: { id } },
      headers: ifMatch(version),
      body,
    }),
  )
}

export async function deleteSavedReply(id: number): Promise<void> {
  const { error, response } = await api.DELETE('/api/conversations/saved-replies/{id}', { params: { path: { id } } })
  unwrap({ data: undefined, error, response })
}

export async function fillSavedReply(
  threadId: number,
  id: number,
  body: { language: string; acara?: string | null; tautan?: string | null },
): Promise<string> {
  return unwrap(
    await api.POST('/api/conversations/{threadId}/saved-replies/{id}/fill', {
      params: { path: { threadId, id } },
      body,
    }),
  ).text
}

/** Tanya Perpustakaan's suggested answers for the thread's latest message (up to 3, the best first). */
export async function suggestReplies(id: number, language: 'id' | 'en'): Promise<ReplySuggestion[]> {
  return unwrap(await api.GET('/api/conversations/{id}/suggestions', { params: { path: { id }, query: { language } } }))
}

/** Tanya Perpustakaan's switches: whether it answers WhatsApp messages on its own. */
export async function getAssistantSettings(): Promise<AssistantSettings> {
  return unwrap(await api.GET('/api/assistant/settings'))
}

export async function updateAssistantSettings(version: number, whatsappAutoAnswer: boolean): Promise<AssistantSettings> {
  return unwrap(await api.PUT('/api/assistant/settings', { headers: ifMatch(version), body: { whatsappAutoAnswer } }))
}
