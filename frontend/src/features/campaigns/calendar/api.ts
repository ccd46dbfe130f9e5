/** The content calendar: what is planned or published on each day, and the cadence warnings. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type ContentCalendar = Schemas['ContentCalendar']

export type CalendarItem = Schemas['CalendarItem']

export type CadenceWarning = Schemas['CadenceWarning']


export async function getCalendar(from: string, to: string): Promise<ContentCalendar> {
  return unwrap(await api.GET('/api/calendar', { params: { query: { from, to } } }))
}
