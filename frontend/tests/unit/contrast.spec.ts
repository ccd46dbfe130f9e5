import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// WCAG 2.x AA: 4.5:1 for text, 3:1 for large text and for the borders of controls and focus rings.
const here = dirname(fileURLToPath(import.meta.url))
const css = readFileSync(join(here, '..', '..', 'src', 'app', 'styles.css'), 'utf8')
const vars: Record<string, string> = {}
for (const m of css.matchAll(/--(color-[\w-]+):\s*(#[0-9a-f]{6})/gi)) vars[m[1]!] = m[2]!

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function ratio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const text: Array<[string, string]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'primary-tint'],
  ['text', 'danger-tint'],
  ['text', 'success-tint'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['muted', 'primary-tint'],
  ['primary-dark', 'surface'],
  ['primary-dark', 'bg'],
  ['primary-dark', 'primary-tint'],
  ['on-primary', 'primary'],
  ['on-primary', 'primary-dark'],
  ['danger', 'surface'],
  ['danger', 'danger-tint'],
  ['success', 'success-tint'],
  ['warning', 'warning-tint'],
  ['focus', 'info-tint'],
  ['on-primary', 'danger'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['on-header', 'header'],
  ['header', 'bg'],
  ['header', 'primary-tint'],
]
const nonText: Array<[string, string]> = [
  ['border-strong', 'surface'],
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['danger', 'surface'],
]

describe('colour contrast (WCAG AA)', () => {
  it.each(text)('text %s on %s is at least 4.5:1', (fg, bg) => {
    expect(vars[`color-${fg}`], fg).toBeDefined()
    expect(vars[`color-${bg}`], bg).toBeDefined()
    expect(ratio(vars[`color-${fg}`]!, vars[`color-${bg}`]!)).toBeGreaterThanOrEqual(4.5)
  })

  it.each(nonText)('control %s on %s is at least 3:1', (fg, bg) => {
    expect(ratio(vars[`color-${fg}`]!, vars[`color-${bg}`]!)).toBeGreaterThanOrEqual(3)
  })
})
