/** Social: the library's connected Facebook Page, Instagram professional account and X account. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type SocialPlatform = Schemas['SocialPlatform']
export type ConnectionView = Schemas['ConnectionView']
export type ConnectionList = Schemas['ConnectionList']
export type ConnectResult = Schemas['ConnectResult']
export type PageChoice = Schemas['PageChoice']

export async function listConnections(): Promise<ConnectionList> {
  return unwrap(await api.GET('/api/social/connections'))
}

/** Where to send the browser to sign in with the platform. */
export async function startAuthorization(platform: SocialPlatform): Promise<string> {
  const start = unwrap(await api.POST('/api/social/authorizations', { body: { platform } }))
  return start.authorizationUrl ?? ''
}

export async function finishAuthorization(code: string, state: string): Promise<ConnectResult> {
  return unwrap(await api.POST('/api/social/connections/callback', { body: { code, state } }))
}

export async function choosePage(state: string, pageId: string): Promise<ConnectResult> {
  return unwrap(await api.POST('/api/social/connections/page', { body: { state, pageId } }))
}

export async function connectSystemUser(token: string, pageId?: string): Promise<ConnectResult> {
  return unwrap(await api.POST('/api/social/connections/system-user', { body: { token, pageId } }))
}

export async function disconnect(platform: SocialPlatform): Promise<void> {
  unwrap(await api.DELETE('/api/social/connections/{platform}', { params: { path: { platform } } }))
}
