import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import * as eventsApi from '@/features/events/api'
import RegistrationForm from '@/features/events/components/RegistrationForm.vue'
import { ApiError } from '@/lib/api-client'

vi.mock('@/features/events/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/api')>()
  return { ...actual, register: vi.fn() }
})

async function mountForm() {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/acara/12')
  const wrapper = mount(RegistrationForm, {
    props: { eventId: 12 },
    global: { plugins: [i18n, router] },
    attachTo: document.body,
  })
  return { wrapper, router }
}

async function fill(wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper'], values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) await wrapper.get(`#${id}`).setValue(value)
}

describe('RegistrationForm', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('asks for the name and a valid e-mail before sending anything', async () => {
    const { wrapper } = await mountForm()
    await fill(wrapper, { 'registration-email': 'bukan-email', 'registration-whatsapp': '12ab' })
    await wrapper.get('form').trigger('submit')

    expect(wrapper.get('[role="alert"]').text()).toContain('Periksa kembali isian yang ditandai.')
    expect(wrapper.get('#registration-name').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#registration-name-error').text()).toContain('Wajib diisi.')
    expect(wrapper.get('#registration-email-error').text()).toContain('Masukkan alamat email yang valid.')
    expect(wrapper.get('#registration-whatsapp-error').text()).toContain('nomor WhatsApp')
    expect(document.activeElement?.id).toBe('registration-name')
    expect(eventsApi.register).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('registers and shows the confirmation with the manage link, once', async () => {
    vi.mocked(eventsApi.register).mockResolvedValue({ id: 311, eventId: 12, status: 'CONFIRMED', manageToken: 'tok-123' })
    const { wrapper } = await mountForm()
    await fill(wrapper, {
      'registration-name': ' Siti Nurhaliza ',
      'registration-email': ' siti@contoh.id ',
      'registration-whatsapp': '0812-3456-7890',
      'registration-age-group': 'ADULT',
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(eventsApi.register).toHaveBeenCalledWith(12, {
      name: 'Siti Nurhaliza',
      email: 'siti@contoh.id',
      whatsapp: '0812-3456-7890',
      ageGroup: 'ADULT',
    })
    const result = wrapper.get('[data-testid="registration-result"]')
    expect(result.text()).toContain('Anda terdaftar!')
    expect(result.text()).toContain('Terkonfirmasi')
    expect(wrapper.get('[data-testid="manage-link"]').attributes('href')).toBe('/acara/pendaftaran/tok-123')
    expect(wrapper.get('[data-testid="manage-link"]').text()).toMatch(/\/acara\/pendaftaran\/tok-123$/)
    expect(wrapper.find('form').exists()).toBe(false)
    expect(document.activeElement?.textContent).toContain('Anda terdaftar!')
    expect(wrapper.emitted('registered')).toHaveLength(1)
    wrapper.unmount()
  })

  it('leaves out the optional fields when they are empty, and shows the waitlist position', async () => {
    vi.mocked(eventsApi.register).mockResolvedValue({ id: 312, eventId: 12, status: 'WAITLISTED', waitlistPosition: 2, manageToken: 'tok-456' })
    const { wrapper } = await mountForm()
    await fill(wrapper, { 'registration-name': 'Budi', 'registration-email': 'budi@contoh.id' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(eventsApi.register).toHaveBeenCalledWith(12, { name: 'Budi', email: 'budi@contoh.id' })
    const result = wrapper.get('[data-testid="registration-result"]')
    expect(result.text()).toContain('Anda masuk daftar tunggu')
    expect(result.text()).toContain('Urutan ke-2 di daftar tunggu')
    wrapper.unmount()
  })

  it('explains an e-mail that is already registered (no token in the answer)', async () => {
    vi.mocked(eventsApi.register).mockResolvedValue({ id: 311, eventId: 12, status: 'CONFIRMED' })
    const { wrapper } = await mountForm()
    await fill(wrapper, { 'registration-name': 'Siti', 'registration-email': 'siti@contoh.id' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.text()).toContain('Email ini sudah terdaftar untuk acara ini.')
    expect(wrapper.find('[data-testid="manage-link"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says clearly when registration has closed (409) and keeps the form', async () => {
    vi.mocked(eventsApi.register).mockRejectedValue(
      new ApiError(409, { type: 'https://serambi.id/problems/registration-closed', title: 'Registration closed', status: 409 }),
    )
    const { wrapper } = await mountForm()
    await fill(wrapper, { 'registration-name': 'Siti', 'registration-email': 'siti@contoh.id' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toContain('Pendaftaran untuk acara ini sudah ditutup.')
    expect(wrapper.find('form').exists()).toBe(true)
    wrapper.unmount()
  })

  it('shows the server’s field errors next to their fields', async () => {
    vi.mocked(eventsApi.register).mockRejectedValue(
      new ApiError(400, { status: 400, errors: [{ field: 'register.body.whatsapp', message: 'Nomor WhatsApp tidak valid.' }] }),
    )
    const { wrapper } = await mountForm()
    await fill(wrapper, { 'registration-name': 'Siti', 'registration-email': 'siti@contoh.id', 'registration-whatsapp': '+62 812 0000 0000' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('#registration-whatsapp-error').text()).toContain('Nomor WhatsApp tidak valid.')
    expect(wrapper.get('#registration-whatsapp').attributes('aria-invalid')).toBe('true')
    wrapper.unmount()
  })
})
