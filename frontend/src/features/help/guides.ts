/**
 * The short in-app guides ("panduan sederhana") for people not at ease with technology: numbered steps in plain
 * words, Bahasa Indonesia first. Their text is in locales/ under help.guides.<key>; here, each guide's address, how many
 * steps it has, and the page it helps with (to go back to).
 */
export const GUIDES = {
  'daftar-acara': { key: 'register', steps: 6, icon: '🗓', back: 'events' },
  'tantangan-membaca': { key: 'challenge', steps: 6, icon: '📚', back: 'challenges' },
  'kampanye-pertama': { key: 'campaign', steps: 7, icon: '📣', back: 'campaigns-campaigns' },
} as const

export type GuideSlug = keyof typeof GUIDES

export const GUIDE_SLUGS = Object.keys(GUIDES) as GuideSlug[]

export function isGuide(value: unknown): value is GuideSlug {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(GUIDES, value)
}
