/**
 * The funnel's figures as the panel shows them (issue 22): five stages with the rate from each to the next, and the
 * breakdowns. A rate the API leaves null (its base is under 10) is never turned into a percentage: it reads "—".
 */
import type { Translate } from '@/lib/api-client'
import type { Funnel, FunnelFigures } from './api'
import { formatAmount, formatRate, platformLabel, shortDate } from './model'

export const FUNNEL_STAGES = ['impressions', 'clicks', 'registrations', 'confirmed', 'attended'] as const
export type FunnelStage = (typeof FUNNEL_STAGES)[number]

type RateName = 'clickThrough' | 'registration' | 'confirmation' | 'attendance'

/** Each stage's rate: its count over the previous stage's (none for the first). */
const RATE_OF: Record<FunnelStage, RateName | null> = {
  impressions: null,
  clicks: 'clickThrough',
  registrations: 'registration',
  confirmed: 'confirmation',
  attended: 'attendance',
}

/** What a rate on fewer than 10 reads (never a percentage). */
export const NO_RATE = '—'

export interface StageRow {
  stage: FunnelStage
  value: number
  /** Whether the stage has a rate at all (the first has none). */
  hasRate: boolean
  /** The rate from the previous stage, or null when its base is under 10. */
  rate: number | null
}

/**
 * The stages with their figures and rates. Impressions are left out where they do not apply (a partner's funnel:
 * the API gives null), and clicks then have no rate either.
 */
export function funnelStages(funnel: Funnel | null | undefined): StageRow[] {
  const totals = (funnel?.totals ?? {}) as Partial<Record<FunnelStage, number | null>>
  const rates = (funnel?.rates ?? {}) as Partial<Record<RateName, number | null>>
  const withImpressions = totals.impressions != null
  return FUNNEL_STAGES.filter((stage) => withImpressions || stage !== 'impressions').map((stage) => {
    const rateName = stage === 'clicks' && !withImpressions ? null : RATE_OF[stage]
    return {
      stage,
      value: Number(totals[stage] ?? 0),
      hasRate: rateName !== null,
      rate: rateName ? (rates[rateName] ?? null) : null,
    }
  })
}

export function formatFunnelRate(rate: number | null | undefined, locale: string): string {
  return rate == null || !Number.isFinite(rate) ? NO_RATE : formatRate(rate, locale)
}

/** Whether some stage's rate is hidden because its base is under 10 (the panel then says so). */
export function hasSmallBase(stages: readonly StageRow[]): boolean {
  return stages.some((s) => s.hasRate && s.rate === null)
}

/** The chart's accessible name: every stage's figure, and its rate where there is one. */
export function describeFunnel(title: string, stages: readonly StageRow[], t: Translate, locale: string): string {
  const parts = stages.map((s) => {
    const label = t(`campaigns.funnel.stage.${s.stage}`)
    const value = formatAmount(s.value, locale)
    if (!s.hasRate) return `${label} ${value}`
    const rate = s.rate === null ? t('campaigns.funnel.under10') : formatFunnelRate(s.rate, locale)
    return `${label} ${value} (${rate})`
  })
  return `${title}: ${parts.join('; ')}`
}

export type BreakdownKind = 'platform' | 'variant' | 'partner' | 'day'
export const BREAKDOWNS: readonly BreakdownKind[] = ['platform', 'variant', 'partner', 'day']

export interface BreakdownLine {
  key: string
  label: string
  /** Null where impressions do not apply (partners, days). */
  impressions: number | null
  clicks: number
  registrations: number
  confirmed: number
  attended: number
}

function line(key: string, label: string, figures: FunnelFigures | undefined, withImpressions: boolean): BreakdownLine {
  return {
    key,
    label,
    impressions: withImpressions ? (figures?.impressions ?? null) : null,
    clicks: figures?.clicks ?? 0,
    registrations: figures?.registrations ?? 0,
    confirmed: figures?.confirmed ?? 0,
    attended: figures?.attended ?? 0,
  }
}

/** One breakdown's rows as the table shows them; empty when the API has none for this funnel. */
export function breakdown(funnel: Funnel | null | undefined, kind: BreakdownKind, locale: string): BreakdownLine[] {
  if (!funnel) return []
  switch (kind) {
    case 'platform':
      return (funnel.byPlatform ?? []).map((r) => line(String(r.platform), platformLabel(r.platform) || String(r.platform), r.totals, true))
    case 'variant':
      return (funnel.byVariant ?? []).map((r) =>
        line(String(r.variantId), `${platformLabel(r.platform)} · ${r.excerpt || `#${r.variantId}`}`, r.totals, true),
      )
    case 'partner':
      return (funnel.byPartner ?? []).map((r) => line(String(r.partnerId), r.name, r.totals, false))
    case 'day':
      return (funnel.byDay ?? []).map((r) => line(String(r.day), shortDate(String(r.day), locale), r.totals, false))
  }
}

/** Whether a breakdown has an impressions column (some row reported impressions). */
export function hasImpressions(lines: readonly BreakdownLine[]): boolean {
  return lines.some((l) => l.impressions !== null)
}
