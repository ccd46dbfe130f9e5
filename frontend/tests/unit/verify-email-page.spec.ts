import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import * as accountApi from '@/features/account/api'
import { auth } from '@/lib/auth-store'
import VerifyEmailPage from '@/features/account/pages/VerifyEmailPage.vue'
import { ApiError } from '@/lib/api-client'
import * as authApi from '@/lib/auth-api'
import { aUser } from './helpers'

vi.mock('@/lib/auth-api', () => ({ fetchMe: vi.fn(), login: vi.fn() }))

vi.mock('@/features/account/api', () => ({
  ROLES: ['ADMIN', 'STAFF', 'REVIEWER', 'MEMBER'],
  verifyEmail: vi.fn(),
}))

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(VerifyEmailPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

describe('VerifyEmailPage', () => {
  beforeEach(async () => {
    auth.useSession(null)
    document.body.innerHTML = ''
    await setLanguage('id', false)
  })

  it('verifies the token from the link at once and says so', async () => {
    vi.mocked(accountApi.verifyEmail).mockResolvedValue()
    const { wrapper } = await mountAt('/akun/verifikasi/token-dari-email')

    expect(accountApi.verifyEmail).toHaveBeenCalledWith('token-dari-email')
    const done = wrapper.get('[data-testid="verify-done"]')
    expect(done.text()).toContain('Alamat email Anda sudah terverifikasi')
    expect(document.activeElement?.id).toBe('verify-done-heading')
    expect(done.get('a').attributes('href')).toBe('/masuk')
    wrapper.unmount()
  })

  it('refreshes the logged-in member, who now counts as verified', async () => {
    auth.useSession('jwt', aUser({ emailVerified: false }))
    vi.mocked(accountApi.verifyEmail).mockResolvedValue()
    vi.mocked(authApi.fetchMe).mockResolvedValue(aUser({ emailVerified: true }))
    const { wrapper } = await mountAt('/akun/verifikasi/token-dari-email')

    expect(auth.state.user?.emailVerified).toBe(true)
    expect(wrapper.get('[data-testid="verify-done"] a').attributes('href')).toBe('/akun')
    wrapper.unmount()
  })

  it('explains an unknown or used link (404)', async () => {
    vi.mocked(accountApi.verifyEmail).mockRejectedValue(new ApiError(404, { status: 404, title: 'Not found' }))
    const { wrapper } = await mountAt('/akun/verifikasi/sudah-dipakai')

    expect(wrapper.get('[role="alert"]').text()).toContain('Tautan ini tidak dikenal atau sudah pernah dipakai')
    expect(wrapper.find('[data-testid="verify-done"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('explains an expired link (410) and how to get a new one', async () => {
    vi.mocked(accountApi.verifyEmail).mockRejectedValue(new ApiError(410, { status: 410, title: 'Gone' }))
    await setLanguage('en', false)
    const { wrapper } = await mountAt('/akun/verifikasi/kedaluwarsa')

    expect(wrapper.get('[role="alert"]').text()).toContain('This link has expired')
    expect(wrapper.get('[data-testid="verify-failed"] a').attributes('href')).toBe('/masuk?next=/akun')
    wrapper.unmount()
  })
})
