import type { Problem } from '@/lib/api-client'
import type { AnalyticsGroup, KpiMetric, KpiProgress, PostMetricsRow } from './api'

/** What the dashboard needs of vue-i18n's t(). */
export type Translate = (key: string, named?: Record<string, unknown>) => string

function intlLocale(locale: string): string {
  return locale === 'id' ? 'id-ID' : locale === 'en' ? 'en-GB' : locale
}

/**
 * An engagement rate (a fraction) as a percentage with at most one decimal: "4,5 %" in Indonesian (a space before
 * the sign, as Indonesian style writes it; non-breaking), "4.5%" in English. An unknown rate (no impressions) is "–".
 */
export function formatRate(rate: number | null | undefined, locale: string): string {
  if (rate == null || !Number.isFinite(rate)) return '–'
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(rate * 100)
  return locale === 'id' ? `${number}\u00a0%` : `${number}%`
}

/** A count or an average: whole numbers grouped ("1.410"), one decimal at most; "–" when unknown. */
export function formatAmount(value: number | null | undefined, locale: string): string {
  if (value == null || !Number.isFinite(value)) return '–'
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: value >= 100 ? 0 : 1 }).format(value)
}

/** A KPI's actual or target value, in the metric's own unit (a rate for ENGAGEMENT_RATE, a number otherwise). */
export function formatKpiValue(metric: KpiMetric | undefined, value: number | null | undefined, locale: string): string {
  return metric === 'ENGAGEMENT_RATE' ? formatRate(value, locale) : formatAmount(value, locale)
}

export interface KpiBar {
  campaignId: number
  campaignTitle: string
  metric: KpiMetric
  /** Whole percentage of the target reached, may exceed 100. */
  percent: number
  /** The bar's fill, 0 to 100. */
  fill: number
  achieved: boolean
  actualText: string
  targetText: string
}

/** KPI progress as the dashboard draws it: a whole percentage (floor, so 99.6 % is not shown as reached) and a capped bar. */
export function kpiBars(kpis: readonly KpiProgress[] | undefined, locale: string): KpiBar[] {
  return (kpis ?? []).map((k) => {
    const progress = Number.isFinite(k.progress) ? Math.max(0, k.progress ?? 0) : 0
    const percent = k.achieved ? Math.max(100, Math.floor(progress * 100)) : Math.min(99, Math.floor(progress * 100))
    return {
      campaignId: k.campaignId ?? 0,
      campaignTitle: k.campaignTitle ?? '',
      metric: k.metric ?? 'POSTS',
      percent,
      fill: Math.min(100, percent),
      achieved: Boolean(k.achieved),
      actualText: formatKpiValue(k.metric, k.actual, locale),
      targetText: formatKpiValue(k.metric, k.target, locale),
    }
  })
}

/** A chart's data: one label and one value per bar or point, and the same as rows for its text alternative. */
export interface RateSeries {
  labels: string[]
  /** Engagement rates as fractions; null where a group had no impressions (Chart.js leaves a gap). */
  rates: Array<number | null>
  rows: Array<{ label: string; posts: number; impressions: number; engagements: number; rate: number | null }>
}

export function rateSeries(groups: readonly AnalyticsGroup[] | undefined, label: (g: AnalyticsGroup) => string): RateSeries {
  const list = groups ?? []
  const rows = list.map((g) => ({
    label: label(g),
    posts: g.posts ?? 0,
    impressions: g.impressions ?? 0,
    engagements: g.engagements ?? 0,
    rate: g.engagementRate ?? null,
  }))
  return { labels: rows.map((r) => r.label), rates: rows.map((r) => r.rate), rows }
}

/** Whether any group has a rate to draw (some impressions were reported). */
export function hasRates(series: RateSeries): boolean {
  return series.rates.some((r) => r != null)
}

/** "Instagram: 6,7 %; Facebook: 11,6 %": a chart's values in one sentence, for its aria-label. */
export function describeSeries(title: string, series: RateSeries, locale: string): string {
  const values = series.rows.map((r) => `${r.label}: ${formatRate(r.rate, locale)}`).join('; ')
  return values ? `${title}. ${values}.` : title
}

/** A calendar date (YYYY-MM-DD) as "2 Feb" for a chart's axis. */
export function shortDate(value: string | undefined, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '')
  if (!match) return value ?? ''
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date)
}

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']

