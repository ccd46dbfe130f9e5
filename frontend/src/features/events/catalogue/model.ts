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
] as const

/** A page-specific message for a 409 problem, to pass to describeError/fail as the 409 override. */
export function conflictMessage(error: unknown, t: Translate): Partial<Record<number, string>> {
  const slug = problemSlug(error)
  if (slug && (CONFLICTS as readonly string[]).includes(slug)) return { 409: t(`events.conflict.${slug}`) }
  return {}
}
