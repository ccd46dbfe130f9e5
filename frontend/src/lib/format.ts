/** Dates and times, always shown in the library's time zone (Asia/Makassar, WITA, by default). */

export const DEFAULT_TIME_ZONE = 'Asia/Makassar'

let libraryTimeZone = DEFAULT_TIME_ZONE

/** Set from GET /api/library once it is known. Invalid zones are ignored. */
export function setLibraryTimeZone(timeZone: string | null | undefined): void {
  if (!timeZone) return
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    libraryTimeZone = timeZone
  } catch {
    /* keep the previous zone */
  }
}

export function getLibraryTimeZone(): string {
  return libraryTimeZone
}

/** Indonesia's zones have names everyone knows; elsewhere, what Intl calls the zone. */
const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

export function zoneLabel(timeZone = libraryTimeZone, locale = 'id', at = new Date()): string {
  const known = INDONESIAN_ZONES[timeZone]
  if (known) return known
  const part = dateFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? timeZone
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()
/**
 * A date formatter, made once per locale and options: making one costs a phone milliseconds (the event page made
 * dozens while it first rendered, ~40 ms of B7's registration form), using one costs next to nothing.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    dateFormats.set(key, format)
  }
  return format
}

const numberFormats = new Map<string, Intl.NumberFormat>()

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function intlLocale(locale: string): string {
  return locale === 'id' ? 'id-ID' : locale === 'en' ? 'en-GB' : locale
}

/** "23 Nov 2025" in the library's zone. */
export function formatDate(value: string | number | Date, locale: string, timeZone = libraryTimeZone): string {
  const date = toDate(value)
  if (!date) return ''
  return dateFormat(intlLocale(locale), { dateStyle: 'medium', timeZone }).format(date)
}

/** "23 Nov 2025, 17.07 WITA" in the library's zone. */
export function formatDateTime(value: string | number | Date, locale: string, timeZone = libraryTimeZone): string {
  const date = toDate(value)
  if (!date) return ''
  const text = dateFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
  return `${text} ${zoneLabel(timeZone, intlLocale(locale), date)}`
}

/** Whole number in the UI language ("1.234" in Indonesian). */
export function formatNumber(value: number, locale: string): string {
  const tag = intlLocale(locale)
  let format = numberFormats.get(tag)
  if (!format) {
    format = new Intl.NumberFormat(tag)
    numberFormats.set(tag, format)
  }
  return format.format(value)
}

/** The wall-clock parts of an instant in a zone (24-hour clock). */
function zonedParts(date: Date, timeZone: string) {
  const parts = dateFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date)
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') }
}

/** Milliseconds the zone is ahead of UTC at this instant (+8 h for WITA). */
function zoneOffsetMs(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(date.getTime() / 1000) * 1000
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * An instant as the value of an `<input type="datetime-local">` in the library's zone:
 * "2026-12-05T11:00:00Z" -> "2026-12-05T19:00" in WITA. Empty for a missing or invalid instant.
 */
export function toDateTimeLocal(value: string | null | undefined, timeZone = libraryTimeZone): string {
  if (!value) return ''
  const date = toDate(value)
  if (!date) return ''
  const p = zonedParts(date, timeZone)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * The value of an `<input type="datetime-local">`, read as a wall-clock time in the library's zone, as a UTC
 * instant: "2026-12-05T19:00" in WITA -> "2026-12-05T11:00:00Z". Null when empty or not a valid time.
 */
export function fromDateTimeLocal(value: string | null | undefined, timeZone = libraryTimeZone): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec((value ?? '').trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((s) => Number(s ?? 0)) as number[]
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!)
  const check = new Date(wall)
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59) return null
  // The zone's offset at the guessed instant; a second pass settles times near a daylight-saving change.
  let instant = wall - zoneOffsetMs(new Date(wall), timeZone)
  instant = wall - zoneOffsetMs(new Date(instant), timeZone)
  return new Date(instant).toISOString().replace('.000Z', 'Z')
}

/**
 * "19.00" in the library's zone (Indonesian writes hours and minutes with a dot; English "19:00"), on the 24-hour
 * clock; with the zone's name ("19.00 WITA") when `withZone`. The one time format of the app: the staff calendar uses
 * it too.
 */
export function formatTime(value: string | number | Date, locale: string, timeZone = libraryTimeZone, withZone = false): string {
  const date = toDate(value)
  if (!date) return ''
  const parts = dateFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(date)
  const hour = parts.find((p) => p.type === 'hour')?.value ?? ''
  const minute = parts.find((p) => p.type === 'minute')?.value ?? ''
  const text = `${pad(Number(hour) % 24)}${locale === 'id' ? '.' : ':'}${minute}`
  return withZone ? `${text} ${zoneLabel(timeZone, intlLocale(locale), date)}` : text
}

/** "Sen, 7 Des 19.00 WITA" (English "Mon, 7 Dec 19:00 WITA"): a day and time that needs no year, in the library's zone. */
export function formatWhen(value: string | number | Date, locale: string, timeZone = libraryTimeZone): string {
  const date = toDate(value)
  if (!date) return ''
  const parts = dateFormat(intlLocale(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone }).formatToParts(date)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('weekday')}, ${get('day')} ${get('month')} ${formatTime(date, locale, timeZone, true)}`
}

/** "Sabtu, 5 Des 2026" in the library's zone. */
export function formatDayDate(value: string | number | Date, locale: string, timeZone = libraryTimeZone): string {
  const date = toDate(value)
  if (!date) return ''
  return dateFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(date)
}

/** Whole minutes between two instants (0 when either is missing or the end is before the start). */
export function minutesBetween(start: string | null | undefined, end: string | null | undefined): number {
  const a = start ? toDate(start) : null
  const b = end ? toDate(end) : null
  if (!a || !b) return 0
  return Math.max(0, Math.round((b.getTime() - a.getTime()) / 60000))
}

/** Today's date (YYYY-MM-DD) in the library's zone: what "today" means for a reading log. */
export function todayIn(timeZone = libraryTimeZone, now = new Date()): string {
  const p = zonedParts(now, timeZone)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`
}

/**
 * A calendar date (YYYY-MM-DD, no zone) as "5 Des 2026". Formatted at noon UTC so that no zone moves it to
 * another day.
 */
export function formatLocalDate(value: string | null | undefined, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '')
  if (!match) return value ?? ''
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
  return dateFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}
