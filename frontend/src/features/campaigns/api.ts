import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import type { DraftSource } from '@/lib/post-drafting'

type Schemas = components['schemas']

export type PostView = Schemas['Post']
export type PostVariant = Schemas['PostVariant']
export type PostPage = Schemas['PostPage']
export type PostRequest = Schemas['PostRequest']
export type VariantRequest = Schemas['VariantRequest']
export type PostTransition = Schemas['PostTransition']
export type PostStatus = Schemas['PostStatus']
export type ContentType = Schemas['ContentType']
export type SocialPlatform = Schemas['SocialPlatform']
export type PublishedVariant = Schemas['PublishedVariant']
export type ContentCalendar = Schemas['ContentCalendar']
export type CalendarItem = Schemas['CalendarItem']
export type CadenceWarning = Schemas['CadenceWarning']
export type Campaign = Schemas['Campaign']
export type CampaignRequest = Schemas['CampaignRequest']
export type CampaignTheme = Schemas['CampaignTheme']
export type KpiTarget = Schemas['KpiTarget']
export type KpiMetric = KpiTarget['metric']

export const PLATFORMS: readonly SocialPlatform[] = ['FACEBOOK', 'INSTAGRAM', 'X']
export const POST_STATUSES: readonly PostStatus[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED']
export const CONTENT_TYPES: readonly ContentType[] = [
  'BOOK_REVIEW',
  'QUOTE',
  'INFOGRAPHIC',
  'SHORT_VIDEO',
  'EVENT_PROMO',
  'CHALLENGE_UPDATE',
  'EDUCATIONAL_TIP',
  'ANNOUNCEMENT',
]
export const CAMPAIGN_THEMES: readonly CampaignTheme[] = [
  'LITERACY',
  'DIGITAL_LITERACY',
  'CYBER_SAFETY',
  'PROMOTION',
  'READING_CLUB',
  'EVENTS',
  'OTHER',
]
export const KPI_METRICS: readonly KpiMetric[] = ['IMPRESSIONS', 'REACH', 'ENGAGEMENTS', 'ENGAGEMENT_RATE', 'CLICKS', 'POSTS']

/** If-Match for a version the page read: the ETag the backend sends ("3"). */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

// --- Calendar -----------------------------------------------------------------------------------------

export async function getCalendar(from: string, to: string): Promise<ContentCalendar> {
  return unwrap(await api.GET('/api/calendar', { params: { query: { from, to } } }))
}

// --- Posts --------------------------------------------------------------------------------------------

export interface PostQuery {
  status?: PostStatus
  platform?: SocialPlatform
  campaignId?: number
  page: number
  size: number
}

export async function listPosts(query: PostQuery): Promise<PostPage> {
  const { campaignId, ...rest } = query
  return unwrap(
    await api.GET('/api/posts', { params: { query: { ...rest, ...(campaignId ? { campaignId: String(campaignId) } : {}) } } }),
  )
}

export async function getPost(id: number): Promise<PostView> {
  return unwrap(await api.GET('/api/posts/{id}', { params: { path: { id } } }))
}

export async function createPost(body: PostRequest): Promise<PostView> {
  return unwrap(await api.POST('/api/posts', { body }))
}

/** A stale `version` is a 409 (stale-version): someone saved first. */
export async function replacePost(id: number, version: number, body: PostRequest): Promise<PostView> {
  return unwrap(await api.PUT('/api/posts/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))
}

export async function postHistory(id: number): Promise<PostTransition[]> {
  return unwrap(await api.GET('/api/posts/{id}/history', { params: { path: { id } } }))
}

export async function submitPost(id: number): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/submit', { params: { path: { id } } }))
}

export async function approvePost(id: number, note: string): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/approve', { params: { path: { id } }, body: { note } }))
}

export async function rejectPost(id: number, note: string): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/reject', { params: { path: { id } }, body: { note } }))
}

export async function schedulePost(id: number): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/schedule', { params: { path: { id } } }))
}

export async function publishPost(id: number, variants: PublishedVariant[]): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/publish', { params: { path: { id } }, body: { variants } }))
}

export type { DraftSource }

/** A DRAFT written from an event, a challenge's leaderboard or a shared reading review. */
export async function draftFrom(source: DraftSource, id: number): Promise<PostView> {
  switch (source) {
    case 'event':
      return unwrap(await api.POST('/api/posts/draft-from-event/{eventId}', { params: { path: { eventId: id } } }))
    case 'challenge':
      return unwrap(await api.POST('/api/posts/draft-from-challenge/{challengeId}', { params: { path: { challengeId: id } } }))
    case 'review':
      return unwrap(await api.POST('/api/posts/draft-from-review/{logId}', { params: { path: { logId: id } } }))
  }
}

// --- Campaigns ----------------------------------------------------------------------------------------

export async function listCampaigns(): Promise<Campaign[]> {
  return unwrap(await api.GET('/api/campaigns'))
}

export async function getCampaign(id: number): Promise<Campaign> {
  return unwrap(await api.GET('/api/campaigns/{id}', { params: { path: { id } } }))
}

export async function createCampaign(body: CampaignRequest): Promise<Campaign> {
  return unwrap(await api.POST('/api/campaigns', { body }))
}

export async function replaceCampaign(id: number, version: number, body: CampaignRequest): Promise<Campaign> {
  return unwrap(await api.PUT('/api/campaigns/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))
}
