import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import * as postsApi from '@/features/campaigns/posts/api'
import type { PostVariant, PostView } from '@/features/campaigns/posts/api'
import PostEditorPage from '@/features/campaigns/posts/pages/PostEditorPage.vue'
import { allAutomaticAt, variantOutcomes } from '@/features/campaigns/posts/model'
import { PostSourcesKey, type PostSources } from '@/lib/post-drafting'
import { aUser } from './helpers'

/** Issue 17, point 10: the post screens say exactly what scheduling does, and what stops a post. */

function aPost(p: Partial<PostView>): PostView {
  return { id: 21, contentType: 'EDUCATIONAL_TIP', body: 'Cek sumbernya.', hashtags: [], status: 'DRAFT', authorId: 5, version: 1,
    variants: [], mediaUrl: null, campaignId: null, eventId: null, challengeId: null, reviewerId: null, reviewNote: null,
    reviewedAt: null, createdAt: '2026-11-01T02:00:00.000Z', updatedAt: '2026-11-01T02:00:00.000Z', media: [], mediaCheck: [], ...p }
}

function variant(v: Partial<PostVariant> & Pick<PostVariant, 'platform'>): PostVariant {
  return { id: 1, text: 'Teks', characters: 4, limit: 280, scheduledAt: null, publishedUrl: null, publishedAt: null, metrics: null,
    manual: false, delivery: 'NONE', externalId: null, attempts: 0, lastError: null, nextAttemptAt: null, links: [], ...v }
}

vi.mock('@/features/campaigns/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/campaigns/api')>()
  return { ...actual, listCampaigns: vi.fn(async () => []) }
})
vi.mock('@/features/campaigns/posts/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/campaigns/posts/api')>()
  return {
    ...actual,
    getPost: vi.fn(),
    submitPost: vi.fn(),
    postHistory: vi.fn(async () => []),
    checkPostMedia: vi.fn(async () => []),
    connectedPlatforms: vi.fn(async () => new Set(['INSTAGRAM'])),
  }
})

const noSources: PostSources = { linkableEvents: async () => [], linkableChallenges: async () => [], draftOptions: async () => [] }

async function mountPost(post: PostView) {
  vi.mocked(postsApi.getPost).mockResolvedValue(post)
  const router = createAppRouter(createMemoryHistory())
  await router.push(`/staf/konten/pos/${post.id}/ubah`)
  await router.isReady()
  const w = mount(PostEditorPage, { global: { plugins: [i18n, router], provide: { [PostSourcesKey as symbol]: noSources } }, attachTo: document.body })
  await flushPromises()
  return w
}

const MONDAY_19_WITA = '2099-12-07T11:00:00Z'

