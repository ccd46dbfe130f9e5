import { notificationKindValues } from '@/api/schema'

/** What the notification centre shows: the badge text, the kinds with their labels, and the list after a change. */

/** Every kind of notification, in the backend's order (NotificationKind), which the settings follow: generated. */
export const NOTIFICATION_KINDS = notificationKindValues

export type KindName = (typeof NOTIFICATION_KINDS)[number]

/** The badge's text: nothing at 0, the number up to 99, then "99+". */
export function badgeText(unread: number): string {
  if (!Number.isFinite(unread) || unread <= 0) return ''
  return unread > 99 ? '99+' : String(Math.floor(unread))
}

/** The locale key of a kind's label; an unknown kind (a newer server) has a generic one. */
export function kindLabelKey(kind: string | null | undefined): string {
  return kind && (NOTIFICATION_KINDS as readonly string[]).includes(kind)
    ? `notifications.kinds.${kind}`
    : 'notifications.kinds.OTHER'
}

export interface ReadableItem {
  id?: number
  readAt?: string | null
}

/** The list with one item replaced by its read version (as the server answered). */
export function withRead<T extends ReadableItem>(items: T[], updated: T): T[] {
  return items.map((item) => (item.id === updated.id ? updated : item))
}

/** The list with every item read at `at`. */
export function allRead<T extends ReadableItem>(items: T[], at: string): T[] {
  return items.map((item) => (item.readAt ? item : { ...item, readAt: at }))
}

/** A link inside the app, or null: a notification's link is a path ("/staf/..."), never another site. */
export function internalLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null
}
