import type { User } from '@/features/account/api'

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 7,
    email: 'sari@contoh.id',
    displayName: 'Sari',
    birthYear: 2008,
    role: 'MEMBER',
    createdAt: '2025-01-15T02:00:00Z',
    guardianConsentPending: false,
    emailVerified: true,
    ...overrides,
  }
}
