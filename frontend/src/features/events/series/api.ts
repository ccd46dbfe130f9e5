/** Series of events (a monthly book club): patrons see the sessions and register for all; staff create them. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type SeriesSessions = Schemas['SeriesSessions']

export type SeriesRegistrationResult = Schemas['SeriesRegistrationResult']

export type Series = Schemas['Series']

export type SeriesRequest = Schemas['SeriesRequest']

export type MoveResult = Schemas['MoveResult']

export async function getSeriesSessions(id: number): Promise<SeriesSessions> {
  return unwrap(await api.GET('/api/event-series/{id}/sessions', { params: { path: { id } } }))
}

export async function registerForSeries(
  id: number,
  body: Schemas['RegistrationRequest'],
): Promise<SeriesRegistrationResult> {
  return unwrap(await api.POST('/api/event-series/{id}/registrations', { params: { path: { id } }, body }))
}

export async function createSeries(body: SeriesRequest): Promise<Series> {
  return unwrap(await api.POST('/api/event-series', { body }))
}

/** Moves an event's registrants to another (rescheduled) event; the source event is cancelled. */
export async function moveRegistrants(fromId: number, targetEventId: number): Promise<MoveResult> {
  return unwrap(
    await api.POST('/api/events/{id}/registrations/move', { params: { path: { id: fromId } }, body: { targetEventId } }),
  )
}
