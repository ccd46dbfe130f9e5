import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import * as postsApi from '@/features/campaigns/posts/api'
import type { PostVariant, PostView } from '@/features/campaigns/posts/api'
import PostEditorPage from '@/features/campaigns/posts/pages/PostEditorPage.vue'
import { ApiError } from '@/lib/api-client'
import { PostSourcesKey, type PostSources } from '@/lib/post-drafting'
import { aUser } from './helpers'

/** A post as the API sends it: every property, null (or empty) where it has no value. */
function aPost(p: Pick<PostView, 'id' | 'contentType' | 'body' | 'hashtags' | 'status' | 'authorId' | 'version' | 'variants'>): PostView {
  return { mediaUrl: null, campaignId: null, eventId: null, challengeId: null, reviewerId: null, reviewNote: null,
    reviewedAt: null, createdAt: '2026-11-01T02:00:00.000Z', updatedAt: '2026-11-01T02:00:00.000Z', media: [],
    mediaCheck: [], ...p }
}

/** A variant as the API sends it: every property, null where it has no value. */
function variant(v: Pick<PostVariant, 'id' | 'platform' | 'text' | 'characters' | 'limit'>): PostVariant {
  return { scheduledAt: null, publishedUrl: null, publishedAt: null, metrics: null, manual: false, delivery: 'NONE',
    externalId: null, attempts: 0, lastError: null, nextAttemptAt: null, links: [], ...v }
}

vi.mock('@/features/campaigns/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/campaigns/api')>()
  return { ...actual, listCampaigns: vi.fn(async () => []) }
})
vi.mock('@/features/campaigns/posts/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/campaigns/posts/api')>()
  return {
    ...actual,
    createPost: vi.fn(),
    getPost: vi.fn(),
    replacePost: vi.fn(),
    postHistory: vi.fn(async () => []),
    connectedPlatforms: vi.fn(async () => new Set()),
  }
})

