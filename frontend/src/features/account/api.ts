import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type User = Schemas['User']
export type Role = Schemas['Role']
export type RegisterRequest = Schemas['RegisterRequest']
export type LoginRequest = Schemas['LoginRequest']
export type LoginResponse = Schemas['LoginResponse']
export type UpdateMeRequest = Schemas['UpdateMeRequest']
export type UserPage = Schemas['UserPage']

export const ROLES: readonly Role[] = ['ADMIN', 'STAFF', 'REVIEWER', 'MEMBER']

export async function register(body: RegisterRequest): Promise<User> {
  return unwrap(await api.POST('/api/auth/register', { body }))
}

export async function login(body: LoginRequest): Promise<LoginResponse> {
  return unwrap(await api.POST('/api/auth/login', { body }))
}

export async function fetchMe(): Promise<User> {
  return unwrap(await api.GET('/api/me'))
}

export async function updateMe(body: UpdateMeRequest): Promise<User> {
  return unwrap(await api.PATCH('/api/me', { body }))
}

export async function listUsers(query: { page: number; size: number; q?: string }): Promise<UserPage> {
  return unwrap(await api.GET('/api/users', { params: { query } }))
}

export async function changeRole(id: number, role: Role): Promise<User> {
  return unwrap(await api.PUT('/api/users/{id}/role', { params: { path: { id } }, body: { role } }))
}
