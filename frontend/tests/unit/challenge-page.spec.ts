import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import type { Challenge } from '@/features/challenges/catalogue/api'
import * as challengesApi from '@/features/challenges/catalogue/api'
import type { Progress } from '@/features/challenges/participation/api'
import * as participationApi from '@/features/challenges/participation/api'
import ChallengePage from '@/features/challenges/participation/pages/ChallengePage.vue'
import { auth } from '@/lib/auth-store'
import { aUser } from './helpers'

vi.mock('@/lib/auth-api', () => ({ fetchMe: vi.fn(), login: vi.fn() }))
vi.mock('@/features/challenges/catalogue/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/challenges/catalogue/api')>()),
  getChallenge: vi.fn(),
}))
vi.mock('@/features/challenges/participation/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/challenges/participation/api')>()),
  getProgress: vi.fn(),
  myLogs: vi.fn(),
  logReading: vi.fn(),
}))

// The live board needs an EventSource; here it is a stand-in with the method the page calls.
const BoardStandIn = defineComponent({
  setup(_, { expose }) {
    expose({ refreshMe: () => undefined })
    return () => h('div', { 'data-testid': 'board-stand-in' })
  },
})

const challenge: Challenge = {
  id: 4, version: 1, title: 'Pekan Literasi Banjarbaru', description: 'Baca dan kumpulkan lencana.', audience: 'TEENS',
  startsOn: '2026-11-01', endsOn: '2026-12-31', goalType: 'BOOKS', goalValue: 10, pointsPerBook: 10, pointsPerPage: 1,
  pointsPerMinute: 0, maxBooksPerDay: null, maxMinutesPerDay: 300, maxPagesPerDay: 500, flagPagesPerDay: 1000,
  flagMinutesPerDay: 600, schools: [], status: 'PUBLISHED', participants: 9, preSurveyId: null, postSurveyId: null,
  badges: [{ id: 1, name: 'Pembaca Pemula', threshold: 50 }, { id: 2, name: 'Kutu Buku', threshold: 600 }],
}
const progress = (points: number, earned: boolean): Progress => ({
  participantId: 3, nickname: 'BacaTerus', school: null, hidden: false, points, books: earned ? 1 : 0, pages: earned ? 120 : 0,
  minutes: 0, rank: 1, goalType: 'BOOKS', goalValue: 10, goalProgress: earned ? 10 : 0,
  badges: earned ? [challenge.badges[0]!] : [],
  nextBadges: earned ? [challenge.badges[1]!] : challenge.badges,
})

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(ChallengePage, {
    global: { plugins: [i18n, router], stubs: { LiveLeaderboard: BoardStandIn } },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router }
}
const tab = (w: Awaited<ReturnType<typeof mountAt>>['wrapper'], name: string) =>
  w.findAll('[role="tab"]').find((x) => x.text() === name)!
const visiblePanel = (w: Awaited<ReturnType<typeof mountAt>>['wrapper']) =>
  w.findAll('[role="tabpanel"]').filter((p) => (p.element as HTMLElement).style.display !== 'none')

