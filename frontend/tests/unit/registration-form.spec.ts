import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import * as registrationApi from '@/features/events/registration/api'
import RegistrationForm from '@/features/events/registration/components/RegistrationForm.vue'
import { ApiError } from '@/lib/api-client'

vi.mock('@/features/events/registration/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/registration/api')>()
  return { ...actual, register: vi.fn() }
})

async function mountForm(extra: { shareUrl?: string } = {}) {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/acara/12')
  const wrapper = mount(RegistrationForm, {
    props: { eventId: 12, ...extra },
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
    expect(registrationApi.register).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('registers and says the manage link is in the e-mail, without any link to the registration itself', async () => {
    vi.mocked(registrationApi.register).mockResolvedValue({ eventId: 12, email: 'siti@contoh.id', emailSent: true })
    const { wrapper } = await mountForm({ shareUrl: 'https://wa.me/?text=Diskusi' })
    await fill(wrapper, {
      'registration-name': ' Siti Nurhaliza ',
      'registration-email': ' siti@contoh.id ',
      'registration-whatsapp': '0812-3456-7890',
      'registration-age-group': 'ADULT',
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(registrationApi.register).toHaveBeenCalledWith(12, {
      name: 'Siti Nurhaliza',
      email: 'siti@contoh.id',
      whatsapp: '0812-3456-7890',
      ageGroup: 'ADULT',
    })
    const result = wrapper.get('[data-testid="registration-result"]')
    expect(result.text()).toContain('Pendaftaran diterima')
    expect(result.text()).toContain('Cek email Anda')
    expect(result.text()).toContain('siti@contoh.id')
    expect(result.find('a[href*="/acara/pendaftaran/"]').exists()).toBe(false)
    // The event's own calendar file and share link are still offered.
    expect(result.find('a[href="/api/events/12/calendar.ics"]').exists()).toBe(true)
    expect(result.find('a[href="https://wa.me/?text=Diskusi"]').exists()).toBe(true)
    expect(wrapper.find('form').exists()).toBe(false)
    expect(document.activeElement?.textContent).toContain('Pendaftaran diterima')
    expect(wrapper.emitted('registered')).toHaveLength(1)
    wrapper.unmount()
  })

  it('leaves out the optional fields when they are empty', async () => {
    vi.mocked(registrationApi.register).mockResolvedValue({ eventId: 12, email: 'budi@contoh.id', emailSent: true })
    const { wrapper } = await mountForm()
    await fill(wrapper, { 'registration-name': 'Budi', 'registration-email': 'budi@contoh.id' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(registrationApi.register).toHaveBeenCalledWith(12, { name: 'Budi', email: 'budi@contoh.id' })
    expect(wrapper.get('[data-testid="registration-result"]').text()).toContain('Cek email Anda')
    wrapper.unmount()
  })

  it('says clearly when registration has closed (409) and keeps the form', async () => {
    vi.mocked(registrationApi.register).mockRejectedValue(
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
    vi.mocked(registrationApi.register).mockRejectedValue(
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
