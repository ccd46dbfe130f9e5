import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import * as registrationApi from '@/features/events/registration/api'
import RegistrationForm from '@/features/events/registration/components/RegistrationForm.vue'
import type { EventSummary } from '@/features/events/catalogue/api'
import * as seriesApi from '@/features/events/series/api'
import { ApiError } from '@/lib/api-client'

vi.mock('@/features/events/registration/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/registration/api')>()
  return { ...actual, register: vi.fn() }
})
vi.mock('@/features/events/series/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/series/api')>()
  return { ...actual, registerForSeries: vi.fn() }
})

function session(id: number, startsAt: string, extra: Partial<EventSummary> = {}): EventSummary {
  return {
    id,
    title: 'Klub Buku Remaja',
    description: 'Membahas "Laskar Pelangi" & buku pilihan.',
    type: 'BOOK_CLUB',
    audience: 'TEENS',
    language: 'id',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
    platform: 'ZOOM',
    capacity: 25,
    confirmedCount: 3,
    seatsLeft: 22,
    waitlistCount: 0,
    registrationOpensAt: null,
    registrationClosesAt: startsAt,
    registrationOpen: true,
    status: 'PUBLISHED',
    seriesId: null,
    url: `https://serambi.test/acara/${id}`,
    whatsappShareUrl: 'https://wa.me/?text=x',
    ...extra,
  }
}
const EVENT = session(12, '2026-12-12T07:00:00Z')

async function mountForm(extra: { shareUrl?: string; event?: EventSummary; series?: unknown } = {}) {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/acara/12')
  const wrapper = mount(RegistrationForm, {
    props: { event: EVENT, ...extra } as InstanceType<typeof RegistrationForm>['$props'],
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
    // At once: the calendar in plain words (Google Calendar and the file) and the confirmation in WhatsApp.
    expect(result.text()).toContain('Tambahkan ke kalender')
    expect(result.text()).not.toContain('.ics')
    expect(result.find('a[href="/api/events/12/calendar.ics"]').exists()).toBe(true)
    const google = new URL(result.get('[data-testid="google-calendar"]').attributes('href')!)
    expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render')
    expect(google.searchParams.get('action')).toBe('TEMPLATE')
    expect(google.searchParams.get('text')).toBe('Klub Buku Remaja')
    expect(google.searchParams.get('dates')).toBe('20261212T070000Z/20261212T083000Z')
    expect(google.searchParams.get('details')).toContain('Membahas "Laskar Pelangi" & buku pilihan.')
    expect(google.searchParams.get('location')).toBe('Zoom')
    const whatsapp = result.get('[data-testid="whatsapp-confirmation"]')
    expect(whatsapp.text()).toContain('Simpan konfirmasi di WhatsApp')
    const wa = new URL(whatsapp.attributes('href')!)
    expect(wa.pathname).toBe('/6281234567890')
    expect(wa.searchParams.get('text')).toContain('Siti Nurhaliza')
    expect(wa.searchParams.get('text')).toContain('siti@contoh.id')
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

  it('says "Masuk daftar tunggu" on a full event', async () => {
    const { wrapper } = await mountForm({ event: session(12, '2026-12-12T07:00:00Z', { seatsLeft: 0, confirmedCount: 25 }) })
    expect(wrapper.get('button[type="submit"]').text()).toBe('Masuk daftar tunggu')
    wrapper.unmount()
  })

  it('registers for every open session of a series at once, and lists them with dates', async () => {
    const sessions = [session(12, '2026-12-12T07:00:00Z', { seriesId: 3 }), session(13, '2027-01-12T07:00:00Z', { seriesId: 3 })]
    vi.mocked(seriesApi.registerForSeries).mockResolvedValue({
      seriesId: 3,
      email: 'rina@contoh.id',
      sessions: sessions.map((s) => ({ eventId: s.id, startsAt: s.startsAt })),
      emailSent: true,
    })
    vi.mocked(registrationApi.register).mockClear()
    const { wrapper } = await mountForm({
      event: sessions[0],
      series: { id: 3, title: 'Klub Buku Remaja', openSessions: 2, sessions },
    })
    expect(wrapper.get('fieldset legend').text()).toContain('bagian dari seri')
    await wrapper.get('input[value="all"]').setValue(true)
    expect(wrapper.get('button[type="submit"]').text()).toBe('Daftar semua pertemuan')
    await fill(wrapper, { 'registration-name': 'Rina', 'registration-email': 'rina@contoh.id' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(seriesApi.registerForSeries).toHaveBeenCalledWith(3, { name: 'Rina', email: 'rina@contoh.id' })
    expect(registrationApi.register).not.toHaveBeenCalled()
    const result = wrapper.get('[data-testid="registration-result"]')
    expect(result.text()).toContain('2 pertemuan')
    expect(result.findAll('[data-testid="google-calendar"]')).toHaveLength(2)
    expect(result.find('a[href="/api/events/13/calendar.ics"]').exists()).toBe(true)
    // No number given: WhatsApp lets the patron pick their own chat.
    expect(result.get('[data-testid="whatsapp-confirmation"]').attributes('href')).toMatch(/^https:\/\/wa\.me\/\?text=/)
    wrapper.unmount()
  })
})
