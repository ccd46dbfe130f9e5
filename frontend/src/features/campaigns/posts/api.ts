/** Posts: writing, review (submit, approve, reject), scheduling and publishing, and drafts written by the backend. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'
import type { SocialPlatform } from '../api'
import type { DraftSource } from '@/lib/post-drafting'
import { contentTypeValues, postStatusValues } from '@/api/schema'

export type { DraftSource }

type Schemas = components['schemas']

export type PostView = Schemas['Post']

export type PostVariant = Schemas['PostVariant']

export type PostPage = Schemas['PostPage']

export type PostRequest = Schemas['PostRequest']

export type VariantRequest = Schemas['VariantRequest']

/** `from` narrowed back to the statuses (the generated type widens a nullable enum to string). */
export type PostTransition = Omit<Schemas['PostTransition'], 'from'> & { from: Schemas['PostStatus'] | null }

export type PostStatus = Schemas['PostStatus']

export type ContentType = Schemas['ContentType']

export type PublishedVariant = Schemas['PublishedVariant']

export type Delivery = Schemas['Delivery']

export const POST_STATUSES: readonly PostStatus[] = postStatusValues

export const CONTENT_TYPES: readonly ContentType[] = contentTypeValues


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
    await api.GET('/api/posts', { params: { query: { ...rest, ...(campaignId ? { campaignId } : {}) } } }),
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
  return unwrap(await api.GET('/api/posts/{id}/history', { params: { path: { id } } })) as PostTransition[]
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

/** Sends a variant that failed, was missed, was cut off or waits to be posted by hand to its platform now. */
export async function retryVariant(id: number, platform: SocialPlatform): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/variants/{platform}/retry', { params: { path: { id, platform } } }))
}

/** Records that such a variant is out, at its URL. */
export async function markVariantPublished(id: number, platform: SocialPlatform, url: string): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/variants/{platform}/published', { params: { path: { id, platform } }, body: { url } }))
}

export async function publishPost(id: number, variants: PublishedVariant[]): Promise<PostView> {
  return unwrap(await api.POST('/api/posts/{id}/publish', { params: { path: { id } }, body: { variants } }))
}


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

export type PostMediaCheck = Schemas['PostMediaCheck']

/** The platforms' media rules checked against files not yet saved on the post (the same check as on submit). */
export async function checkPostMedia(mediaIds: number[], platforms: SocialPlatform[]): Promise<PostMediaCheck[]> {
  return unwrap(await api.POST('/api/posts/media-check', { body: { mediaIds, platforms } }))
}

/**
 * The platforms Serambi can publish to now (their account is connected): the rest are posted by hand, with a reminder
 * at their time. Staff only (a reviewer gets 403).
 */
export async function connectedPlatforms(): Promise<Set<SocialPlatform>> {
  const list = unwrap(await api.GET('/api/social/connections'))
  return new Set(list.connections.filter((c) => c.state === 'CONNECTED').map((c) => c.platform))
}
