import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import * as catalogueApi from '@/features/events/catalogue/api'
import type { StaffEvent } from '@/features/events/catalogue/api'
import EventFormPage from '@/features/events/catalogue/pages/staff/EventFormPage.vue'
import { toDateTimeLocal } from '@/lib/format'
import { aUser } from './helpers'

/** Issue 17, point 12: a start that has passed no longer saves silently as a draft. */

vi.mock('@/features/events/catalogue/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/catalogue/api')>()
  return { ...actual, createEvent: vi.fn(), getManagedEvent: vi.fn(), replaceEvent: vi.fn(), publishEvent: vi.fn() }
})

const HOUR = 3_600_000

function anEvent(startsAt: string, over: Partial<StaffEvent> = {}): StaffEvent {
  return {
    id: 40, title: 'Diskusi Buku: Laskar Pelangi', description: 'Membahas novel karya Andrea Hirata.', type: 'BOOK_DISCUSSION',
    audience: 'ALL', language: 'id', startsAt, endsAt: new Date(Date.parse(startsAt) + 2 * HOUR).toISOString(), platform: 'ZOOM',
    joinUrl: 'https://zoom.us/j/123', capacity: 30, status: 'DRAFT', version: 1, confirmedCount: 0, waitlistCount: 0,
    ...over,
  } as StaffEvent
}

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const w = mount(EventFormPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

async function fillNew(w: Awaited<ReturnType<typeof mountAt>>, start: Date) {
  await w.get('#event-title').setValue('Diskusi Buku: Laskar Pelangi')
  await w.get('#event-description').setValue('Membahas novel karya Andrea Hirata.')
  await w.get('#event-starts-at').setValue(toDateTimeLocal(start.toISOString()))
  await w.get('#event-ends-at').setValue(toDateTimeLocal(new Date(start.getTime() + 2 * HOUR).toISOString()))
  await w.get('#event-join-url').setValue('https://zoom.us/j/123')
}

describe('the event form and a start that has passed', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    i18n.global.locale.value = 'id'
    auth.useSession('token', aUser({ role: 'STAFF' }))
  })
  afterEach(() => {
    vi.mocked(catalogueApi.createEvent).mockReset()
    vi.mocked(catalogueApi.getManagedEvent).mockReset()
    vi.mocked(catalogueApi.replaceEvent).mockReset()
    auth.useSession(null)
  })

  it('refuses a new event whose start has passed, naming the field, and saves nothing', async () => {
    const w = await mountAt('/staf/acara/baru')
    await fillNew(w, new Date(Date.now() - 26 * HOUR))
    await w.get('form.card').trigger('submit')
    await flushPromises()
    expect(catalogueApi.createEvent).not.toHaveBeenCalled()
    expect(w.get('#event-starts-at').attributes('aria-invalid')).toBe('true')
    expect(w.text()).toContain('Waktu mulai sudah lewat. Pilih tanggal dan jam yang akan datang')

    vi.mocked(catalogueApi.createEvent).mockResolvedValue(anEvent(new Date(Date.now() + 48 * HOUR).toISOString()))
    await fillNew(w, new Date(Date.now() + 48 * HOUR))
    await w.get('form.card').trigger('submit')
    await flushPromises()
    expect(catalogueApi.createEvent).toHaveBeenCalledTimes(1)
    w.unmount()
  })

  it('says why a draft whose start has passed cannot be published, instead of offering to', async () => {
    vi.mocked(catalogueApi.getManagedEvent).mockResolvedValue(anEvent(new Date(Date.now() - 3 * HOUR).toISOString()))
    const w = await mountAt('/staf/acara/40/ubah')
    expect(w.get('[data-testid="start-passed"]').text()).toContain('Waktu mulai acara ini sudah lewat, jadi acara ini tidak bisa diterbitkan.')
    expect(w.findAll('button').some((b) => b.text() === 'Terbitkan')).toBe(false)
    w.unmount()
  })

  it('lets a running published event keep its start through other edits', async () => {
    const running = anEvent(new Date(Date.now() - HOUR).toISOString(), { status: 'PUBLISHED' })
    vi.mocked(catalogueApi.getManagedEvent).mockResolvedValue(running)
    vi.mocked(catalogueApi.replaceEvent).mockResolvedValue({ ...running, capacity: 40, version: 2 })
    const w = await mountAt('/staf/acara/40/ubah')
    await w.get('#event-capacity').setValue('40')
    await w.get('form.card').trigger('submit')
    await flushPromises()
    expect(catalogueApi.replaceEvent).toHaveBeenCalledTimes(1)
    w.unmount()
  })
})
