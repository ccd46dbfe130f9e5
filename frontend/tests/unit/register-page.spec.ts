import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import * as accountApi from '@/features/account/api'
import { auth } from '@/lib/auth-store'
import RegisterPage from '@/features/account/pages/RegisterPage.vue'
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

async function mountPage() {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/daftar')
  const wrapper = mount(RegisterPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  return { wrapper, router }
}

async function fill(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) await wrapper.get(`#${id}`).setValue(value)
}

describe('RegisterPage', () => {
  beforeEach(() => {
    auth.useSession(null)
    document.body.innerHTML = ''
  })

  it('explains every missing field, linked to its input, without calling the API', async () => {
    const { wrapper } = await mountPage()
    await wrapper.get('form').trigger('submit')

    expect(wrapper.get('[role="alert"]').text()).toContain('Periksa kembali isian yang ditandai.')
    const input = wrapper.get('#register-email')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toBe('register-email-error')
    expect(wrapper.get('#register-email-error').text()).toBe('! Wajib diisi.')
    expect(wrapper.get('#register-password').attributes('aria-describedby')).toBe(
      'register-password-hint register-password-error',
    )
    expect(accountApi.register).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('checks the e-mail format, the password length and the birth year', async () => {
    const { wrapper } = await mountPage()
    await fill(wrapper, {
      'register-email': 'bukan-email',
      'register-password': 'pendek',
      'register-display-name': 'Sari',
      'register-birth-year': '1850',
    })
    await wrapper.get('form').trigger('submit')

    expect(wrapper.get('#register-email-error').text()).toContain('Masukkan alamat email yang valid.')
    expect(wrapper.get('#register-password-error').text()).toContain('Kata sandi minimal 10 karakter.')
    expect(wrapper.get('#register-birth-year-error').text()).toMatch(/antara 1900 dan \d{4}/)
    expect(wrapper.find('#register-display-name-error').exists()).toBe(false)
    expect(accountApi.register).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('signs up, logs in automatically and asks to verify the address before going on to /akun', async () => {
    vi.mocked(accountApi.register).mockResolvedValue({ email: 'sari@contoh.id', verificationSent: true })
    vi.mocked(authApi.login).mockResolvedValue({ token: 'jwt', expiresAt: '2999-01-01T00:00:00Z' })
    vi.mocked(authApi.fetchMe).mockResolvedValue(aUser())
    const { wrapper, router } = await mountPage()
    await fill(wrapper, {
      'register-email': ' sari@contoh.id ',
      'register-password': 'rahasia-panjang',
      'register-display-name': 'Sari',
      'register-birth-year': '2008',
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(accountApi.register).toHaveBeenCalledWith({
      email: 'sari@contoh.id',
      password: 'rahasia-panjang',
      displayName: 'Sari',
      birthYear: 2008,
    })
    expect(authApi.login).toHaveBeenCalledWith({ email: 'sari@contoh.id', password: 'rahasia-panjang' })
    expect(auth.isLoggedIn.value).toBe(true)
    expect(auth.state.user?.displayName).toBe('Sari')
    const done = wrapper.get('[data-testid="signup-done"]')
    expect(done.text()).toContain('Periksa e-mail Anda untuk memverifikasi alamat')
    expect(done.text()).toContain('sari@contoh.id')
    expect(document.activeElement?.id).toBe('signup-done-heading')
    expect(wrapper.find('[data-testid="guardian-pending"]').exists()).toBe(false)
    expect(done.get('a').attributes('href')).toBe('/akun')
    expect(router.currentRoute.value.path).toBe('/daftar')
    wrapper.unmount()
  })

  it('sends a known e-mail with another password to the login page, saying only to check the e-mail', async () => {
    vi.mocked(accountApi.register).mockResolvedValue({ email: 'sari@contoh.id', verificationSent: true })
    vi.mocked(authApi.login).mockRejectedValue(new ApiError(401, { status: 401, title: 'Invalid credentials' }))
    const { wrapper, router } = await mountPage()
    await fill(wrapper, {
      'register-email': 'sari@contoh.id',
      'register-password': 'bukan-pemiliknya',
      'register-display-name': 'Sari',
      'register-birth-year': '2008',
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/masuk'))
    expect(router.currentRoute.value.query.registered).toBe('1')
    expect(auth.isLoggedIn.value).toBe(false)
    wrapper.unmount()
  })

  it('shows the server’s field errors next to the fields', async () => {
    vi.mocked(accountApi.register).mockRejectedValue(
      new ApiError(400, { status: 400, errors: [{ field: 'register.body.displayName', message: 'Nama sudah dipakai.' }] }),
    )
    const { wrapper } = await mountPage()
    await fill(wrapper, {
      'register-email': 'sari@contoh.id',
      'register-password': 'rahasia-panjang',
      'register-display-name': 'Sari',
      'register-birth-year': '2008',
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('#register-display-name-error').text()).toContain('Nama sudah dipakai.')
    expect(wrapper.get('[role="alert"]').text()).toContain('Nama tampilan')
    expect(authApi.login).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
