/** What every part of the campaigns feature shows: platform names, post statuses, KPI targets. */
import type { Translate } from '@/lib/api-client'
import type { Tone } from '@/lib/tone'
import type { KpiTarget, SocialPlatform } from './api'
import type { PostStatus } from './posts/api'

function formatNumberWith(value: number, locale: string, maximumFractionDigits: number): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits }).format(value)
}

export const PLATFORM_LABELS: Readonly<Record<SocialPlatform, string>> = { FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', X: 'X' }

export function postStatusTone(status: PostStatus | null | undefined): Tone {
  switch (status) {
    case 'PUBLISHED':
      return 'success'
    case 'SCHEDULED':
      return 'info'
    case 'APPROVED':
      return 'success'
    case 'IN_REVIEW':
      return 'warning'
    default:
      return 'neutral'
  }
}

export function postStatusLabel(status: PostStatus | null | undefined, t: Translate): string {
  return status ? t(`campaigns.status.${status}`) : ''
}


/** An engagement-rate target is a fraction (0.05); people type and read it as a percentage (5). */
export function rateToPercent(fraction: number): number {
  return Math.round(fraction * 10_000) / 100
}

export function kpiTargetText(k: KpiTarget, t: Translate, locale: string): string {
  const value =
    k.metric === 'ENGAGEMENT_RATE' ? `${formatNumberWith(rateToPercent(k.target), locale, 2)} %` : formatNumberWith(k.target, locale, 2)
  return t('campaigns.kpi.target', { metric: t(`campaigns.kpis.${k.metric}`), value })
}
