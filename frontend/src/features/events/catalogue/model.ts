/** What the event pages show about an event, kept apart from the pages so it is testable. */
import { problemSlug, type Translate } from '@/lib/api-client'
import type { Tone } from '@/lib/tone'
import type { EventStatus, EventSummary } from './api'

export function eventStatusLabel(status: EventStatus | undefined, t: Translate): string {
  return status ? t(`events.eventStatus.${status}`) : ''
}

export function eventStatusTone(status: EventStatus | undefined): Tone {
  switch (status) {
    case 'PUBLISHED':
      return 'success'
    case 'CANCELLED':
      return 'danger'
    case 'DRAFT':
      return 'warning'
    default:
      return 'neutral'
  }
}

/**
 * The seats line of an event card: "Sisa 3 kursi", "Kursi tidak terbatas", or the waitlist badge when every seat
 * is taken (new registrants join the waitlist).
 */
export function seatsInfo(event: Pick<EventSummary, 'capacity' | 'seatsLeft' | 'waitlistCount'>, t: Translate, n: (v: number) => string) {
  if (event.capacity == null) return { text: t('events.seats.unlimited'), waitlist: false }
  const left = event.seatsLeft ?? 0
  if (left <= 0) return { text: t('events.seats.full'), waitlist: true }
  return { text: t('events.seats.left', { count: n(left), capacity: n(event.capacity) }), waitlist: false }
}

/** "1 jam 30 menit", "45 menit", "2 jam". */
export function durationText(minutes: number, t: Translate): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours && rest) return t('events.duration.hoursMinutes', { hours, minutes: rest })
  if (hours) return t('events.duration.hours', { hours })
  return t('events.duration.minutes', { minutes: rest })
}

/** A WhatsApp click-to-chat link that shares `text` followed by `url`, for any chat the patron picks. */
export function whatsappShareLink(text: string, url: string): string {
  const message = [text.trim(), url.trim()].filter(Boolean).join(' ')
  return `https://wa.me/?text=${encodeURIComponent(message)}`
}

/** Conflicts (409) the events pages explain in the patron's words; the key is under events.conflict. */
const CONFLICTS = [
  'registration-closed',
  'registration-not-open',
  'event-full',
  'event-cancelled',
  'event-closed',
  'event-over',
  'event-started',
  'event-not-published',
  'event-not-draft',
  'event-not-started',
  'feedback-exists',
  'not-attendee',
  'not-confirmed',
  'not-waitlisted',
  'already-attended',
  'no-open-sessions',
] as const

/** A page-specific message for a 409 problem, to pass to describeError/fail as the 409 override. */
export function conflictMessage(error: unknown, t: Translate): Partial<Record<number, string>> {
  const slug = problemSlug(error)
  if (slug && (CONFLICTS as readonly string[]).includes(slug)) return { 409: t(`events.conflict.${slug}`) }
  return {}
}

/** "20261212T070000Z": an instant as Google Calendar's `dates` wants it (UTC, no separators). */
function calendarStamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')
}

/**
 * A link that opens Google Calendar's "new event" screen filled in with the event: what Android phones open when a
 * .ics file will not. Built with URLSearchParams, so titles and descriptions with any character arrive intact.
 */
export function googleCalendarLink(event: {
  title?: string
  startsAt?: string
  endsAt?: string
  description?: string
  url?: string
  location?: string
}): string {
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title ?? '' })
  if (event.startsAt) {
    const start = calendarStamp(event.startsAt)
    params.set('dates', `${start}/${event.endsAt ? calendarStamp(event.endsAt) : start}`)
  }
  const details = [event.description?.trim(), event.url].filter(Boolean).join('\n\n')
  if (details) params.set('details', details)
  if (event.location) params.set('location', event.location)
  return `https://calendar.google.com/calendar/render?${params.toString()}`
}

/** A catalogue card: an event, or the next session of a series with how many of its sessions the list holds. */
export interface CatalogueEntry<E> {
  event: E
  /** How many sessions of the same series were folded into this card (1 for a one-off event). */
  sessions: number
}

/**
 * Folds a series' sessions into one card, at the place of its first (the list is in date order, so the next
 * session): six identical cards of a monthly book club become one.
 */
export function foldSeries<E extends { seriesId?: number | null }>(events: readonly E[]): CatalogueEntry<E>[] {
  const entries: CatalogueEntry<E>[] = []
  const bySeries = new Map<number, CatalogueEntry<E>>()
  for (const event of events) {
    const series = event.seriesId
    if (series == null) {
      entries.push({ event, sessions: 1 })
      continue
    }
    const entry = bySeries.get(series)
    if (entry) {
      entry.sessions++
    } else {
      const created = { event, sessions: 1 }
      bySeries.set(series, created)
      entries.push(created)
    }
  }
  return entries
}