describe('ChallengePage', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    await setLanguage('id', false)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-23T03:00:00Z'))
    auth.useSession('token', aUser())
    vi.mocked(challengesApi.getChallenge).mockResolvedValue(challenge)
    vi.mocked(participationApi.getProgress).mockResolvedValue(progress(0, false))
    vi.mocked(participationApi.myLogs).mockResolvedValue([])
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.mocked(participationApi.getProgress).mockReset()
    vi.mocked(participationApi.logReading).mockReset()
  })

  it('splits the page into four accessible tabs, the board first, the tab kept in ?tab= so Back works', async () => {
    const { wrapper, router } = await mountAt('/tantangan/4')
    const tabs = wrapper.findAll('[role="tab"]')
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('Bagian tantangan')
    expect(tabs.map((x) => x.text())).toEqual(['Papan', 'Catat', 'Progres', 'Aturan'])
    expect(tabs.map((x) => x.attributes('aria-selected'))).toEqual(['true', 'false', 'false', 'false'])
    expect(tabs.map((x) => x.attributes('tabindex'))).toEqual(['0', '-1', '-1', '-1'])
    for (const x of tabs) {
      const panel = wrapper.get(`[id="${x.attributes('aria-controls')}"]`)
      expect(panel.attributes('role')).toBe('tabpanel')
      expect(panel.attributes('aria-labelledby')).toBe(x.attributes('id'))
    }
    expect(visiblePanel(wrapper)).toHaveLength(1)
    expect(visiblePanel(wrapper)[0]!.find('[data-testid="board-stand-in"]').exists()).toBe(true)

    await tab(wrapper, 'Catat').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.tab).toBe('catat')
    expect(tab(wrapper, 'Catat').attributes('aria-selected')).toBe('true')
    expect(visiblePanel(wrapper)[0]!.find('[data-testid="reading-log-form"]').exists()).toBe(true)

    // Arrow keys move along the tabs (and wrap), Home and End jump; focus follows.
    await tab(wrapper, 'Catat').trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(router.currentRoute.value.query.tab).toBe('progres')
    expect(document.activeElement).toBe(tab(wrapper, 'Progres').element)
    expect(visiblePanel(wrapper)[0]!.find('[data-testid="my-progress"]').exists()).toBe(true)
    await tab(wrapper, 'Progres').trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(router.currentRoute.value.query.tab).toBe('aturan')
    expect(visiblePanel(wrapper)[0]!.text()).toContain('10 poin untuk setiap buku yang selesai dibaca')
    await tab(wrapper, 'Aturan').trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/tantangan/4')
    expect(document.activeElement).toBe(tab(wrapper, 'Papan').element)

    // Keys replaced the entry the click made; Back returns to the page before the click.
    await tab(wrapper, 'Aturan').trigger('click')
    await flushPromises()
    router.back()
    await vi.waitFor(() => expect(router.currentRoute.value.query.tab).toBeUndefined())
    await flushPromises()
    expect(tab(wrapper, 'Papan').attributes('aria-selected')).toBe('true')
    wrapper.unmount()
  })

  it('shows a joined participant the survey before while it runs, and the survey after once it ended (issue 20)', async () => {
    vi.mocked(challengesApi.getChallenge).mockResolvedValue({ ...challenge, preSurveyId: 6, postSurveyId: 7 })
    const running = await mountAt('/tantangan/4')
    const pre = running.wrapper.get('[data-testid="challenge-survey"]')
    expect(pre.get('a').text()).toBe('Isi survei awal')
    expect(pre.get('a').attributes('href')).toBe('/survei/6?tantangan=4')
    running.wrapper.unmount()

    vi.setSystemTime(new Date('2027-01-02T03:00:00Z'))
    const ended = await mountAt('/tantangan/4')
    const post = ended.wrapper.get('[data-testid="challenge-survey"]')
    expect(post.get('a').text()).toBe('Isi survei akhir')
    expect(post.get('a').attributes('href')).toBe('/survei/7?tantangan=4')
    ended.wrapper.unmount()

    auth.useSession(null)
    vi.setSystemTime(new Date('2026-11-23T03:00:00Z'))
    const visitor = await mountAt('/tantangan/4')
    expect(visitor.wrapper.find('[data-testid="challenge-survey"]').exists()).toBe(false)
    visitor.wrapper.unmount()
  })

  it('opens the tab a link names', async () => {
    const { wrapper } = await mountAt('/tantangan/4?tab=aturan')
    expect(tab(wrapper, 'Aturan').attributes('aria-selected')).toBe('true')
    expect(visiblePanel(wrapper)[0]!.text()).toContain('Pembaca Pemula')
    wrapper.unmount()
  })

  it('shows the reward right under "Catat", with the new badge, and announces it', async () => {
    vi.mocked(participationApi.getProgress).mockResolvedValueOnce(progress(0, false)).mockResolvedValue(progress(130, true))
    vi.mocked(participationApi.logReading).mockResolvedValue({
      log: {
        id: 1, title: 'Laskar Pelangi', author: 'Andrea Hirata', isbn: null, pages: 120, minutes: null, finished: true,
        readOn: '2026-11-23', review: null, points: 130, status: 'VALID', flagReason: null, shareReview: false,
        createdAt: '2026-11-23T03:00:00.000Z',
      },
      pointsAwarded: 130,
      totalPoints: 130,
    })
    const { wrapper } = await mountAt('/tantangan/4?tab=catat')
    const form = wrapper.get('[data-testid="reading-log-form"]')
    const field = (label: string) => form.get(`[id="${form.findAll('label').find((l) => l.text().startsWith(label))!.attributes('for')}"]`)
    await field('Judul buku').setValue('Laskar Pelangi')
    await field('Penulis').setValue('Andrea Hirata')
    await field('Halaman').setValue('120')
    const announcer = wrapper.get('[data-testid="log-announcer"]')
    expect(announcer.attributes('aria-live')).toBe('polite')
    expect(announcer.text()).toBe('')
    await form.trigger('submit')
    await flushPromises()

    const reward = wrapper.get('[data-testid="log-reward"]')
    expect(reward.text()).toContain('+130 poin')
    expect(reward.text()).toContain('Total poinmu sekarang 130.')
    expect(reward.get('[data-testid="reward-badge"]').text()).toContain('Lencana baru: Pembaca Pemula')
    expect(announcer.text()).toBe('+130 poin! Lencana baru: Pembaca Pemula. Total poinmu sekarang 130.')
    // Next to the button: the form (ending with "Catat"), then the live region, then the reward.
    expect(form.element.nextElementSibling).toBe(announcer.element)
    expect(announcer.element.nextElementSibling).toBe(reward.element)

    // The "Progres" tab is made fresh when opened: the new log and badge are there.
    vi.mocked(participationApi.myLogs).mockResolvedValue([(await vi.mocked(participationApi.logReading).mock.results[0]!.value).log])
    await tab(wrapper, 'Progres').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="my-logs"]').text()).toContain('Laskar Pelangi')
    expect(wrapper.get('[data-testid="my-progress"]').text()).toContain('Pembaca Pemula')
    wrapper.unmount()
  })

  it('says nothing of points for a log that waits for staff', async () => {
    vi.mocked(participationApi.logReading).mockResolvedValue({
      log: {
        id: 2, title: 'Bumi', author: 'Tere Liye', isbn: null, pages: 1500, minutes: null, finished: true, readOn: '2026-11-23',
        review: null, points: 1510, status: 'FLAGGED', flagReason: 'x', shareReview: false, createdAt: '2026-11-23T03:00:00.000Z',
      },
      pointsAwarded: 0,
      totalPoints: 0,
    })
    const { wrapper } = await mountAt('/tantangan/4?tab=catat')
    const form = wrapper.get('[data-testid="reading-log-form"]')
    const field = (label: string) => form.get(`[id="${form.findAll('label').find((l) => l.text().startsWith(label))!.attributes('for')}"]`)
    await field('Judul buku').setValue('Bumi')
    await field('Penulis').setValue('Tere Liye')
    await field('Halaman').setValue('1500')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="log-reward"]').text()).toContain('menunggu pemeriksaan petugas')
    expect(wrapper.get('[data-testid="log-reward"]').text()).not.toContain('poin!')
    expect(wrapper.get('[data-testid="log-announcer"]').text()).toContain('menunggu pemeriksaan petugas')
    wrapper.unmount()
  })
})
