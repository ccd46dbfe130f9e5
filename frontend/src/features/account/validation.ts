/** Client-side checks that mirror the API's rules, so most mistakes are caught before a request. */

export const PASSWORD_MIN_LENGTH = 10
export const BIRTH_YEAR_MIN = 1900
export const DISPLAY_NAME_MAX_LENGTH = 80

import { checkEmail, checkRequired, type Check } from '@/lib/validation'

export { checkEmail, checkRequired, type Check }

export function checkPassword(value: string): Check {
  if (!value) return { key: 'account.validation.required' }
  return value.length >= PASSWORD_MIN_LENGTH
    ? null
    : { key: 'account.validation.passwordLength', params: { min: PASSWORD_MIN_LENGTH } }
}

export function checkDisplayName(value: string): Check {
  if (!value.trim()) return { key: 'account.validation.required' }
  return value.trim().length <= DISPLAY_NAME_MAX_LENGTH
    ? null
    : { key: 'account.validation.displayNameLength', params: { max: DISPLAY_NAME_MAX_LENGTH } }
}

export function checkBirthYear(value: string, now = new Date()): Check {
  const text = value.trim()
  if (!text) return { key: 'account.validation.required' }
  const max = now.getFullYear()
  const year = Number(text)
  if (!/^\d{4}$/.test(text) || year < BIRTH_YEAR_MIN || year > max) {
    return { key: 'account.validation.birthYear', params: { min: BIRTH_YEAR_MIN, max } }
  }
  return null
}

/** Members younger than this need a guardian's consent (UU PDP), counted as the server does: this year − birth year. */
export const GUARDIAN_CONSENT_AGE = 13

/** Whether a birth year (as typed) makes the person under 13 this year. False while the year is not a valid one. */
export function isUnder13(birthYear: string | number, now = new Date()): boolean {
  const text = String(birthYear).trim()
  if (!/^\d{4}$/.test(text)) return false
  const year = Number(text)
  const thisYear = now.getFullYear()
  if (year < BIRTH_YEAR_MIN || year > thisYear) return false
  return thisYear - year < GUARDIAN_CONSENT_AGE
}

/** The guardian's e-mail: required for an under-13, and not the child's own address. */
export function checkGuardianEmail(value: string, ownEmail: string): Check {
  const check = checkEmail(value)
  if (check) return check
  return value.trim().toLowerCase() === ownEmail.trim().toLowerCase() ? { key: 'account.validation.guardianSameEmail' } : null
}
