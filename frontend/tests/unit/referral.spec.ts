import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import type { Challenge } from '@/features/challenges/catalogue/api'
import * as participationApi from '@/features/challenges/participation/api'
import JoinForm from '@/features/challenges/participation/components/JoinForm.vue'
import type { EventSummary } from '@/features/events/catalogue/api'
import * as registrationApi from '@/features/events/registration/api'
import RegistrationForm from '@/features/events/registration/components/RegistrationForm.vue'
import { auth } from '@/lib/auth-store'
import { isRefCode, storedRef } from '@/lib/referral'
import { aUser } from './helpers'

vi.mock('@/lib/auth-api', () => ({ fetchMe: vi.fn(), login: vi.fn() }))
vi.mock('@/features/events/registration/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/events/registration/api')>()),
  register: vi.fn(),
}))
vi.mock('@/features/challenges/participation/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/challenges/participation/api')>()),
  join: vi.fn(),
}))

const CODE = 'ab23cd45ef'

const EVENT: EventSummary = {
  id: 12,
  title: 'Klub Buku Remaja',
  description: 'Membahas buku pilihan.',
  type: 'BOOK_CLUB',
  audience: 'TEENS',
  language: 'id',
  startsAt: '2026-12-12T07:00:00Z',
  endsAt: '2026-12-12T08:30:00Z',
  platform: 'ZOOM',
  capacity: 25,
  confirmedCount: 3,
  seatsLeft: 22,
  waitlistCount: 0,
  registrationOpensAt: null,
  registrationClosesAt: '2026-12-12T07:00:00Z',
  registrationOpen: true,
  status: 'PUBLISHED',
  seriesId: null,
  url: 'https://serambi.test/acara/12',
  whatsappShareUrl: 'https://wa.me/?text=x',
}

const CHALLENGE = {
  id: 4, version: 1, title: 'Pekan Literasi', description: 'Baca.', audience: 'TEENS', startsOn: '2026-11-01', endsOn: '2026-12-31',
  goalType: 'BOOKS', goalValue: 10, pointsPerBook: 10, pointsPerPage: 1, pointsPerMinute: 0, maxBooksPerDay: null,
  maxMinutesPerDay: 300, maxPagesPerDay: 500, flagPagesPerDay: 1000, flagMinutesPerDay: 600, schools: [], status: 'PUBLISHED',
  participants: 9, preSurveyId: null, postSurveyId: null, badges: [],
} as unknown as Challenge

describe('the reference of a tracked link (issue 22)', () => {
  beforeEach(async () => {
    sessionStorage.clear()
    document.body.innerHTML = ''
    auth.logout()
    await setLanguage('id', false)
  })
  afterEach(() => {
    vi.mocked(registrationApi.register).mockReset()
    vi.mocked(participationApi.join).mockReset()
  })

  it('knows a well-formed code: 10 characters without 0, o, 1, l or i', () => {
    expect(isRefCode(CODE)).toBe(true)
    for (const bad of ['ab23cd45e', 'ab23cd45efg', 'AB23CD45EF', 'ab23cd45e0', 'ab23cd45eo', 'ab23cd45el', 'ab23cd45ei', 'ab23cd45e1', '', null]) {
      expect(isRefCode(bad), String(bad)).toBe(false)
    }
  })

  it('keeps the code of an event page in this tab and takes it out of the address', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push(`/acara/12?ref=${CODE}&utm=x#daftar`)

    expect(router.currentRoute.value.fullPath).toBe('/acara/12?utm=x#daftar')
    expect(storedRef('event', 12)).toBe(CODE)
    expect(storedRef('event', 13)).toBeNull()
    expect(storedRef('challenge', 12)).toBeNull()
  })

  it('takes a malformed code out of the address without keeping it, and keeps the one it had', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push(`/acara/12?ref=${CODE}`)
    await router.push('/acara/12?ref=<script>')

    expect(router.currentRoute.value.fullPath).toBe('/acara/12')
    expect(storedRef('event', 12)).toBe(CODE)
  })

  it('leaves other pages\' addresses alone', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push(`/?ref=${CODE}`)
    expect(router.currentRoute.value.fullPath).toBe(`/?ref=${CODE}`)
    expect(sessionStorage.length).toBe(0)
  })

  it('sends the kept code with the registration', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push(`/acara/12?ref=${CODE}`)
    vi.mocked(registrationApi.register).mockResolvedValue({ email: 'sari@contoh.id' } as registrationApi.RegistrationResult)
    const wrapper = mount(RegistrationForm, { props: { event: EVENT }, global: { plugins: [i18n, router] }, attachTo: document.body })
    await wrapper.get('#registration-name').setValue('Sari')
    await wrapper.get('#registration-email').setValue('sari@contoh.id')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(registrationApi.register).toHaveBeenCalledWith(12, { name: 'Sari', email: 'sari@contoh.id', ref: CODE })
    wrapper.unmount()
  })

  it('sends no reference when the patron came without a link', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/acara/12')
    vi.mocked(registrationApi.register).mockResolvedValue({ email: 'sari@contoh.id' } as registrationApi.RegistrationResult)
    const wrapper = mount(RegistrationForm, { props: { event: EVENT }, global: { plugins: [i18n, router] }, attachTo: document.body })
    await wrapper.get('#registration-name').setValue('Sari')
    await wrapper.get('#registration-email').setValue('sari@contoh.id')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(vi.mocked(registrationApi.register).mock.calls[0]![1]).not.toHaveProperty('ref')
    wrapper.unmount()
  })

  it('keeps a challenge\'s code across signing in, and sends it with the join', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push(`/tantangan/4?ref=${CODE}`)
    expect(router.currentRoute.value.fullPath).toBe('/tantangan/4')

    // The page's "Masuk" link carries the address without the code; the code waits in the tab.
    await router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } })
    expect(router.currentRoute.value.query.next).toBe('/tantangan/4')
    auth.useSession('token', aUser())
    await router.push('/tantangan/4')

    vi.mocked(participationApi.join).mockResolvedValue({ id: 3, nickname: 'BacaTerus' } as unknown as participationApi.Participant)
    const wrapper = mount(JoinForm, { props: { challenge: CHALLENGE }, global: { plugins: [i18n, router] }, attachTo: document.body })
    await wrapper.get('input').setValue('BacaTerus')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(participationApi.join).toHaveBeenCalledWith(4, { nickname: 'BacaTerus', ref: CODE })
    wrapper.unmount()
  })
})
