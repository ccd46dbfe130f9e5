import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { uploadWithProgress } from '@/lib/upload-with-progress'

type Schemas = components['schemas']

export type Analytics = Schemas['Analytics']
export type AnalyticsGroup = Schemas['AnalyticsGroup']
export type PostMetricsRow = Schemas['PostMetricsRow']
export type KpiProgress = Schemas['KpiProgress']
export type KpiMetric = Schemas['KpiMetric']
export type ContentType = Schemas['ContentType']
export type SocialPlatform = Schemas['SocialPlatform']
export type MetricsImportResult = Schemas['MetricsImportResult']
export type MetricsPullResult = Schemas['MetricsPullResult']
export type CampaignOption = Pick<Schemas['Campaign'], 'id' | 'title' | 'startsOn' | 'endsOn'>

export interface AnalyticsQuery {
  from: string
  to: string
  campaignId?: number | null
}

function query(q: AnalyticsQuery) {
  return { from: q.from, to: q.to, ...(q.campaignId != null ? { campaignId: q.campaignId } : {}) }
}

export async function getAnalytics(q: AnalyticsQuery): Promise<Analytics> {
  // The operation answers JSON or CSV, so openapi-fetch cannot narrow the body's type: JSON is the default.
  return unwrap(await api.GET('/api/analytics', { params: { query: query(q) } })) as Analytics
}

/** One row per published variant, as a CSV file (the same client, so the bearer token and language go along). */
export async function downloadAnalyticsCsv(q: AnalyticsQuery): Promise<Blob> {
  return unwrap(
    await api.GET('/api/analytics', { params: { query: query(q) }, headers: { Accept: 'text/csv' }, parseAs: 'blob' }),
  ) as unknown as Blob // parseAs: 'blob' reads the text/csv body as a Blob, which the generated types cannot know
}

/** The same rows as an Excel file for people: Indonesian headers and words, WITA date cells. */
export async function downloadAnalyticsXlsx(q: AnalyticsQuery): Promise<Blob> {
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  return unwrap(await api.GET('/api/analytics', { params: { query: query(q) }, headers: { Accept: xlsx }, parseAs: 'blob' })) as unknown as Blob
}

/** "Tarik sekarang": reads the recent posts' figures from the connected platforms at once (staff). */
export async function pullMetrics(): Promise<MetricsPullResult> {
  return unwrap(await api.POST('/api/campaigns/metrics/pull'))
}

export async function listCampaigns(): Promise<CampaignOption[]> {
  return unwrap(await api.GET('/api/campaigns'))
}

/**
 * Uploads a metrics CSV (form field "file") with its progress. Resolves with what was imported; rejects with an
 * ApiError (a 422 "invalid-csv" lists every bad line) or, when the server cannot be reached, a TypeError.
 */
export function uploadMetricsCsv(
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
  fileName = 'metrik.csv',
): Promise<MetricsImportResult> {
  return uploadWithProgress<MetricsImportResult>('/api/metrics/import', file, fileName, onProgress)
}

// Issue 22: the funnel (impressions -> clicks -> registrations -> confirmed -> attended) of a campaign, an event or a
// partner, with its exports.

export type Funnel = Schemas['Funnel']
export type FunnelFigures = Schemas['FunnelFigures']

/** Whose funnel: a campaign's (dashboard), an event's (staff event page) or a partner's (partner page). */
export interface FunnelSource {
  kind: 'campaign' | 'event' | 'partner'
  id: number
}

/** Optional WITA dates; the whole life of the links without them. */
export interface FunnelPeriod {
  from?: string | null
  to?: string | null
}

function periodQuery(p: FunnelPeriod) {
  return { ...(p.from ? { from: p.from } : {}), ...(p.to ? { to: p.to } : {}) }
}

export async function getFunnel(source: FunnelSource, period: FunnelPeriod = {}): Promise<Funnel> {
  const params = { path: { id: source.id }, query: periodQuery(period) }
  if (source.kind === 'campaign') return unwrap(await api.GET('/api/funnel/campaigns/{id}', { params }))
  if (source.kind === 'event') return unwrap(await api.GET('/api/funnel/events/{id}', { params }))
  return unwrap(await api.GET('/api/partners/{id}/funnel', { params }))
}

/** The funnel as a CSV file or an Excel file for people (formula-safe on the server). */
export async function downloadFunnel(source: FunnelSource, period: FunnelPeriod, format: 'csv' | 'xlsx'): Promise<Blob> {
  const options = { params: { path: { id: source.id }, query: periodQuery(period) }, parseAs: 'blob' as const }
  if (source.kind === 'campaign') {
    return unwrap(
      format === 'csv'
        ? await api.GET('/api/funnel/campaigns/{id}/funnel.csv', options)
        : await api.GET('/api/funnel/campaigns/{id}/funnel.xlsx', options),
    ) as unknown as Blob
  }
  if (source.kind === 'event') {
    return unwrap(
      format === 'csv'
        ? await api.GET('/api/funnel/events/{id}/funnel.csv', options)
        : await api.GET('/api/funnel/events/{id}/funnel.xlsx', options),
    ) as unknown as Blob
  }
  return unwrap(
    format === 'csv'
      ? await api.GET('/api/partners/{id}/funnel.csv', options)
      : await api.GET('/api/partners/{id}/funnel.xlsx', options),
  ) as unknown as Blob
}
