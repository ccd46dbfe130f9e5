import { describe, expect, it } from 'vitest'
import {
  dayName,
  describeSeries,
  formatAmount,
  formatRate,
  hasRates,
  hourSlot,
  importErrorRows,
  isInvalidCsv,
  kpiBars,
  localiseImportError,
  matchPreset,
  newestFirst,
  postsWithReach,
  presetPeriod,
  rateSeries,
  validPeriod,
} from '@/features/campaigns/analytics/model'
import type { AnalyticsGroup, PostMetricsRow } from '@/features/campaigns/analytics/api'

const group = (key: string, posts: number, impressions: number, engagements: number, rate: number | null): AnalyticsGroup => ({
  key,
  label: key,
  posts,
  impressions,
  engagements,
  engagementRate: rate,
  averageReach: null,
  reactions: 0,
  comments: 0,
  shares: 0,
  saves: 0,
  clicks: 0,
})

/** A published variant's row as the API sends it: figures not reported are null. */
const row = (variantId: number, publishedAt: string, reach: number | null = null): PostMetricsRow => ({
  postId: variantId, variantId, platform: 'INSTAGRAM', contentType: 'QUOTE', campaignId: null, excerpt: '',
  publishedUrl: `https://example.test/${variantId}`, publishedAt, impressions: null, reach, reactions: null, comments: null,
  shares: null, saves: null, clicks: null, videoViews: null, engagements: 0, engagementRate: null, metricsSource: null,
  metricsCapturedAt: null,
})

describe('formatting rates and amounts', () => {
  it('writes a rate as a percentage with one decimal, per language', () => {
    expect(formatRate(0.045, 'id')).toBe('4,5\u00a0%')
    expect(formatRate(0.045, 'en')).toBe('4.5%')
    expect(formatRate(0.11, 'id')).toBe('11\u00a0%')
    expect(formatRate(100 / 1400, 'id')).toBe('7,1\u00a0%')
    expect(formatRate(0, 'en')).toBe('0%')
  })

  it('writes an unknown rate as a dash, not as 0', () => {
    expect(formatRate(null, 'id')).toBe('–')
    expect(formatRate(undefined, 'en')).toBe('–')
    expect(formatRate(Number.NaN, 'en')).toBe('–')
  })

  it('groups thousands and rounds averages', () => {
    expect(formatAmount(2450, 'id')).toBe('2.450')
    expect(formatAmount(2450, 'en')).toBe('2,450')
    expect(formatAmount(1410.4, 'id')).toBe('1.410')
    expect(formatAmount(12.25, 'id')).toBe('12,3')
    expect(formatAmount(null, 'id')).toBe('–')
  })
})

describe('chart datasets', () => {
  const groups = [group('INSTAGRAM', 2, 3000, 330, 0.11), group('X', 1, 400, 20, 0.05), group('FACEBOOK', 1, 0, 0, null)]

  it('keeps one label and one rate per group, in order, with a gap for a group without impressions', () => {
    const series = rateSeries(groups, (g) => `L-${g.key}`)
    expect(series.labels).toEqual(['L-INSTAGRAM', 'L-X', 'L-FACEBOOK'])
    expect(series.rates).toEqual([0.11, 0.05, null])
    expect(series.rows[0]).toEqual({ label: 'L-INSTAGRAM', posts: 2, impressions: 3000, engagements: 330, rate: 0.11 })
    expect(hasRates(series)).toBe(true)
  })

  it('knows when there is nothing to draw', () => {
    expect(hasRates(rateSeries([group('X', 1, 0, 0, null)], (g) => g.key ?? ''))).toBe(false)
    expect(hasRates(rateSeries(undefined, (g) => g.key ?? ''))).toBe(false)
  })

  it('describes a chart in one sentence for its aria-label', () => {
    const series = rateSeries(groups.slice(0, 2), (g) => g.key ?? '')
    expect(describeSeries('Per platform', series, 'id')).toBe('Per platform. INSTAGRAM: 11\u00a0%; X: 5\u00a0%.')
  })
})

