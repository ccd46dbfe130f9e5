import type { Role } from './auth-api'

/**
 * Where each role starts after logging in (issue 17): members (patrons and teens) their reading challenges, staff and
 * admins the content calendar, reviewers the review queue. Someone whose role is not known yet gets the account page.
 * An explicit, safe `?next=` always wins over this (see safe-next.ts).
 */
export function homeFor(role: Role | null | undefined): string {
  switch (role) {
    case 'MEMBER':
      return '/tantangan'
    case 'STAFF':
    case 'ADMIN':
      return '/staf/konten'
    case 'REVIEWER':
      return '/staf/konten/tinjauan'
    default:
      return '/akun'
  }
}
