import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import LoginPage from '@/features/account/pages/LoginPage.vue'
import { ApiError } from '@/lib/api-client'
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

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(LoginPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  return { wrapper, router }
}

describe('LoginPage', () => {
  beforeEach(async () => {
    auth.useSession(null)
    await setLanguage('id', false)
  })

  it('logs in and follows ?next=', async () => {
    vi.mocked(authApi.login).mockResolvedValue({ token: 'jwt', expiresAt: '2999-01-01T00:00:00Z' })
    vi.mocked(authApi.fetchMe).mockResolvedValue(aUser({ role: 'ADMIN' }))
    const { wrapper, router } = await mountAt('/masuk?next=/admin/pengguna')
    await wrapper.get('#login-email').setValue('admin@contoh.id')
    await wrapper.get('#login-password').setValue('rahasia-panjang')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/pengguna'))
    wrapper.unmount()
  })

  it('does not follow a next= that leaves the app', async () => {
    vi.mocked(authApi.login).mockResolvedValue({ token: 'jwt', expiresAt: '2999-01-01T00:00:00Z' })
    vi.mocked(authApi.fetchMe).mockResolvedValue(aUser())
    const { wrapper, router } = await mountAt('/masuk?next=//evil.example/x')
    await wrapper.get('#login-email').setValue('sari@contoh.id')
    await wrapper.get('#login-password').setValue('rahasia-panjang')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    // Not the foreign address: the member's own home instead.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/tantangan'))
    wrapper.unmount()
  })

  it.each([
    ['MEMBER', '/tantangan'],
    ['STAFF', '/staf/konten'],
    ['ADMIN', '/staf/konten'],
    ['REVIEWER', '/staf/konten/tinjauan'],
  ] as const)('without next= a %s lands on their own home (%s), not the account page', async (role, home) => {
    vi.mocked(authApi.login).mockResolvedValue({ token: 'jwt', expiresAt: '2999-01-01T00:00:00Z' })
    vi.mocked(authApi.fetchMe).mockResolvedValue(aUser({ role }))
    const { wrapper, router } = await mountAt('/masuk')
    await wrapper.get('#login-email').setValue('sari@contoh.id')
    await wrapper.get('#login-password').setValue('rahasia-panjang')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(home))
    wrapper.unmount()
  })

  it('says the credentials are wrong on 401, and stays logged out', async () => {
    vi.mocked(authApi.login).mockRejectedValue(new ApiError(401, { status: 401, title: 'Unauthorized' }))
    const { wrapper, router } = await mountAt('/masuk')
    await wrapper.get('#login-email').setValue('sari@contoh.id')
    await wrapper.get('#login-password').setValue('salah-sekali')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toContain('Email atau kata sandi salah.')
    expect(router.currentRoute.value.path).toBe('/masuk')
    expect(auth.isLoggedIn.value).toBe(false)
    wrapper.unmount()
  })

  it('speaks English when English is chosen', async () => {
    await setLanguage('en', false)
    const { wrapper } = await mountAt('/masuk')
    await wrapper.get('form').trigger('submit')

    expect(wrapper.get('h1').text()).toBe('Log in to Serambi')
    expect(wrapper.get('#login-email-error').text()).toContain('This field is required.')
    expect(document.documentElement.lang).toBe('en')
    wrapper.unmount()
  })
})