describe('KPI progress', () => {
  it('floors the percentage, caps the bar, and never shows an unreached target as 100 %', () => {
    const bars = kpiBars(
      [
        { campaignId: 1, campaignTitle: 'Hoaks', metric: 'IMPRESSIONS', target: 20000, actual: 2450, progress: 0.1225, achieved: false },
        { campaignId: 1, campaignTitle: 'Hoaks', metric: 'ENGAGEMENT_RATE', target: 0.05, actual: 0.1135, progress: 2.27, achieved: true },
        { campaignId: 1, campaignTitle: 'Hoaks', metric: 'POSTS', target: 12, actual: 11.99, progress: 0.9995, achieved: false },
      ],
      'id',
    )
    expect(bars.map((b) => b.percent)).toEqual([12, 227, 99])
    expect(bars.map((b) => b.fill)).toEqual([12, 100, 99])
    expect(bars[0]).toMatchObject({ actualText: '2.450', targetText: '20.000', achieved: false })
    expect(bars[1]).toMatchObject({ actualText: '11,4\u00a0%', targetText: '5\u00a0%', achieved: true })
  })

  it('has no bars without KPIs', () => {
    expect(kpiBars(undefined, 'id')).toEqual([])
  })
})

describe('best time and posts', () => {
  it('names days and hour slots in the UI language', () => {
    expect(dayName('SATURDAY', 'id')).toBe('Sabtu')
    expect(dayName('MONDAY', 'en')).toBe('Monday')
    expect(hourSlot(19, 'id')).toBe('19.00–20.00')
    expect(hourSlot('23', 'en')).toBe('23:00–00:00')
    expect(hourSlot(24, 'en')).toBe('')
  })

  it('lists posts newest first and counts only those that reported reach', () => {
    const posts: PostMetricsRow[] = [
      row(1, '2032-02-03T11:00:00Z', 800),
      row(2, '2032-02-07T11:00:00Z'),
      row(3, '2032-02-05T11:00:00Z', 0),
    ]
    expect(newestFirst(posts).map((p) => p.variantId)).toEqual([2, 3, 1])
    expect(postsWithReach(posts)).toBe(2)
  })
})

describe('period', () => {
  it('turns presets into dates and back', () => {
    expect(presetPeriod('last7', '2026-11-23')).toEqual({ from: '2026-11-17', to: '2026-11-23' })
    expect(presetPeriod('last30', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' })
    expect(presetPeriod('thisMonth', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' })
    expect(presetPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(presetPeriod('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(matchPreset('2026-11-17', '2026-11-23', '2026-11-23')).toBe('last7')
    expect(matchPreset('2026-11-02', '2026-11-23', '2026-11-23')).toBe('custom')
  })

  it('accepts only ordered dates at most a year apart', () => {
    expect(validPeriod('2026-01-01', '2026-12-31')).toBe(true)
    expect(validPeriod('2026-11-23', '2026-11-23')).toBe(true)
    expect(validPeriod('2026-11-24', '2026-11-23')).toBe(false)
    expect(validPeriod('2025-01-01', '2026-01-02')).toBe(false)
    expect(validPeriod('', '2026-01-02')).toBe(false)
  })
})

describe('import errors', () => {
  const problem = {
    type: 'https://serambi.id/problems/invalid-csv',
    status: 422,
    errors: [
      { field: 'line 4', message: 'no published post has the URL https://x.com/perpus/status/1' },
      { field: 'line 3', message: 'Impressions must not be negative (-5)' },
      { field: 'line 1', message: 'unknown column "Mood"' },
    ],
  }

  it('turns the problem into rows by line', () => {
    expect(isInvalidCsv(problem)).toBe(true)
    expect(isInvalidCsv({ ...problem, status: 400 })).toBe(false)
    expect(importErrorRows(problem)).toEqual([
      { line: 1, message: 'unknown column "Mood"' },
      { line: 3, message: 'Impressions must not be negative (-5)' },
      { line: 4, message: 'no published post has the URL https://x.com/perpus/status/1' },
    ])
    expect(importErrorRows({ errors: [{ field: 'file', message: 'attach it' }] })).toEqual([{ line: null, message: 'attach it' }])
    expect(importErrorRows(null)).toEqual([])
  })

  it("says the server's reasons again in the UI language, keeping the values", () => {
    const t = (key: string, named?: Record<string, unknown>) => `${key}${named ? JSON.stringify(named) : ''}`
    expect(localiseImportError('Impressions must not be negative (-5)', t)).toBe(
      'campaigns.analytics.import.reason.negative{"column":"Impressions","value":"-5"}',
    )
    expect(localiseImportError('the same post as line 2', t)).toBe('campaigns.analytics.import.reason.duplicate{"line":"2"}')
    expect(localiseImportError('variant 31 (Instagram) is not published yet', t)).toBe(
      'campaigns.analytics.import.reason.notPublished{"id":"31","platform":"Instagram"}',
    )
    expect(localiseImportError('something new', t)).toBe('something new')
  })
})
