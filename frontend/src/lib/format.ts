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
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? timeZone
}

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
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone }).format(date)
}

/** "23 Nov 2025, 17.07 WITA" in the library's zone. */
export function formatDateTime(value: string | number | Date, locale: string, timeZone = libraryTimeZone): string {
  const date = toDate(value)
  if (!date) return ''
  const text = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
  return `${text} ${zoneLabel(timeZone, intlLocale(locale), date)}`
}

/** Whole number in the UI language ("1.234" in Indonesian). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value)
}
