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