/** "SATURDAY" as the UI language names it ("Sabtu", "Saturday"). */
export function dayName(day: string | undefined, locale: string): string {
  const index = DAYS.indexOf(day ?? '')
  if (index < 0) return day ?? ''
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + index, 12))
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(date)
}

/** An hour of the day as a one-hour slot: 19 -> "19.00–20.00" (id) or "19:00–20:00" (en). */
export function hourSlot(hour: number | string | undefined, locale: string): string {
  const h = Number(hour)
  if (!Number.isInteger(h) || h < 0 || h > 23) return ''
  const format = (n: number) =>
    new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1, n % 24)),
    )
  return `${format(h)}–${format((h + 1) % 24)}`
}

const PLATFORMS: Record<string, string> = { FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', X: 'X' }

/** A platform's own name (the same in every language). */
export function platformLabel(platform: string | undefined): string {
  return PLATFORMS[platform ?? ''] ?? platform ?? ''
}

/** Posts newest first (the API lists them oldest first), for the table of reach per post. */
export function newestFirst(posts: readonly PostMetricsRow[] | undefined): PostMetricsRow[] {
  return [...(posts ?? [])].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (b.variantId ?? 0) - (a.variantId ?? 0))
}

/** How many posts reported reach: the average reach is over these, never a sum over all. */
export function postsWithReach(posts: readonly PostMetricsRow[] | undefined): number {
  return (posts ?? []).filter((p) => p.reach != null).length
}

// --- Period ----------------------------------------------------------------------------------------------------

export type PeriodPreset = 'last7' | 'last30' | 'last90' | 'thisMonth' | 'lastMonth' | 'custom'
export const PERIOD_PRESETS: PeriodPreset[] = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom']

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return isoDate(date)
}

