/**
 * Which Bahasa Indonesia messages load when (B7, bench/b7.sh: on a slow phone every kilobyte of the first page costs
 * 20 ms). vite.config.ts splits locales/id.json into three parts at build time:
 * - **first**: what the home page, an event page with its registration form, a survey's answering page (shared on
 *   social media and in the post-event e-mail) and the layout read; every page loads it with the app. A new section is a first one unless it is listed below.
 * - **later**: the other public pages (the events list, a registration's manage page, log in, register, account,
 *   e-mail verification, consent, the Q&A pages); loaded with the first of them a visitor opens
 *   (app/router.ts, app/i18n.ts loadLaterMessages).
 * - **staff**: what only staff pages (and the teens' challenge pages) read; loaded with those pages or on signing in
 *   (loadAllMessages).
 */
export const STAFF_SECTIONS = [
  'campaigns',
  'challenges',
  'social',
  'publishing',
  'media',
  'notifications',
  'conversations',
  'assistant.staff',
  'events.staff',
  'events.registrants',
  'events.messages',
  'events.move',
  'events.checkin',
  'events.series.staff',
  'qa.staff',
  'account.users',
  'account.privacy',
  'surveys.results',
  'surveys.builder',
]

export const LATER_SECTIONS = [
  'events.manage',
  'events.feedback',
  'account.login',
  'account.register',
  'account.page',
  'account.roles',
  'account.verify',
  'account.consent',
  'account.sessions',
  'qa.anonymous',
  'qa.answerLabel',
  'qa.status',
  'qa.live',
  'qa.audience',
  'qa.ask',
  'qa.errors',
  'qa.conflict',
  'assistant.chat',
  'notFound',
  'forbidden',
]

export type MessagePart = 'first' | 'later' | 'staff'
export type Messages = { [key: string]: string | Messages }

const LISTED: ReadonlyArray<readonly [string, MessagePart]> = [
  ...STAFF_SECTIONS.map((section) => [section, 'staff'] as const),
  ...LATER_SECTIONS.map((section) => [section, 'later'] as const),
]

/** The messages of one part: the sections listed for it (later, staff), or all that are not listed (first). */
export function messagesPart(messages: Messages, part: MessagePart, prefix = ''): Messages {
  const kept: Messages = {}
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix + key
    const listed = LISTED.find(([section]) => section === path)?.[1]
    if (listed) {
      if (listed === part) kept[key] = value
    } else if (typeof value === 'object' && LISTED.some(([section]) => section.startsWith(`${path}.`))) {
      const inner = messagesPart(value, part, `${path}.`)
      if (Object.keys(inner).length > 0) kept[key] = inner
    } else if (part === 'first') {
      kept[key] = value
    }
  }
  return kept
}
