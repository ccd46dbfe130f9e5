/** Campaigns: what groups posts, with their theme and KPI targets; and the platforms every part of the feature shares. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'

type Schemas = components['schemas']

export type SocialPlatform = Schemas['SocialPlatform']

export type Campaign = Schemas['Campaign']

export type CampaignRequest = Schemas['CampaignRequest']

export type CampaignTheme = Schemas['CampaignTheme']

export type KpiTarget = Schemas['KpiTarget']

export type KpiMetric = KpiTarget['metric']

export const PLATFORMS: readonly SocialPlatform[] = ['FACEBOOK', 'INSTAGRAM', 'X']

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
