/** Client-side checks for the events forms, mirroring the API's rules. */
import { checkEmail, checkRequired, type Check } from '@/lib/validation'

export { checkEmail, checkRequired }

export const NAME_MAX_LENGTH = 120
export const TITLE_MAX_LENGTH = 200
export const COMMENT_MAX_LENGTH = 2000

export function checkName(value: string): Check {
  if (!value.trim()) return { key: 'account.validation.required' }
  return value.trim().length <= NAME_MAX_LENGTH ? null : { key: 'events.validation.tooLong', params: { max: NAME_MAX_LENGTH } }
}

/** Optional; Indonesian (0812-3456-7890) or international (+62 812 3456 7890). The server normalises it. */
export function checkWhatsapp(value: string): Check {
  const text = value.trim()
  if (!text) return null
  const digits = text.replace(/[\s().-]/g, '')
  return /^\+?\d{8,15}$/.test(digits) ? null : { key: 'events.validation.whatsapp' }
}

export function checkUrl(value: string): Check {
  const text = value.trim()
  if (!text) return { key: 'account.validation.required' }
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : { key: 'events.validation.url' }
  } catch {
    return { key: 'events.validation.url' }
  }
}

/** Empty means unlimited; otherwise a whole number from 1 to 100,000. */
export function checkCapacity(value: string): Check {
  const text = value.trim()
  if (!text) return null
  const n = Number(text)
  return /^\d+$/.test(text) && n >= 1 && n <= 100000 ? null : { key: 'events.validation.capacity', params: { max: '100.000' } }
}
