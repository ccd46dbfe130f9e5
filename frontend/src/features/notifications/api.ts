/** The signed-in person's notifications, unread count (live) and e-mail preferences. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type NotificationView = Schemas['Notification']
export type NotificationPage = Schemas['NotificationPage']
export type NotificationSettings = Schemas['NotificationSettings']
export type EmailSetting = Schemas['NotificationEmailSetting']
export type NotificationKind = Schemas['NotificationKind']

/** The Server-Sent Events stream of the unread count ('unread' events); it needs the bearer token. */
export const UNREAD_STREAM_URL = '/api/me/notifications/stream'

export async function listNotifications(query: { unread?: boolean; page: number; size: number }): Promise<NotificationPage> {
  const { unread, ...rest } = query
  return unwrap(
    await api.GET('/api/me/notifications', { params: { query: { ...rest, ...(unread ? { unread: true } : {}) } } }),
  )
}

export async function unreadCount(): Promise<number> {
  return unwrap(await api.GET('/api/me/notifications/unread-count')).unread ?? 0
}

export async function markRead(id: number): Promise<NotificationView> {
  return unwrap(await api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } }))
}

export async function markAllRead(): Promise<number> {
  return unwrap(await api.POST('/api/me/notifications/read-all')).marked ?? 0
}

export async function getSettings(): Promise<NotificationSettings> {
  return unwrap(await api.GET('/api/me/notification-settings'))
}

export async function saveSettings(body: NotificationSettings): Promise<NotificationSettings> {
  return unwrap(await api.PUT('/api/me/notification-settings', { body }))
}
