import type { components } from '@/api/schema'
import { api, unwrap } from './api-client'

type Schemas = components['schemas']

export type User = Schemas['User']
export type Role = Schemas['Role']
export type LoginRequest = Schemas['LoginRequest']
export type LoginResponse = Schemas['LoginResponse']

/** The session's two calls, shared by every feature through the auth store (lib/auth-store.ts). */
export async function login(body: LoginRequest): Promise<LoginResponse> {
  return unwrap(await api.POST('/api/auth/login', { body }))
}

export async function fetchMe(): Promise<User> {
  return unwrap(await api.GET('/api/me'))
}
