/** The event catalogue: the public list and page of an event, and staff's events (create, edit, publish, cancel). */
import type { components } from '@/api/schema'
import { api, getAsPreloaded, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'
import type { Audience } from '@/lib/audience'
import { eventStatusValues, eventTypeValues, platformValues } from '@/api/schema'

export type { Audience }
export { AUDIENCES } from '@/lib/audience'

type Schemas = components['schemas']

export type EventSummary = Schemas['Event']

export type EventPage = Schemas['EventPage']

export type StaffEvent = Schemas['StaffEvent']

export type StaffEventPage = Schemas['StaffEventPage']

export type EventRequest = Schemas['EventRequest']

export type EventType = Schemas['EventType']

export type Platform = Schemas['Platform']

export type EventStatus = Schemas['EventStatus']

export const EVENT_TYPES: readonly EventType[] = eventTypeValues

export const PLATFORMS: readonly Platform[] = platformValues

export const EVENT_STATUSES: readonly EventStatus[] = eventStatusValues

/** Languages staff usually pick; the API takes any BCP 47 tag. */
export const EVENT_LANGUAGES = ['id', 'en', 'bjn'] as const

export interface CatalogueQuery {
  type?: EventType
  audience?: Audience
  language?: string
  /** A date (YYYY-MM-DD) in the library's zone. */
  from?: string
  to?: string
  page: number
  size: number
}


export async function listEvents(query: CatalogueQuery): Promise<EventPage> {
  return unwrap(await api.GET('/api/events', { params: { query } }))
}

/** An event as the public sees it. A visitor's first request uses the copy the page preloaded (B7). */
export async function getEvent(id: number): Promise<EventSummary> {
  const preloaded = await getAsPreloaded<EventSummary>(`/api/events/${id}`)
  return preloaded ?? unwrap(await api.GET('/api/events/{id}', { params: { path: { id } } }))
}

/** Links the browser follows itself (downloads), not fetched by the SPA. */
export const eventCalendarUrl = (id: number) => `/api/events/${id}/calendar.ics`


export async function listManagedEvents(query: { status?: EventStatus; page: number; size: number }): Promise<StaffEventPage> {
  return unwrap(await api.GET('/api/events/manage', { params: { query } }))
}

export async function getManagedEvent(id: number): Promise<StaffEvent> {
  return unwrap(await api.GET('/api/events/manage/{id}', { params: { path: { id } } }))
}

export async function createEvent(body: EventRequest): Promise<StaffEvent> {
  return unwrap(await api.POST('/api/events', { body }))
}

/** A stale `version` is a 409 (stale-version): someone saved first. */
export async function replaceEvent(id: number, version: number, body: EventRequest): Promise<StaffEvent> {
  return unwrap(await api.PUT('/api/events/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))
}

export type SurveyChoice = Schemas['Survey']

/**
 * The surveys staff may pick as an event's feedback survey: every survey but the CLOSED ones, most recently changed
 * first (the first 100).
 */
export async function listFeedbackSurveyChoices(): Promise<SurveyChoice[]> {
  const page = unwrap(await api.GET('/api/surveys', { params: { query: { page: 0, size: 100 } } }))
  return (page.items ?? []).filter((s) => s.status !== 'CLOSED')
}

export async function publishEvent(id: number): Promise<StaffEvent> {
  return unwrap(await api.POST('/api/events/{id}/publish', { params: { path: { id } } }))
}

export async function cancelEvent(id: number): Promise<StaffEvent> {
  return unwrap(await api.POST('/api/events/{id}/cancel', { params: { path: { id } } }))
}
