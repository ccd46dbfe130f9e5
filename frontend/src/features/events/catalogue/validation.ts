/** Client-side checks for the event form, mirroring the API's rules. */
import type { Check } from '@/lib/validation'

export const TITLE_MAX_LENGTH = 200

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

