import type { components } from '@/api/schema'
import { ApiError, api, authHeaders, reportUnauthorized, unwrap, type Problem } from '@/lib/api-client'

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
  return { from: q.from, to: q.to, ...(q.campaignId != null ? { campaignId: String(q.campaignId) } : {}) }
}

export async function getAnalytics(q: AnalyticsQuery): Promise<Analytics> {
  // The operation answers JSON or CSV, so openapi-fetch cannot narrow the body's type: JSON is the default.
  return unwrap(await api.GET('/api/analytics', { params: { query: query(q) } })) as Analytics
}

/** One row per published variant, as a CSV file (the same client, so the bearer token and language go along). */
export async function downloadAnalyticsCsv(q: AnalyticsQuery): Promise<Blob> {
  return unwrap(
    await api.GET('/api/analytics', { params: { query: query(q) }, headers: { Accept: 'text/csv' }, parseAs: 'blob' }),
  ) as Blob
}

/** "Tarik sekarang": reads the recent posts' figures from the connected platforms at once (staff). */
export async function pullMetrics(): Promise<MetricsPullResult> {
  return unwrap(await api.POST('/api/campaigns/metrics/pull'))
}

export async function listCampaigns(): Promise<CampaignOption[]> {
  return unwrap(await api.GET('/api/campaigns'))
}

/**
 * Uploads a metrics CSV (form field "file") with XMLHttpRequest, whose upload events report progress, which fetch()
 * cannot. Resolves with what was imported; rejects with an ApiError (a 422 "invalid-csv" lists every bad line) or,
 * when the server cannot be reached, a TypeError, as fetch() would.
 */
export function uploadMetricsCsv(
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
  fileName = 'metrik.csv',
): Promise<MetricsImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/metrics/import')
    const headers = authHeaders()
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total)
    })
    xhr.addEventListener('load', () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as MetricsImportResult)
        return
      }
      if (xhr.status === 401 && headers.Authorization) reportUnauthorized()
      const retry = Number(xhr.getResponseHeader('Retry-After'))
      const problem = body && typeof body === 'object' ? (body as Problem) : null
      reject(new ApiError(xhr.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null))
    })
    xhr.addEventListener('error', () => reject(new TypeError('The server could not be reached')))
    xhr.addEventListener('abort', () => reject(new TypeError('The upload was cancelled')))
    const form = new FormData()
    form.append('file', file, fileName)
    xhr.send(form)
  })
}