/** The first and last day of a preset period, given today (YYYY-MM-DD in the library's zone). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): { from: string; to: string } {
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today }
    case 'last30':
      return { from: addDays(today, -29), to: today }
    case 'last90':
      return { from: addDays(today, -89), to: today }
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today }
    case 'lastMonth': {
      const firstOfThis = `${today.slice(0, 8)}01`
      const last = addDays(firstOfThis, -1)
      return { from: `${last.slice(0, 8)}01`, to: last }
    }
  }
}

/** The preset a period matches, else "custom". */
export function matchPreset(from: string, to: string, today: string): PeriodPreset {
  for (const preset of PERIOD_PRESETS) {
    if (preset === 'custom') continue
    const p = presetPeriod(preset, today)
    if (p.from === from && p.to === to) return preset
  }
  return 'custom'
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether from/to make a period the API accepts: two dates, in order, at most 366 days. */
export function validPeriod(from: string, to: string): boolean {
  if (!DATE.test(from) || !DATE.test(to)) return false
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
  return Number.isFinite(days) && days >= 0 && days <= 365
}

// --- Import errors ---------------------------------------------------------------------------------------------

export interface ImportErrorRow {
  /** The line of the file (the header is line 1); null when the problem is not about one line. */
  line: number | null
  message: string
}

/** The per-line errors of a 422 "invalid-csv" problem (`field` is "line 3"), in line order. */
export function importErrorRows(problem: Problem | null | undefined): ImportErrorRow[] {
  return (problem?.errors ?? [])
    .filter((e) => e.message)
    .map((e) => {
      const match = /^line (\d+)$/.exec(e.field ?? '')
      return { line: match ? Number(match[1]) : null, message: e.message ?? '' }
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

/** Whether an error is the import's "nothing was imported, here is why" answer. */
export function isInvalidCsv(problem: Problem | null | undefined): boolean {
  return problem?.status === 422 && (problem.type ?? '').endsWith('/invalid-csv')
}

/**
 * The server writes its per-line reasons in English. The ones it can give are known (MetricsImport.java), so each is
 * said again in the UI language; anything else is shown as the server wrote it.
 */
const IMPORT_MESSAGES: Array<[RegExp, string, string[]]> = [
  [/^the file is empty/, 'empty', []],
  [/^the header cannot be read/, 'badHeader', []],
  [/^unknown column "(.*)"$/, 'unknownColumn', ['column']],
  [/^no column says which post/, 'noPostColumn', []],
  [/^no metric column/, 'noMetricColumn', []],
  [/^has (\d+) fields; the header has (\d+)$/, 'fieldCount', ['count', 'expected']],
  [/^(.+) is not a variant id \((.*)\)$/, 'notVariantId', ['column', 'value']],
  [/^needs a variantId or a published URL$/, 'noPost', []],
  [/^(.+) must not be negative \((.*)\)$/, 'negative', ['column', 'value']],
  [/^(.+) is not a whole number \((.*)\)$/, 'notNumber', ['column', 'value']],
  [/^(.+) is too large \((.*)\)$/, 'tooLarge', ['column', 'value']],
  [/^malformed CSV from here on/, 'malformed', []],
  [/^the file has a header but no rows$/, 'noRows', []],
  [/^no variant with id (\d+)$/, 'unknownVariant', ['id']],
  [/^no published post has the URL (.*)$/, 'unknownUrl', ['url']],
  [/^variant (\d+) \((.*)\) is not published yet$/, 'notPublished', ['id', 'platform']],
  [/^the same post as line (\d+)$/, 'duplicate', ['line']],
]

export function localiseImportError(message: string, t: Translate): string {
  for (const [pattern, key, names] of IMPORT_MESSAGES) {
    const match = pattern.exec(message)
    if (!match) continue
    const named: Record<string, string> = {}
    names.forEach((name, i) => (named[name] = match[i + 1] ?? ''))
    return t(`campaigns.analytics.import.reason.${key}`, named)
  }
  return message
}

// --- Provenance: where each figure came from, and when -------------------------------------------------------

/** An instant as "2 Des 14.00" (id) or "2 Dec 14:00" (en) in the library's zone; the year only when not this year's. */
export function shortDateTime(value: string | undefined | null, locale: string, timeZone: string, now = new Date()): string {
  const date = value ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) return ''
  const l = intlLocale(locale)
  const year = (d: Date) => new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(d)
  const day = new Intl.DateTimeFormat(l, {
    day: 'numeric',
    month: 'short',
    ...(year(date) === year(now) ? {} : { year: 'numeric' }),
    timeZone,
  }).format(date)
  const time = new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date)
  return `${day} ${time}`
}

/**
 * Where a variant's figures came from: "Sumber: API Facebook, 2 Des 14.00" when read from the platform, "Sumber: impor
 * CSV, 2 Des 14.00" when imported; "Belum ada angka" without figures.
 */
export function provenance(
  row: Pick<PostMetricsRow, 'platform' | 'metricsSource' | 'metricsCapturedAt'>,
  locale: string,
  timeZone: string,
  t: Translate,
  now = new Date(),
): string {
  if (!row.metricsSource) return t('campaigns.analytics.provenance.none')
  const at = shortDateTime(row.metricsCapturedAt, locale, timeZone, now)
  const source =
    row.metricsSource === 'API'
      ? t('campaigns.analytics.provenance.api', { platform: platformLabel(row.platform) })
      : row.metricsSource === 'CSV'
        ? t('campaigns.analytics.provenance.csv')
        : row.metricsSource === 'MANUAL'
          ? t('campaigns.analytics.provenance.manual')
          : row.metricsSource
  return at ? t('campaigns.analytics.provenance.sourceAt', { source, at }) : t('campaigns.analytics.provenance.source', { source })
}

export interface SourceSummary {
  source: string
  posts: number
  /** The latest capture among them (ISO instant). */
  latest: string | null
}

/** How many posts' figures came from each source (API first, then CSV, then typed in), with the latest capture of each. */
export function sourceSummary(posts: readonly PostMetricsRow[] | undefined): SourceSummary[] {
  const bySource = new Map<string, SourceSummary>()
  for (const p of posts ?? []) {
    if (!p.metricsSource) continue
    const s = bySource.get(p.metricsSource) ?? { source: p.metricsSource, posts: 0, latest: null }
    s.posts += 1
    if (p.metricsCapturedAt && (!s.latest || Date.parse(p.metricsCapturedAt) > Date.parse(s.latest))) s.latest = p.metricsCapturedAt
    bySource.set(p.metricsSource, s)
  }
  const known = ['API', 'CSV', 'MANUAL']
  const order = (s: string) => (known.includes(s) ? known.indexOf(s) : known.length)
  return [...bySource.values()].sort((a, b) => order(a.source) - order(b.source) || a.source.localeCompare(b.source))
}
