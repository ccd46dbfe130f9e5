/**
 * Where features meet: a feature never imports another (eslint.config.js), so app/ hands each what another offers,
 * through the injection keys of lib/post-drafting.ts and lib/media-picking.ts. main.ts installs this on the app; tests install it too.
 */
import { defineAsyncComponent, type App } from 'vue'
import * as catalogueApi from '@/features/events/catalogue/api'
import { formatDate } from '@/lib/format'
import { EventFunnelKey, LinkTargetsKey, type LinkTargets } from '@/lib/attribution-wiring'
import { UpcomingEventsKey } from '@/lib/home-sections'
import { MediaPickerKey } from '@/lib/media-picking'
import { DraftButtonKey, PostSourcesKey, type DraftSource, type PostSourceOption, type PostSources } from '@/lib/post-drafting'

// Staff-only code loads when first used, not with every public page (B7, bench/b7.sh).
const DraftPostButton = defineAsyncComponent(() => import('@/features/campaigns/posts/components/DraftPostButton.vue'))
const MediaPicker = defineAsyncComponent(() => import('@/features/media/components/MediaPicker.vue'))
const challengesApi = () => import('@/features/challenges/catalogue/api')
const participationApi = () => import('@/features/challenges/participation/api')
const surveysApi = () => import('@/features/surveys/builder/api')
const EventFunnel = defineAsyncComponent(() => import('@/features/campaigns/analytics/components/EventFunnel.vue'))

export const postSources: PostSources = {
  async linkableEvents() {
    const page = await catalogueApi.listManagedEvents({ page: 0, size: 100 })
    // With the date: a series' sessions share one title.
    return (page.items ?? []).map((e) => ({ value: String(e.id), label: `${e.title} (${e.startsAt ? formatDate(e.startsAt, 'id') : ''})` }))
  },
  async linkableChallenges() {
    const all = await (await challengesApi()).listChallenges()
    return all.map((c) => ({ value: String(c.id), label: c.title ?? '' }))
  },
  async draftOptions(source: DraftSource, locale: string): Promise<PostSourceOption[]> {
    if (source === 'event') {
      const page = await catalogueApi.listManagedEvents({ status: 'PUBLISHED', page: 0, size: 100 })
      // An event that is over cannot be promoted any more (the API says 409).
      const now = Date.now()
      return (page.items ?? [])
        .filter((e) => !e.endsAt || Date.parse(e.endsAt) > now)
        .map((e) => ({ value: String(e.id), label: `${e.title} (${e.startsAt ? formatDate(e.startsAt, locale) : ''})` }))
    }
    if (source === 'challenge') {
      const all = await (await challengesApi()).listChallenges()
      return all.filter((c) => c.status === 'PUBLISHED').map((c) => ({ value: String(c.id), label: c.title ?? '' }))
    }
    const reviews = await (await participationApi()).listSharedReviews()
    return reviews.map((r) => ({ value: String(r.logId), label: `${r.title} · ${r.nickname}` }))
  },
}

/** Issue 22: what a partner's tracked link may point to (the API refuses closed targets: 400). */
export const linkTargets: LinkTargets = {
  async options(kind, locale) {
    if (kind === 'SURVEY') {
      const page = await (await surveysApi()).listSurveys({ status: 'PUBLISHED', page: 0, size: 100 })
      return (page.items ?? []).map((s) => ({ value: String(s.id), label: (locale === 'en' ? s.title.en : s.title.id) || s.title.id }))
    }
    return postSources.draftOptions(kind === 'EVENT' ? 'event' : 'challenge', locale)
  },
}

/** A Vue plugin: `app.use(wireFeatures)`. */
export function wireFeatures(app: App): void {
  app.provide(DraftButtonKey, DraftPostButton)
  app.provide(PostSourcesKey, postSources)
  app.provide(MediaPickerKey, MediaPicker)
  app.provide(LinkTargetsKey, linkTargets)
  app.provide(EventFunnelKey, EventFunnel)
  app.provide(UpcomingEventsKey, defineAsyncComponent(() => import('@/features/events/catalogue/components/UpcomingEvents.vue')))
}
