import { computed, reactive, ref } from 'vue'
import type { Translate } from '@/lib/api-client'
import { ApiError } from '@/lib/api-client'
import { fromDateTimeLocal, toDateTimeLocal } from '@/lib/format'
import type { useFormErrors } from '@/lib/use-form-errors'
import { PLATFORMS, type SocialPlatform } from '../api'
import { PLATFORM_LABELS } from '../model'
import type { PostRequest, PostView } from './api'
import type { VariantDraft } from './components/VariantEditor.vue'
import { counterState, parseHashtags, textFromBody, variantFieldError } from './model'

type FormErrors = ReturnType<typeof useFormErrors>
type VariantErrors = Record<number, { text?: string; scheduledAt?: string }>

/** What the user had typed when a save met a newer version: kept on screen until they choose. */
export interface Unsaved {
  body: string
  hashtags: string
  mediaUrl: string
  variants: VariantDraft[]
}

const blank = () => ({ contentType: 'EDUCATIONAL_TIP', body: '', hashtags: '', mediaUrl: '', campaignId: '', eventId: '', challengeId: '' })

/**
 * The post editor's form, apart from the page: the fields and variants, the request they make, whether they differ
 * from what was saved, the client-side checks, the server's errors per variant, and a stale-version conflict.
 */
export function usePostForm(t: Translate, errors: FormErrors) {
  const form = reactive(blank())
  const variants = ref<VariantDraft[]>([])
  /** The attached files of the media library, in order. */
  const mediaIds = ref<number[]>([])
  /** The request as last saved or loaded: what "unsaved changes" compares against. */
  const saved = ref('')
  /** Errors of one variant (by its index in the request), from the server or the checks below. */
  const variantErrors = ref<VariantErrors>({})
  const conflict = ref<{ mine: Unsaved; reloaded: boolean } | null>(null)

  function request(): PostRequest {
    const body: PostRequest = {
      contentType: form.contentType as PostRequest['contentType'],
      body: form.body.trim(),
      hashtags: parseHashtags(form.hashtags),
      variants: variants.value.map((v) => {
        const at = fromDateTimeLocal(v.scheduledAt)
        return { platform: v.platform, text: v.text, ...(at ? { scheduledAt: at } : {}), ...(v.manual ? { manual: true } : {}) }
      }),
    }
    if (form.mediaUrl.trim()) body.mediaUrl = form.mediaUrl.trim()
    body.mediaIds = [...mediaIds.value]
    if (form.campaignId) body.campaignId = Number(form.campaignId)
    if (form.eventId) body.eventId = Number(form.eventId)
    if (form.challengeId) body.challengeId = Number(form.challengeId)
    return body
  }
  const dirty = computed(() => JSON.stringify(request()) !== saved.value)
  const markSaved = () => (saved.value = JSON.stringify(request()))

  /** Each platform's scheduled time as loaded: a time that has passed may stay (it is history), not be newly set. */
  let loadedTimes: Record<string, string> = {}

  function fill(p: PostView) {
    form.contentType = p.contentType ?? 'EDUCATIONAL_TIP'
    form.body = p.body ?? ''
    form.hashtags = (p.hashtags ?? []).map((h) => `#${h}`).join(' ')
    form.mediaUrl = p.mediaUrl ?? ''
    form.campaignId = p.campaignId ? String(p.campaignId) : ''
    form.eventId = p.eventId ? String(p.eventId) : ''
    form.challengeId = p.challengeId ? String(p.challengeId) : ''
    variants.value = (p.variants ?? []).map((v) => ({
      platform: v.platform!,
      text: v.text ?? '',
      scheduledAt: toDateTimeLocal(v.scheduledAt),
      manual: v.manual ?? false,
    }))
    mediaIds.value = (p.media ?? []).map((m) => m.id!).filter((id) => id != null)
    loadedTimes = Object.fromEntries(variants.value.map((v) => [v.platform, v.scheduledAt]))
    markSaved()
  }

  /** A new post: Instagram and X to write, at 10:00 on `day` (YYYY-MM-DD) when given, in a campaign when given. */
  function startBlank(options: { campaignId?: number | null; day?: string | null } = {}) {
    Object.assign(form, blank())
    mediaIds.value = []
    loadedTimes = {}
    if (options.campaignId) form.campaignId = String(options.campaignId)
    const at = options.day ? `${options.day}T10:00` : ''
    variants.value = [
      { platform: 'INSTAGRAM', text: '', scheduledAt: at, manual: false },
      { platform: 'X', text: '', scheduledAt: at, manual: false },
    ]
    markSaved()
  }

  const missingPlatforms = computed(() => PLATFORMS.filter((p) => !variants.value.some((v) => v.platform === p)))
  function addVariant(platform: SocialPlatform) {
    variants.value.push({ platform, text: textFromBody(form.body, parseHashtags(form.hashtags)), scheduledAt: '', manual: false })
    variants.value.sort((a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform))
  }
  function removeVariant(platform: SocialPlatform) {
    variants.value = variants.value.filter((v) => v.platform !== platform)
  }
  function fillVariant(v: VariantDraft) {
    v.text = textFromBody(form.body, parseHashtags(form.hashtags))
  }

  /** The client-side checks; false (with the errors shown) when the post cannot be sent. */
  function check(): boolean {
    const found: VariantErrors = {}
    variants.value.forEach((v, i) => {
      const state = counterState(v.platform, v.text)
      if (!v.text.trim()) found[i] = { text: t('account.validation.required') }
      else if (state.over) found[i] = { text: t('campaigns.validation.tooLong', { platform: PLATFORM_LABELS[v.platform], limit: state.limit, count: state.count }) }
      const at = v.scheduledAt.trim() ? fromDateTimeLocal(v.scheduledAt) : null
      if (v.scheduledAt.trim() && !at) found[i] = { ...found[i], scheduledAt: t('events.validation.dateTime') }
      // A time newly set in the past would save silently and could never go out: say so at the field.
      else if (at && Date.parse(at) <= Date.now() && loadedTimes[v.platform] !== v.scheduledAt) {
        found[i] = { ...found[i], scheduledAt: t('campaigns.validation.schedulePast') }
      }
    })
    variantErrors.value = found
    const url = form.mediaUrl.trim()
    const ok = errors.validate({
      mediaUrl: url && !/^https?:\/\/\S+$/i.test(url) ? { key: 'campaigns.validation.url' } : null,
      variants: variants.value.length === 0 ? { key: 'campaigns.validation.noVariant' } : null,
    })
    if (Object.keys(found).length > 0) {
      if (ok) errors.problem.value = { status: null, message: t('problem.status.400'), detail: null, fieldErrors: {} }
      return false
    }
    return ok
  }

  /** Field errors of the variants from a 400: "variants[1].text" belongs to the second variant sent. */
  function serverVariantErrors(error: unknown) {
    const found: VariantErrors = {}
    if (error instanceof ApiError) {
      for (const e of error.problem?.errors ?? []) {
        const at = e.field ? variantFieldError(e.field) : null
        if (at && (at.field === 'text' || at.field === 'scheduledAt')) found[at.index] = { ...found[at.index], [at.field]: e.message }
      }
    }
    variantErrors.value = found
  }

  /** A save met a newer version: keep what the user typed. */
  function keepMine() {
    conflict.value = {
      mine: { body: form.body, hashtags: form.hashtags, mediaUrl: form.mediaUrl, variants: variants.value.map((v) => ({ ...v })) },
      reloaded: false,
    }
  }

  /** Puts the user's text back into the form, on top of the newer version (saving it then overwrites). */
  function restoreMine(): boolean {
    if (!conflict.value) return false
    const mine = conflict.value.mine
    form.body = mine.body
    form.hashtags = mine.hashtags
    form.mediaUrl = mine.mediaUrl
    variants.value = mine.variants.map((v) => ({ ...v }))
    conflict.value = null
    return true
  }

  return {
    form,
    variants,
    mediaIds,
    variantErrors,
    conflict,
    dirty,
    request,
    markSaved,
    fill,
    startBlank,
    missingPlatforms,
    addVariant,
    removeVariant,
    fillVariant,
    check,
    serverVariantErrors,
    keepMine,
    restoreMine,
  }
}
