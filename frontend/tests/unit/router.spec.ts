import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '@/app/router'
import { safeNext } from '@/lib/safe-next'
import { auth } from '@/lib/auth-store'
import * as authApi from '@/lib/auth-api'
import { aUser } from './helpers'

vi.mock('@/lib/auth-api', () => ({ fetchMe: vi.fn(), login: vi.fn() }))

vi.mock('@/features/account/api', () => ({
  ROLES: ['ADMIN', 'STAFF', 'REVIEWER', 'MEMBER'],
  register: vi.fn(),
  updateMe: vi.fn(),
  listUsers: vi.fn(),
  changeRole: vi.fn(),
}))

function newRouter() {
  return createAppRouter(createMemoryHistory())
}

describe('router guard', () => {
  beforeEach(() => auth.useSession(null))

  it('sends a visitor who is not logged in from /akun to /masuk?next=/akun', async () => {
    const router = newRouter()
    await router.push('/akun')
    expect(router.currentRoute.value.path).toBe('/masuk')
    expect(router.currentRoute.value.query.next).toBe('/akun')
  })

  it('keeps the full address, query included, in next', async () => {
    const router = newRouter()
    await router.push('/admin/pengguna?q=sari&page=2')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.next).toBe('/admin/pengguna?q=sari&page=2')
  })

  it('lets a logged-in member open /akun', async () => {
    auth.useSession('token', aUser())
    const router = newRouter()
    await router.push('/akun')
    expect(router.currentRoute.value.name).toBe('account')
  })

  it('shows "access denied" at the same address to a member who opens the admin page', async () => {
    auth.useSession('token', aUser({ role: 'MEMBER' }))
    const router = newRouter()
    await router.push('/admin/pengguna')
    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(router.currentRoute.value.path).toBe('/admin/pengguna')
  })

  it('lets an admin open the user list', async () => {
    auth.useSession('token', aUser({ role: 'ADMIN' }))
    const router = newRouter()
    await router.push('/admin/pengguna')
    expect(router.currentRoute.value.name).toBe('users')
  })

  it('loads the user first when only the token is known', async () => {
    vi.mocked(authApi.fetchMe).mockResolvedValueOnce(aUser({ role: 'ADMIN' }))
    auth.useSession('token', null)
    const router = newRouter()
    await router.push('/admin/pengguna')
    expect(authApi.fetchMe).toHaveBeenCalledOnce()
    expect(router.currentRoute.value.name).toBe('users')
  })

  it('sends a logged-in user away from the login page to next', async () => {
    auth.useSession('token', aUser())
    const router = newRouter()
    await router.push('/masuk?next=/akun')
    expect(router.currentRoute.value.path).toBe('/akun')
  })

  it('sends a logged-in user without next from the login page to their role home', async () => {
    auth.useSession('token', aUser({ role: 'REVIEWER' }))
    const router = newRouter()
    await router.push('/masuk')
    expect(router.currentRoute.value.fullPath).toBe('/staf/konten/tinjauan')
  })

  it('shows the not-found page for an unknown address', async () => {
    const router = newRouter()
    await router.push('/tidak/ada')
    expect(router.currentRoute.value.name).toBe('not-found')
  })

  it('opens the manage page at the address the backend e-mails, and redirects the short one to it', async () => {
    const router = newRouter()
    await router.push('/acara/pendaftaran/tok-123')
    expect(router.currentRoute.value.name).toBe('registration')
    expect(router.currentRoute.value.params.token).toBe('tok-123')
    await router.push('/pendaftaran/tok-456?x=1#tanya-jawab')
    expect(router.currentRoute.value.name).toBe('registration')
    expect(router.currentRoute.value.fullPath).toBe('/acara/pendaftaran/tok-456?x=1#tanya-jawab')
    await router.push('/acara/12')
    expect(router.currentRoute.value.name).toBe('event')
  })

  it('keeps the Q&A moderation page for staff', async () => {
    auth.useSession('token', aUser({ role: 'STAFF' }))
    const router = newRouter()
    await router.push('/staf/acara/12/tanya-jawab')
    expect(router.currentRoute.value.name).toBe('staff-questions')
    expect(document.title).toBe('Moderasi tanya jawab · Serambi')
    auth.useSession('token', aUser({ role: 'MEMBER' }))
    await router.push('/staf/acara/13/tanya-jawab')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('opens the campaign dashboard to reviewers too, and the metrics import to staff only', async () => {
    auth.useSession('token', aUser({ role: 'REVIEWER' }))
    const router = newRouter()
    await router.push('/staf/konten/dasbor')
    expect(router.currentRoute.value.name).toBe('campaigns-dashboard')
    expect(document.title).toBe('Dasbor kampanye · Serambi')
    await router.push('/staf/konten/impor')
    expect(router.currentRoute.value.name).toBe('forbidden')
    auth.useSession('token', aUser({ role: 'STAFF' }))
    await router.push('/staf/konten/impor')
    expect(router.currentRoute.value.name).toBe('campaigns-import')
  })

  it('sets a translated document title', async () => {
    const router = newRouter()
    await router.push('/daftar')
    expect(document.title).toBe('Daftar · Serambi')
  })
})

describe('safeNext', () => {
  it('accepts paths inside the app only', () => {
    expect(safeNext('/akun')).toBe('/akun')
    expect(safeNext('/admin/pengguna?q=a')).toBe('/admin/pengguna?q=a')
    expect(safeNext('https://evil.example')).toBe('/akun')
    expect(safeNext('//evil.example')).toBe('/akun')
    expect(safeNext('/\\evil.example')).toBe('/akun')
    expect(safeNext(undefined, '/')).toBe('/')
  })
})
