/** Client-side checks for the registration forms, mirroring the API's rules. */
import type { Check } from '@/lib/validation'

export const NAME_MAX_LENGTH = 120
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
