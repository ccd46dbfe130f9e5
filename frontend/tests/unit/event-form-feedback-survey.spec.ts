import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import * as catalogueApi from '@/features/events/catalogue/api'
import type { StaffEvent, SurveyChoice } from '@/features/events/catalogue/api'
import EventFormPage from '@/features/events/catalogue/pages/staff/EventFormPage.vue'
import { toDateTimeLocal } from '@/lib/format'
import { aUser } from './helpers'

/** Issue 20: staff pick the survey that replaces the fixed feedback form after the event. */

vi.mock('@/features/events/catalogue/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/catalogue/api')>()
  return { ...actual, createEvent: vi.fn(), getManagedEvent: vi.fn(), replaceEvent: vi.fn(), listFeedbackSurveyChoices: vi.fn() }
})

const HOUR = 3_600_000
const survey = (id: number, title: string, status: 'DRAFT' | 'PUBLISHED') =>
  ({ id, title: { id: title, en: `${title} (en)` }, status }) as SurveyChoice

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const w = mount(EventFormPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('the event form and its feedback survey', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    i18n.global.locale.value = 'id'
    auth.useSession('token', aUser({ role: 'STAFF' }))
    vi.mocked(catalogueApi.listFeedbackSurveyChoices).mockResolvedValue([
      survey(4, 'Umpan balik acara', 'PUBLISHED'),
      survey(5, 'Survei baru', 'DRAFT'),
    ])
  })
  afterEach(() => {
    vi.mocked(catalogueApi.createEvent).mockReset()
    vi.mocked(catalogueApi.getManagedEvent).mockReset()
    vi.mocked(catalogueApi.listFeedbackSurveyChoices).mockReset()
    auth.useSession(null)
  })

  it('offers no survey, the open ones (drafts marked), and sends the one chosen', async () => {
    const w = await mountAt('/staf/acara/baru')
    const select = w.get('#event-feedback-survey')
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      'Tanpa survei (nilai 1–5 dan komentar)',
      'Umpan balik acara',
      'Survei baru (draf)',
    ])
    expect(w.text()).toContain('Survei draf harus diterbitkan dulu')
    const start = new Date(Date.now() + 48 * HOUR)
    await w.get('#event-title').setValue('Diskusi Buku: Laskar Pelangi')
    await w.get('#event-description').setValue('Membahas novel karya Andrea Hirata.')
    await w.get('#event-starts-at').setValue(toDateTimeLocal(start.toISOString()))
    await w.get('#event-ends-at').setValue(toDateTimeLocal(new Date(start.getTime() + 2 * HOUR).toISOString()))
    await w.get('#event-join-url').setValue('https://zoom.us/j/123')
    await select.setValue('4')
    vi.mocked(catalogueApi.createEvent).mockResolvedValue({ id: 41, version: 0, status: 'DRAFT' } as StaffEvent)
    await w.get('form.card').trigger('submit')
    await flushPromises()
    expect(catalogueApi.createEvent).toHaveBeenCalledWith(expect.objectContaining({ feedbackSurveyId: 4 }))
    w.unmount()
  })

  it('keeps an attached survey that was closed meanwhile selectable', async () => {
    vi.mocked(catalogueApi.getManagedEvent).mockResolvedValue({
      id: 40, title: 'Diskusi', description: 'x', type: 'BOOK_DISCUSSION', audience: 'ALL', language: 'id',
      startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
      platform: 'ZOOM', joinUrl: 'https://zoom.us/j/1', status: 'DRAFT', version: 2, feedbackSurveyId: 9,
    } as StaffEvent)
    const w = await mountAt('/staf/acara/40/ubah')
    const select = w.get<HTMLSelectElement>('#event-feedback-survey')
    expect(select.element.value).toBe('9')
    expect(select.findAll('option').at(-1)!.text()).toBe('#9 (ditutup)')
    w.unmount()
  })
})
