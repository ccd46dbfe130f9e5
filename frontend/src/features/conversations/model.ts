/** What the inbox shows: channel names, status labels and tones, and the filters as the list's query. */
import type { Tone } from '@/lib/tone'
import type { Channel, ThreadQuery, ThreadStatus } from './api'

export const THREAD_STATUSES: readonly ThreadStatus[] = ['NEW', 'OPEN', 'WAITING', 'DONE']
export const CHANNELS: readonly Channel[] = ['FACEBOOK', 'INSTAGRAM', 'X', 'WHATSAPP', 'WEB']

const CHANNEL_NAMES: Record<string, string> = {
  FACEBOOK: 'Facebook',
  INSTAGRAM: 'Instagram',
  X: 'X',
  WHATSAPP: 'WhatsApp',
}

/** A channel by its name; the web form (and an unknown, newer channel) has a translated label. */
export function channelName(channel: string, t: (key: string) => string): string {
  return CHANNEL_NAMES[channel] ?? (channel === 'WEB' ? t('conversations.channelWeb') : channel)
}

/** The locale key of a status label; an unknown status (a newer server) shows as "Baru". */
export function statusLabelKey(status: string): string {
  return (THREAD_STATUSES as readonly string[]).includes(status)
    ? `conversations.status.${status}`
    : 'conversations.status.NEW'
}

export function statusTone(status: string): Tone {
  switch (status) {
    case 'NEW':
      return 'info'
    case 'OPEN':
      return 'warning'
    case 'DONE':
      return 'success'
    default:
      return 'neutral'
  }
}

export type AssigneeFilter = '' | 'mine' | 'unassigned'

export interface InboxFilters {
  status: '' | ThreadStatus
  channel: '' | Channel
  assignee: AssigneeFilter
  q: string
}

export const NO_FILTERS: InboxFilters = { status: '', channel: '', assignee: '', q: '' }

/** The filters as the list's query: empty ones are left out, the search trimmed and cut at 200 characters. */
export function toQuery(filters: InboxFilters, page: number, size: number): ThreadQuery {
  const query: ThreadQuery = { page, size }
  if (filters.status) query.status = filters.status
  if (filters.channel) query.channel = filters.channel
  if (filters.assignee) query.assignee = filters.assignee
  const q = filters.q.trim().slice(0, 200)
  if (q) query.q = q
  return query
}

/** A message from the contact (IN) or one staff sent (OUT). */
export function isIncoming(direction: string): boolean {
  return direction !== 'OUT'
}

/** The locale key of a sent message's delivery state, or null for an incoming one. */
export function deliveryKey(delivery: string | null | undefined): string | null {
  if (!delivery) return null
  return ['SENT', 'DELIVERED', 'READ', 'FAILED'].includes(delivery) ? `conversations.delivery.${delivery}` : null
}

/** The saved replies' placeholders as the messages show them (a literal brace cannot be written in a message). */
export const PLACEHOLDERS = { nama: '{nama}', acara: '{acara}', tautan: '{tautan}' } as const

/** A date (YYYY-MM-DD) moved by whole days, computed at noon UTC so that no zone moves it. */
export function shiftDate(date: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number)
  const at = new Date(Date.UTC(y, m - 1, d, 12) + days * 86_400_000)
  return at.toISOString().slice(0, 10)
}

/** The report's default period: the last twelve weeks, today included (as the server's default). */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: shiftDate(today, -83), to: today }
}

/**
 * A duration in seconds as people read it: "45 dtk", "12 mnt", "2 j 5 mnt", "3 h 4 j" (locale keys
 * conversations.report.duration.*); null (no threads) as an em dash.
 */
export function formatDuration(
  seconds: number | null | undefined,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  const s = Math.round(seconds)
  if (s < 60) return t('conversations.report.duration.seconds', { n: s })
  const minutes = Math.round(s / 60)
  if (minutes < 60) return t('conversations.report.duration.minutes', { n: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('conversations.report.duration.hours', { h: hours, m: minutes % 60 })
  return t('conversations.report.duration.days', { d: Math.floor(hours / 24), h: hours % 24 })
}

/** Seconds as the chart's unit: minutes for first responses, hours for resolutions, to one decimal. */
export function inUnit(seconds: number | null | undefined, unit: 'minutes' | 'hours'): number | null {
  if (seconds === null || seconds === undefined) return null
  const value = seconds / (unit === 'minutes' ? 60 : 3600)
  return Math.round(value * 10) / 10
}
