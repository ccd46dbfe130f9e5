/** Campaigns: what groups posts, with their theme and KPI targets; and the platforms every part of the feature shares. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'
import { campaignThemeValues, kpiMetricValues, socialPlatformValues } from '@/api/schema'

type Schemas = components['schemas']

export type SocialPlatform = Schemas['SocialPlatform']

export type Campaign = Schemas['Campaign']

export type CampaignRequest = Schemas['CampaignRequest']

export type CampaignTheme = Schemas['CampaignTheme']

export type KpiTarget = Schemas['KpiTarget']

export type KpiMetric = KpiTarget['metric']

export const PLATFORMS: readonly SocialPlatform[] = socialPlatformValues

export const CAMPAIGN_THEMES: readonly CampaignTheme[] = campaignThemeValues

export const KPI_METRICS: readonly KpiMetric[] = kpiMetricValues



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
