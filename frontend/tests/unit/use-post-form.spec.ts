import { beforeEach, describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { i18n } from '@/app/i18n'
import { usePostForm } from '@/features/campaigns/posts/use-post-form'
import type { PostView } from '@/features/campaigns/posts/api'
import { ApiError } from '@/lib/api-client'
import { useFormErrors } from '@/lib/use-form-errors'

const t = i18n.global.t as unknown as (key: string, params?: Record<string, unknown>) => string

function newForm() {
  const fields = ref({
    mediaUrl: { id: 'post-media-url', label: 'Media' },
    variants: { id: 'post-add-variant', label: 'Variants' },
  })
  const errors = useFormErrors(t, fields)
  return { postForm: usePostForm(t, errors), errors }
}

const post: PostView = {
  id: 3,
  version: 2,
  status: 'DRAFT',
  contentType: 'QUOTE',
  body: 'Membaca itu menyenangkan',
  hashtags: ['baca', 'perpustakaan'],
  mediaUrl: 'https://contoh.id/a.png',
  campaignId: 5,
  variants: [{ platform: 'X', text: 'Membaca #baca' }],
  media: [
    { id: 9, kind: 'IMAGE', fileName: 'b.jpg', width: 1080, height: 1080 },
    { id: 7, kind: 'IMAGE', fileName: 'a.jpg', width: 1080, height: 1350 },
  ],
} as PostView

describe('the post form', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'id'
  })

  it('starts a new post with Instagram and X at 10:00 on the given day, and nothing unsaved', () => {
    const { postForm } = newForm()
    postForm.startBlank({ campaignId: 5, day: '2026-05-04' })
    expect(postForm.variants.value.map((v) => [v.platform, v.scheduledAt])).toEqual([
      ['INSTAGRAM', '2026-05-04T10:00'],
      ['X', '2026-05-04T10:00'],
    ])
    expect(postForm.request().campaignId).toBe(5)
    expect(postForm.dirty.value).toBe(false)
    postForm.form.body = 'Baru'
    expect(postForm.dirty.value).toBe(true)
  })

  it('fills from a post and makes the same request back', () => {
    const { postForm } = newForm()
    postForm.fill(post)
    expect(postForm.form.hashtags).toBe('#baca #perpustakaan')
    expect(postForm.request()).toEqual({
      contentType: 'QUOTE',
      body: 'Membaca itu menyenangkan',
      hashtags: ['baca', 'perpustakaan'],
      mediaUrl: 'https://contoh.id/a.png',
      campaignId: 5,
      variants: [{ platform: 'X', text: 'Membaca #baca' }],
      mediaIds: [9, 7],
    })
    expect(postForm.dirty.value).toBe(false)
  })

  it('sends the attached media in their order; reordering them is an unsaved change', () => {
    const { postForm } = newForm()
    postForm.fill(post)
    postForm.mediaIds.value = [7, 9]
    expect(postForm.dirty.value).toBe(true)
    expect(postForm.request().mediaIds).toEqual([7, 9])
    postForm.startBlank()
    expect(postForm.request().mediaIds).toEqual([])
  })

  it('adds the missing platforms in platform order, filled from the body', () => {
    const { postForm } = newForm()
    postForm.fill(post)
    expect(postForm.missingPlatforms.value).toEqual(['FACEBOOK', 'INSTAGRAM'])
    postForm.addVariant('FACEBOOK')
    expect(postForm.variants.value.map((v) => v.platform)).toEqual(['FACEBOOK', 'X'])
    expect(postForm.variants.value[0]!.text).toContain('Membaca itu menyenangkan')
    postForm.removeVariant('X')
    expect(postForm.variants.value.map((v) => v.platform)).toEqual(['FACEBOOK'])
  })

  it('refuses an empty or too long variant, and a media address that is not a link', () => {
    const { postForm, errors } = newForm()
    postForm.startBlank()
    postForm.variants.value[1]!.text = 'x'.repeat(281)
    postForm.form.mediaUrl = 'bukan tautan'
    expect(postForm.check()).toBe(false)
    expect(postForm.variantErrors.value[0]?.text).toBeTruthy()
    expect(postForm.variantErrors.value[1]?.text).toContain('280')
    expect(errors.errorFor('mediaUrl')).toBeTruthy()
  })

  it('refuses a scheduled time newly set in the past, but keeps one loaded with the post', () => {
    const { postForm } = newForm()
    postForm.startBlank({ day: '2020-03-02' })
    postForm.variants.value.forEach((v) => (v.text = 'Ayo membaca'))
    expect(postForm.check()).toBe(false)
    expect(postForm.variantErrors.value[0]?.scheduledAt).toBe('Jadwal tayang ini sudah lewat. Pilih tanggal dan jam yang akan datang.')
    postForm.variants.value.forEach((v) => (v.scheduledAt = '2099-03-02T10:00'))
    expect(postForm.check()).toBe(true)

    // A post that went out last week keeps its time through an edit of its text.
    postForm.fill({ ...post, variants: [{ platform: 'X', text: 'Membaca #baca', scheduledAt: '2020-03-02T02:00:00Z' }] } as PostView)
    postForm.variants.value[0]!.text = 'Membaca itu seru #baca'
    expect(postForm.check()).toBe(true)
  })

  it('puts the server\'s errors on the variant they name', () => {
    const { postForm } = newForm()
    postForm.serverVariantErrors(
      new ApiError(400, { status: 400, errors: [{ field: 'variants[1].scheduledAt', message: 'di masa lalu' }] }),
    )
    expect(postForm.variantErrors.value).toEqual({ 1: { scheduledAt: 'di masa lalu' } })
  })

  it('keeps what I typed when someone else saved first, and puts it back on request', () => {
    const { postForm } = newForm()
    postForm.fill(post)
    postForm.form.body = 'Versi saya'
    postForm.keepMine()
    postForm.fill({ ...post, body: 'Versi rekan' })
    expect(postForm.form.body).toBe('Versi rekan')
    expect(postForm.restoreMine()).toBe(true)
    expect(postForm.form.body).toBe('Versi saya')
    expect(postForm.conflict.value).toBeNull()
    expect(postForm.restoreMine()).toBe(false)
  })
})
