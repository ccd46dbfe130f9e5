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

/**
 * A WhatsApp click-to-chat link that puts `text` in the patron's own chat, so the confirmation stays in their
 * chats: to their number when they gave one (0812-… read as +62 812-…, as the server stores it), otherwise WhatsApp
 * lets them pick the chat (their own "Message yourself" chat, say).
 */
export function confirmationWhatsappLink(whatsapp: string, text: string): string {
  let digits = whatsapp.trim().replace(/[\s.()-]/g, '')
  if (digits.startsWith('00')) digits = digits.slice(2)
  else if (digits.startsWith('0')) digits = `62${digits.slice(1)}`
  digits = digits.replace(/^\+/, '')
  const to = /^[1-9]\d{7,14}$/.test(digits) ? digits : ''
  return `https://wa.me/${to}?text=${encodeURIComponent(text)}`
}
