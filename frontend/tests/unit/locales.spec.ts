import { describe, expect, it } from 'vitest'
import en from '@/locales/en.json'
import id from '@/locales/id.json'

function flatten(messages: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object') Object.assign(out, flatten(value as Record<string, unknown>, path))
    else out[path] = value
  }
  return out
}

/** `{name}` placeholders in a message. */
function placeholders(message: unknown): string[] {
  return [...String(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
}

describe('locales', () => {
  const idFlat = flatten(id)
  const enFlat = flatten(en)

  it('English has exactly the keys of Bahasa Indonesia', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(idFlat).sort())
  })

  it('has no empty messages', () => {
    for (const [key, value] of [...Object.entries(idFlat), ...Object.entries(enFlat)]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true)
    }
  })

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(idFlat)) {
      expect(placeholders(enFlat[key]), key).toEqual(placeholders(idFlat[key]))
    }
  })

  it('avoids characters vue-i18n treats as syntax (@ links, | plurals)', () => {
    for (const [key, value] of [...Object.entries(idFlat), ...Object.entries(enFlat)]) {
      expect(String(value), key).not.toMatch(/[@|$]/)
    }
  })
})
