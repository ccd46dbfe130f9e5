/** Messages to registrants: staff e-mail an audience of an event's registrants and see what was sent. */
import type { components } from '@/api/schema'
import { messageAudienceValues } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type MessageAudience = Schemas['MessageAudience']
export type EventMessage = Schemas['EventMessage']
export type EventMessageRequest = Schemas['EventMessageRequest']
export type MessageAudienceCount = Schemas['MessageAudienceCount']

export const MESSAGE_AUDIENCES: readonly MessageAudience[] = messageAudienceValues

export async function listMessages(id: number): Promise<EventMessage[]> {
  return unwrap(await api.GET('/api/events/{id}/messages', { params: { path: { id } } }))
}

export async function countAudiences(id: number): Promise<MessageAudienceCount[]> {
  return unwrap(await api.GET('/api/events/{id}/messages/audiences', { params: { path: { id } } }))
}

export async function sendMessage(id: number, body: EventMessageRequest): Promise<EventMessage> {
  return unwrap(await api.POST('/api/events/{id}/messages', { params: { path: { id } }, body }))
}
