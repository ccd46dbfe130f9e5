import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import type { Role, User } from '@/lib/auth-api'
import { roleValues } from '@/api/schema'

type Schemas = components['schemas']

export type { Role, User }
export type RegisterRequest = Schemas['RegisterRequest']
export type UpdateMeRequest = Schemas['UpdateMeRequest']
export type SignUpResponse = Schemas['SignUpResponse']
export type UserPage = Schemas['UserPage']

export const ROLES: readonly Role[] = roleValues

/** Signs up. The answer is the same for a new and an already registered e-mail: an e-mail goes out either way. */
export async function register(body: RegisterRequest): Promise<SignUpResponse> {
  return unwrap(await api.POST('/api/auth/register', { body }))
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

/** A guardian's consent for an under-13 (the link in the guardian's e-mail). */
export async function confirmGuardianConsent(token: string): Promise<void> {
  unwrap(await api.POST('/api/auth/guardian-consent/{token}', { params: { path: { token } } }))
}

/** Verifies the account's e-mail address (the link in the sign-up e-mail). */
export async function verifyEmail(token: string): Promise<void> {
  unwrap(await api.POST('/api/auth/verify-email/{token}', { params: { path: { token } } }))
}

/** Ends every session of mine on every device, this one included. */
export async function logoutEverywhere(): Promise<void> {
  unwrap(await api.POST('/api/me/logout-everywhere'))
}

/** Sends me a new verification link. */
export async function resendVerification(): Promise<void> {
  unwrap(await api.POST('/api/me/verification'))
}

/** All my personal data (UU PDP) as a JSON file. */
export async function exportMyData(): Promise<Blob> {
  return unwrap(await api.GET('/api/me/export', { parseAs: 'blob' })) as Blob
}

/** Erases my account; my reading totals stay, anonymous. */
export async function deleteMe(): Promise<void> {
  unwrap(await api.DELETE('/api/me'))
}
