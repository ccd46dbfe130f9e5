import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { postSources, wireFeatures } from '@/app/wiring'
import * as postsApi from '@/features/campaigns/posts/api'
import type { PostView } from '@/features/campaigns/posts/api'
import * as challengesApi from '@/features/challenges/catalogue/api'
import * as participationApi from '@/features/challenges/participation/api'
import type { SharedReview } from '@/features/challenges/participation/api'
import SharedReviewsPage from '@/features/challenges/participation/pages/staff/SharedReviewsPage.vue'
import * as catalogueApi from '@/features/events/catalogue/api'
import { auth } from '@/lib/auth-store'
import { aUser } from './helpers'

vi.mock('@/features/campaigns/posts/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/campaigns/posts/api')>()
  return { ...actual, draftFrom: vi.fn() }
})
vi.mock('@/features/challenges/catalogue/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/challenges/catalogue/api')>()
  return { ...actual, listChallenges: vi.fn() }
})
vi.mock('@/features/challenges/participation/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/challenges/participation/api')>()
  return { ...actual, listSharedReviews: vi.fn() }
})
vi.mock('@/features/events/catalogue/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/catalogue/api')>()
  return { ...actual, listManagedEvents: vi.fn() }
})

const review: SharedReview = {
  logId: 41,
  challengeId: 3,
  challengeTitle: 'Baca 10 buku',
  nickname: 'kancil',
  title: 'Laskar Pelangi',
  author: 'Andrea Hirata',
  review: 'Bagus sekali.',
  readOn: '2026-03-01',
}

async function mountReviews(plugins: Array<(app: import('vue').App) => void> = []) {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/staf/ulasan')
  await router.isReady()
  const w = mount(SharedReviewsPage, { global: { plugins: [i18n, router, ...plugins] } })
  await flushPromises()
  return { w, router }
}

describe('the draft button app/ injects into the challenges and events pages', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'id'
    auth.useSession('token', aUser({ role: 'STAFF' }))
    vi.mocked(participationApi.listSharedReviews).mockResolvedValue([review])
  })

  it('shows campaigns\' button, which drafts a post from the review and opens its editor', async () => {
    vi.mocked(postsApi.draftFrom).mockResolvedValue({ id: 99 } as PostView)
    const { w, router } = await mountReviews([wireFeatures])

    // The button is staff-only code, loaded when first shown (app/wiring.ts).
    await vi.waitFor(() => expect(w.find('button[aria-label="Buat draf unggahan untuk Laskar Pelangi"]').exists()).toBe(true), { timeout: 10_000 })
    const button = w.get('button[aria-label="Buat draf unggahan untuk Laskar Pelangi"]')
    await button.trigger('click')
    await flushPromises()

    expect(postsApi.draftFrom).toHaveBeenCalledWith('review', 41)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/staf/konten/pos/99/ubah'), { timeout: 10_000 })
  })

  it('shows no button when the app wires none in', async () => {
    const { w } = await mountReviews()
    expect(w.text()).toContain('Laskar Pelangi')
    expect(w.find('.draft-button').exists()).toBe(false)
  })
})

describe('the post sources app/ gives the post editor', () => {
  it('offers published events not yet over, and published challenges, to draft from', async () => {
    vi.mocked(catalogueApi.listManagedEvents).mockResolvedValue({
      items: [
        { id: 1, title: 'Bedah buku', status: 'PUBLISHED', startsAt: '2999-01-01T02:00:00Z', endsAt: '2999-01-01T04:00:00Z' },
        { id: 2, title: 'Sudah lewat', status: 'PUBLISHED', startsAt: '2000-01-01T02:00:00Z', endsAt: '2000-01-01T04:00:00Z' },
      ],
      page: 0,
      size: 100,
      total: 2,
    } as Awaited<ReturnType<typeof catalogueApi.listManagedEvents>>)
    vi.mocked(challengesApi.listChallenges).mockResolvedValue([
      { id: 5, title: 'Baca 10 buku', status: 'PUBLISHED' },
      { id: 6, title: 'Draf', status: 'DRAFT' },
    ] as Awaited<ReturnType<typeof challengesApi.listChallenges>>)

    const events = await postSources.draftOptions('event', 'id')
    expect(events.map((e) => e.value)).toEqual(['1'])
    expect(events[0]!.label).toMatch(/^Bedah buku \(/)
    expect(catalogueApi.listManagedEvents).toHaveBeenCalledWith({ status: 'PUBLISHED', page: 0, size: 100 })
    expect(await postSources.draftOptions('challenge', 'id')).toEqual([{ value: '5', label: 'Baca 10 buku' }])
    expect(await postSources.linkableChallenges()).toEqual([
      { value: '5', label: 'Baca 10 buku' },
      { value: '6', label: 'Draf' },
    ])
  })
})
