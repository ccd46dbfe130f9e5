/**
 * Which messages every page loads (B7, bench/b7.sh): all but these sections, which only staff pages (and the teens'
 * challenge pages) read. They load with the first page that needs them (app/router.ts, app/i18n.ts loadAllMessages);
 * vite.config.ts splits locales/id.json by them at build time. A new section is a patron one unless it is listed.
 */
export const STAFF_SECTIONS = [
  'campaigns',
  'challenges',
  'social',
  'publishing',
  'media',
  'notifications',
  'events.staff',
  'events.registrants',
  'qa.staff',
  'account.users',
  'account.privacy',
]

export type Messages = { [key: string]: string | Messages }

/** The messages of `part`: without the staff sections (patron) or only them (staff). */
export function messagesPart(messages: Messages, part: 'patron' | 'staff', prefix = ''): Messages {
  const kept: Messages = {}
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix + key
    if (STAFF_SECTIONS.includes(path)) {
      if (part === 'staff') kept[key] = value
    } else if (typeof value === 'object' && STAFF_SECTIONS.some((section) => section.startsWith(`${path}.`))) {
      kept[key] = messagesPart(value, part, `${path}.`)
    } else if (part === 'patron') {
      kept[key] = value
    }
  }
  return kept
}
