import { describe, expect, it } from 'vitest'
import { createI18n } from 'petite-vue-i18n'
import id from '@/locales/id.json'
import en from '@/locales/en.json'
import { compileMessage } from '@/app/i18n'
import { provenance, shortDateTime, sourceSummary } from '@/features/campaigns/analytics/model'
import type { PostMetricsRow } from '@/features/campaigns/analytics/api'

const ZONE = 'Asia/Makassar'
const NOW = new Date('2026-12-03T00:00:00Z')

function translator(locale: 'id' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { id, en }, messageCompiler: compileMessage })
  return (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
}

const row = (over: Partial<PostMetricsRow>): PostMetricsRow =>
  ({ postId: 1, variantId: 1, platform: 'FACEBOOK', engagements: 0, ...over }) as PostMetricsRow

describe('provenance of a variant’s figures', () => {
  it('names the platform’s API and the WITA time of the capture', () => {
    const r = row({ platform: 'FACEBOOK', metricsSource: 'API', metricsCapturedAt: '2026-12-02T06:00:00Z' })
    expect(provenance(r, 'id', ZONE, translator('id'), NOW)).toBe('Sumber: API Facebook, 2 Des 14.00')
    expect(provenance(r, 'en', ZONE, translator('en'), NOW)).toBe('Source: Facebook API, 2 Dec 14:00')
  })

  it('says a CSV import, with its time', () => {
    const r = row({ platform: 'X', metricsSource: 'CSV', metricsCapturedAt: '2026-11-30T23:30:00Z' })
    expect(provenance(r, 'id', ZONE, translator('id'), NOW)).toBe('Sumber: impor CSV, 1 Des 07.30')
    expect(provenance(r, 'en', ZONE, translator('en'), NOW)).toBe('Source: CSV import, 1 Dec 07:30')
  })

  it('never calls figures typed in by staff an API’s', () => {
    const r = row({ platform: 'INSTAGRAM', metricsSource: 'MANUAL', metricsCapturedAt: '2026-12-02T06:00:00Z' })
    expect(provenance(r, 'id', ZONE, translator('id'), NOW)).toBe('Sumber: isian manual staf, 2 Des 14.00')
    expect(provenance(r, 'en', ZONE, translator('en'), NOW)).toBe('Source: entered by staff, 2 Dec 14:00')
  })

  it('without figures, says so', () => {
    expect(provenance(row({}), 'id', ZONE, translator('id'), NOW)).toBe('Belum ada angka')
    expect(provenance(row({}), 'en', ZONE, translator('en'), NOW)).toBe('No figures yet')
  })

  it('without a capture time, gives the source alone', () => {
    const r = row({ platform: 'INSTAGRAM', metricsSource: 'API' })
    expect(provenance(r, 'id', ZONE, translator('id'), NOW)).toBe('Sumber: API Instagram')
  })

  it('adds the year when the capture is from another year', () => {
    expect(shortDateTime('2025-12-31T15:59:00Z', 'id', ZONE, NOW)).toBe('31 Des 2025 23.59')
    expect(shortDateTime('not a date', 'id', ZONE, NOW)).toBe('')
  })

  it('sums up the sources, API first, with the latest capture of each', () => {
    const posts = [
      row({ variantId: 1, metricsSource: 'CSV', metricsCapturedAt: '2026-12-01T01:00:00Z' }),
      row({ variantId: 2, metricsSource: 'API', metricsCapturedAt: '2026-12-02T01:00:00Z' }),
      row({ variantId: 3, metricsSource: 'API', metricsCapturedAt: '2026-12-02T05:00:00Z' }),
      row({ variantId: 4 }),
      row({ variantId: 5, metricsSource: 'MANUAL', metricsCapturedAt: '2026-12-02T07:00:00Z' }),
    ]
    expect(sourceSummary(posts)).toEqual([
      { source: 'API', posts: 2, latest: '2026-12-02T05:00:00Z' },
      { source: 'CSV', posts: 1, latest: '2026-12-01T01:00:00Z' },
      { source: 'MANUAL', posts: 1, latest: '2026-12-02T07:00:00Z' },
    ])
    expect(sourceSummary(undefined)).toEqual([])
  })
})