/** What app/ would provide: here, nothing to link to or draft from. */
const noSources: PostSources = {
  linkableEvents: async () => [],
  linkableChallenges: async () => [],
  draftOptions: async () => [],
}

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const w = mount(PostEditorPage, {
    global: { plugins: [i18n, router], provide: { [PostSourcesKey as symbol]: noSources } },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

const xText = (w: Awaited<ReturnType<typeof mountAt>>) => w.get('#variant-x-text')
const xCounter = (w: Awaited<ReturnType<typeof mountAt>>) => w.get('[data-testid="variant-X"] [data-testid="char-counter"]')

describe('the post editor', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    i18n.global.locale.value = 'id'
    auth.useSession('token', aUser({ id: 5, role: 'STAFF' }))
  })
  afterEach(() => {
    vi.mocked(postsApi.createPost).mockReset()
    vi.mocked(postsApi.replacePost).mockReset()
    vi.mocked(postsApi.getPost).mockReset()
    auth.useSession(null)
  })

  it('counts as the platform does and turns the counter red, in words too, at the limit', async () => {
    const w = await mountAt('/staf/konten/pos/baru')
    expect(w.find('[data-testid="variant-INSTAGRAM"]').exists()).toBe(true)
    expect(xCounter(w).text()).toContain('0 / 280 karakter')
    expect(xCounter(w).classes()).not.toContain('counter--limit')

    // 279 ZWJ families and a link: 279 + 23 = 302 would be over; 257 families + a link are exactly 280.
    await xText(w).setValue('👨‍👩‍👧'.repeat(257) + 'https://perpustakaan.banjarbarukota.go.id/acara/12')
    expect(xCounter(w).text()).toContain('280 / 280 karakter')
    expect(xCounter(w).text()).toContain('batas tercapai')
    expect(xCounter(w).classes()).toContain('counter--limit')
    const live = xCounter(w).get('[aria-live="polite"]')
    expect(live.text()).toBe('X: batas 280 karakter tercapai.')
    // The textarea is described by the counter.
    expect(xText(w).attributes('aria-describedby')).toContain('variant-x-counter')
    expect(w.get('[data-testid="preview-X"]').text()).toContain('perpustakaan.banjarbaruko…')

    await xText(w).setValue('a'.repeat(281))
    expect(xCounter(w).attributes('data-state')).toBe('over')
    expect(xCounter(w).text()).toContain('lebih 1 karakter')
    expect(live.text()).toBe('X: teks melebihi batas 280 karakter.')
    expect(w.get('[data-testid="preview-X"] mark').text()).toBe('a')

    // Instagram keeps its own limit: the same text is fine there.
    await w.get('#variant-instagram-text').setValue('a'.repeat(281))
    expect(w.get('[data-testid="variant-INSTAGRAM"] [data-testid="char-counter"]').classes()).not.toContain('counter--limit')

    await w.get('form.card').trigger('submit')
    await flushPromises()
    expect(postsApi.createPost).not.toHaveBeenCalled()
    expect(w.get('[data-testid="variant-X"]').text()).toContain('X membolehkan 280 karakter; teks ini 281.')
    expect(xText(w).attributes('aria-invalid')).toBe('true')
    w.unmount()
  })

  it('keeps the text on screen and offers to reload when someone else saved first', async () => {
    const post: PostView = aPost({
      id: 12,
      contentType: 'EDUCATIONAL_TIP',
      body: 'Cek sumbernya.',
      hashtags: ['WaspadaHoaks'],
      status: 'DRAFT',
      authorId: 5,
      version: 3,
      variants: [variant({ id: 1, platform: 'X', text: 'Versi lama', characters: 10, limit: 280 })],
    })
    vi.mocked(postsApi.getPost).mockResolvedValue(post)
    vi.mocked(postsApi.replacePost).mockRejectedValue(
      new ApiError(412, { type: 'https://serambi.id/problems/stale-version', title: 'Changed by someone else', status: 412 }),
    )
    const w = await mountAt('/staf/konten/pos/12/ubah')
    await xText(w).setValue('Versi saya yang baru')
    await w.get('form.card').trigger('submit')
    await flushPromises()
    expect(postsApi.replacePost).toHaveBeenCalledWith(12, 3, expect.objectContaining({ variants: [{ platform: 'X', text: 'Versi saya yang baru' }] }))
    const conflict = w.get('[data-testid="conflict"]')
    expect(conflict.attributes('role')).toBe('alert')
    expect(conflict.text()).toContain('Unggahan ini baru saja diubah orang lain.')
    expect(conflict.text()).toContain('Versi saya yang baru')
    expect((xText(w).element as HTMLTextAreaElement).value).toBe('Versi saya yang baru')

    // Reloading brings the newer version into the form; the user's text stays listed and can be put back.
    vi.mocked(postsApi.getPost).mockResolvedValue({ ...post, version: 4, variants: [{ ...post.variants![0]!, text: 'Versi rekan' }] })
    await conflict.findAll('button').find((b) => b.text() === 'Muat versi terbaru')!.trigger('click')
    await flushPromises()
    expect((xText(w).element as HTMLTextAreaElement).value).toBe('Versi rekan')
    expect(w.get('[data-testid="conflict"]').text()).toContain('Versi saya yang baru')
    await w.get('[data-testid="conflict"]').findAll('button').find((b) => b.text() === 'Pakai teks saya di formulir')!.trigger('click')
    expect((xText(w).element as HTMLTextAreaElement).value).toBe('Versi saya yang baru')
    vi.mocked(postsApi.replacePost).mockResolvedValue({ ...post, version: 5 })
    await w.get('form.card').trigger('submit')
    await flushPromises()
    expect(postsApi.replacePost).toHaveBeenLastCalledWith(12, 4, expect.anything())
    w.unmount()
  })

  describe('the tab title follows the heading', () => {
    const post: PostView = aPost({
      id: 21,
      contentType: 'EDUCATIONAL_TIP',
      body: 'Cek sumbernya.',
      hashtags: [],
      status: 'IN_REVIEW',
      authorId: 5,
      version: 1,
      variants: [variant({ id: 1, platform: 'X', text: 'Cek dulu', characters: 8, limit: 280 })],
    })

    it('says "review" to a reviewer, who cannot edit the post', async () => {
      auth.useSession('token', aUser({ id: 7, role: 'REVIEWER' }))
      vi.mocked(postsApi.getPost).mockResolvedValue(post)
      const w = await mountAt('/staf/konten/pos/21/ubah')
      expect(w.get('h1').text()).toBe('Tinjau unggahan')
      expect(document.title).toBe('Tinjau unggahan · Serambi')
      w.unmount()
    })

    it('says "review" on a published post, and "edit" on a draft, to the staff', async () => {
      vi.mocked(postsApi.getPost).mockResolvedValue({ ...post, status: 'PUBLISHED' })
      const published = await mountAt('/staf/konten/pos/21/ubah')
      expect(published.get('h1').text()).toBe('Tinjau unggahan')
      expect(document.title).toBe('Tinjau unggahan · Serambi')
      published.unmount()

      vi.mocked(postsApi.getPost).mockResolvedValue({ ...post, status: 'DRAFT' })
      const draft = await mountAt('/staf/konten/pos/21/ubah')
      expect(draft.get('h1').text()).toBe('Ubah unggahan')
      expect(document.title).toBe('Ubah unggahan · Serambi')
      draft.unmount()
    })

    it('follows the language', async () => {
      auth.useSession('token', aUser({ id: 7, role: 'REVIEWER' }))
      vi.mocked(postsApi.getPost).mockResolvedValue(post)
      const w = await mountAt('/staf/konten/pos/21/ubah')
      await setLanguage('en', false)
      await flushPromises()
      expect(document.title).toBe('Review post · Serambi')
      w.unmount()
      await setLanguage('id', false)
    })
  })
})
