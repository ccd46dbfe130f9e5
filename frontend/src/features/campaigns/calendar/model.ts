/** The calendar's days and cadence warnings, kept apart from the page so it is testable. */
import type { SocialPlatform } from '../api'
import type { CadenceWarning, CalendarItem } from './api'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
function parse(date: string): Date {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`Not a date: ${date}`)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}
function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export type CalendarView = 'month' | 'week'

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false
  return iso(parse(value)) === value
}

export function addDays(date: string, days: number): string {
  const d = parse(date)
  d.setUTCDate(d.getUTCDate() + days)
  return iso(d)
}

/** 1 = Monday … 7 = Sunday (ISO), as the backend's weeks run. */
export function isoWeekday(date: string): number {
  return parse(date).getUTCDay() || 7
}

export function startOfWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`
}

export function addMonths(date: string, months: number): string {
  const d = parse(firstOfMonth(date))
  d.setUTCMonth(d.getUTCMonth() + months)
  return iso(d)
}

export interface CalendarDay {
  date: string
  /** False for the days of the previous or next month that fill the month grid's first and last weeks. */
  inMonth: boolean
  isToday: boolean
}

/**
 * The days a view shows: a month as whole Monday–Sunday weeks (35 or 42 days), or the Monday–Sunday week that
 * holds `anchor`.
 */
export function visibleDays(view: CalendarView, anchor: string, today: string): CalendarDay[] {
  const month = anchor.slice(0, 7)
  let from: string
  let to: string
  if (view === 'week') {
    from = startOfWeek(anchor)
    to = addDays(from, 6)
  } else {
    const first = firstOfMonth(anchor)
    const last = addDays(addMonths(first, 1), -1)
    from = startOfWeek(first)
    to = addDays(startOfWeek(last), 6)
  }
  const days: CalendarDay[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push({ date: d, inMonth: view === 'week' || d.slice(0, 7) === month, isToday: d === today })
  }
  return days
}

/** The first and last day a view shows: what to ask GET /api/content-calendar for. */
export function visibleRange(view: CalendarView, anchor: string): { from: string; to: string } {
  const days = visibleDays(view, anchor, '')
  return { from: days[0]!.date, to: days[days.length - 1]!.date }
}

/** The anchor one step back or forward: a month in the month view, a week in the week view. */
export function shiftAnchor(view: CalendarView, anchor: string, step: number): string {
  return view === 'week' ? addDays(anchor, 7 * step) : addMonths(anchor, step)
}

/** Items by their local (WITA) date, each day in time order; posts before events at the same minute. */
export function bucketByDate(items: readonly CalendarItem[]): Map<string, CalendarItem[]> {
  const byDate = new Map<string, CalendarItem[]>()
  for (const item of items) {
    if (!item.localDate) continue
    const list = byDate.get(item.localDate) ?? []
    list.push(item)
    byDate.set(item.localDate, list)
  }
  for (const list of byDate.values()) {
    list.sort(
      (a, b) =>
        (a.at ?? '').localeCompare(b.at ?? '') ||
        (a.kind ?? '').localeCompare(b.kind ?? '') ||
        (a.variantId ?? a.eventId ?? 0) - (b.variantId ?? b.eventId ?? 0),
    )
  }
  return byDate
}


export interface PlatformWarnings {
  platform: SocialPlatform
  /** The weekly target, when an under-target week says it. */
  target: number | null
  /** Whole Monday–Sunday weeks in view below the target. */
  weeksUnder: number
  /** The longest run of days without a post. */
  longestGap: { days: number; from: string; to: string } | null
  warnings: CadenceWarning[]
}

/** One line per platform from the calendar's warnings, platforms in their usual order. */
export function summarizeWarnings(warnings: readonly CadenceWarning[]): PlatformWarnings[] {
  const byPlatform = new Map<SocialPlatform, PlatformWarnings>()
  for (const w of warnings) {
    if (!w.platform) continue
    const entry = byPlatform.get(w.platform) ?? { platform: w.platform, target: null, weeksUnder: 0, longestGap: null, warnings: [] }
    entry.warnings.push(w)
    if (w.kind === 'UNDER_TARGET') {
      entry.weeksUnder++
      entry.target = w.target ?? entry.target
    } else if (w.kind === 'GAP' && w.days != null && w.from && w.to && (!entry.longestGap || w.days > entry.longestGap.days)) {
      entry.longestGap = { days: w.days, from: w.from, to: w.to }
    }
    byPlatform.set(w.platform, entry)
  }
  return (['FACEBOOK', 'INSTAGRAM', 'X'] as const).map((p) => byPlatform.get(p)).filter((e): e is PlatformWarnings => !!e)
}
