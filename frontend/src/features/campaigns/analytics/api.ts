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