describe('what scheduling a post does', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    i18n.global.locale.value = 'id'
    auth.useSession('token', aUser({ id: 5, role: 'STAFF' }))
  })
  afterEach(() => {
    vi.mocked(postsApi.getPost).mockReset()
    vi.mocked(postsApi.submitPost).mockReset()
    auth.useSession(null)
  })

  it('tells each platform apart: automatic, not connected (by hand), manual, no time', () => {
    const post = aPost({
      variants: [
        variant({ platform: 'FACEBOOK', scheduledAt: MONDAY_19_WITA, manual: true }),
        variant({ platform: 'INSTAGRAM', scheduledAt: MONDAY_19_WITA }),
        variant({ platform: 'X', scheduledAt: MONDAY_19_WITA }),
      ],
    })
    expect(variantOutcomes(post, new Set(['INSTAGRAM', 'FACEBOOK'])).map((o) => o.kind)).toEqual(['manual', 'auto', 'notConnected'])
    expect(variantOutcomes(post, null).map((o) => o.kind)).toEqual(['manual', 'unknown', 'unknown'])
    expect(variantOutcomes(aPost({ variants: [variant({ platform: 'X' })] }), new Set()).map((o) => o.kind)).toEqual(['noTime'])
    const both = aPost({ variants: [variant({ platform: 'INSTAGRAM', scheduledAt: MONDAY_19_WITA }), variant({ platform: 'X', scheduledAt: MONDAY_19_WITA })] })
    expect(allAutomaticAt(variantOutcomes(both, new Set(['INSTAGRAM', 'X'])))).toEqual({ at: MONDAY_19_WITA, platforms: ['INSTAGRAM', 'X'] })
    expect(allAutomaticAt(variantOutcomes(both, new Set(['INSTAGRAM'])))).toBeNull()
  })

  it('shows an Instagram variant without an image in the editor, and staff cannot submit it', async () => {
    const w = await mountPost(aPost({
      variants: [variant({ platform: 'INSTAGRAM', scheduledAt: MONDAY_19_WITA }), variant({ platform: 'X', scheduledAt: MONDAY_19_WITA })],
      mediaCheck: [
        { platform: 'INSTAGRAM', problems: ['Instagram memerlukan setidaknya satu gambar atau video.'] },
        { platform: 'X', problems: [] },
      ],
    }))
    const blockers = w.get('[data-testid="editor-media-blockers"]')
    expect(blockers.text()).toContain('Belum bisa dikirim untuk ditinjau:')
    expect(blockers.text()).toContain('Instagram memerlukan setidaknya satu gambar atau video.')
    const submit = w.findAll('button').find((b) => b.text() === 'Kirim untuk ditinjau')!
    expect(submit.attributes('disabled')).toBeDefined()
    await submit.trigger('click')
    expect(postsApi.submitPost).not.toHaveBeenCalled()
    // What happens next, per platform: nothing goes out before review; Instagram by itself, X (not connected) by hand.
    const plan = w.get('[data-testid="editor-publish-plan"]').text()
    expect(plan).toContain('Belum ada yang terbit. Kirim dulu untuk ditinjau')
    expect(w.get('[data-testid="editor-outcome-INSTAGRAM"]').text()).toContain('Instagram: terbit otomatis pada Sen, 7 Des 19.00 WITA.')
    expect(w.get('[data-testid="editor-outcome-X"]').text()).toContain('X: akun belum terhubung, jadi tidak terbit otomatis. Pada Sen, 7 Des 19.00 WITA')
    w.unmount()
  })

  it('says on the schedule button what it does when every platform goes out by itself at one time', async () => {
    vi.mocked(postsApi.connectedPlatforms).mockResolvedValue(new Set(['INSTAGRAM', 'X']))
    const w = await mountPost(aPost({
      status: 'APPROVED',
      variants: [variant({ platform: 'INSTAGRAM', scheduledAt: MONDAY_19_WITA }), variant({ platform: 'X', scheduledAt: MONDAY_19_WITA })],
    }))
    expect(w.get('[data-testid="schedule-button"]').text()).toBe('Jadwalkan untuk diterbitkan otomatis pada Sen, 7 Des 19.00 WITA ke Instagram, X')
    expect(w.get('[data-testid="editor-publish-plan"]').text()).toContain('Disetujui, tetapi belum dijadwalkan: belum ada yang terbit.')
    // Not before its date: no "Tandai sudah terbit" until then, and the page says from when.
    expect(w.findAll('button').some((b) => b.text() === 'Tandai sudah terbit')).toBe(false)
    expect(w.get('[data-testid="publishable-from"]').text()).toContain('Bisa ditandai sudah terbit mulai Sen, 7 Des 19.00 WITA')
    w.unmount()
  })

  it('lets a post be marked published once its time has come', async () => {
    const w = await mountPost(aPost({ status: 'APPROVED', variants: [variant({ platform: 'X', scheduledAt: '2020-01-06T11:00:00Z' })] }))
    expect(w.findAll('button').some((b) => b.text() === 'Tandai sudah terbit')).toBe(true)
    expect(w.find('[data-testid="publishable-from"]').exists()).toBe(false)
    w.unmount()
  })

  it('says, on a scheduled variant, whether it goes out by itself or waits for staff', async () => {
    vi.mocked(postsApi.connectedPlatforms).mockResolvedValue(new Set(['INSTAGRAM']))
    const w = await mountPost(aPost({
      status: 'SCHEDULED',
      variants: [
        variant({ platform: 'FACEBOOK', scheduledAt: MONDAY_19_WITA, delivery: 'SCHEDULED', manual: true }),
        variant({ platform: 'INSTAGRAM', scheduledAt: MONDAY_19_WITA, delivery: 'SCHEDULED' }),
        variant({ platform: 'X', scheduledAt: MONDAY_19_WITA, delivery: 'SCHEDULED' }),
      ],
    }))
    expect(w.get('[data-testid="delivery-explain-INSTAGRAM"]').text()).toBe('Serambi menerbitkannya sendiri pada jadwalnya.')
    expect(w.get('[data-testid="delivery-explain-X"]').text()).toContain('Akun platform ini belum terhubung, jadi tidak terbit otomatis')
    expect(w.get('[data-testid="delivery-explain-FACEBOOK"]').text()).toContain('Tidak terbit otomatis: pada jadwalnya Anda diingatkan')
    expect(w.get('[data-testid="editor-publish-plan"]').text()).toContain('Terjadwal. Yang akan terjadi:')
    w.unmount()
  })
})
