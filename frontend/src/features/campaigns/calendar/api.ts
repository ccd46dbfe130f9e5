/** The content calendar: what is planned or published on each day, and the cadence warnings. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

/**
 * The document writes a nullable enum as `type: [string, null]` beside its `$ref`, which the generated types widen to
 * `string`: the item's enums are narrowed back here.
 */
export type CalendarItem = Omit<Schemas['CalendarItem'], 'platform' | 'postStatus' | 'contentType' | 'delivery'> & {
  platform: Schemas['SocialPlatform'] | null
  postStatus: Schemas['PostStatus'] | null
  contentType: Schemas['ContentType'] | null
  delivery: Schemas['Delivery'] | null
}

export type ContentCalendar = Omit<Schemas['ContentCalendar'], 'items'> & { items: CalendarItem[] }

export type CadenceWarning = Schemas['CadenceWarning']


export async function getCalendar(from: string, to: string): Promise<ContentCalendar> {
  return unwrap(await api.GET('/api/content-calendar', { params: { query: { from, to } } })) as ContentCalendar
}
