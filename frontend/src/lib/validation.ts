/** Client-side checks every form uses, mirroring the API's rules (messages under account.validation). */
import type { Check } from './use-form-errors'

export type { Check }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function checkEmail(value: string): Check {
  if (!value.trim()) return { key: 'account.validation.required' }
  return EMAIL.test(value.trim()) ? null : { key: 'account.validation.email' }
}

export function checkRequired(value: string): Check {
  return value.trim() ? null : { key: 'account.validation.required' }
}
