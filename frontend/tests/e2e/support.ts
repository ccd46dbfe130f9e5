import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Runs axe on the current page and fails on any violation of serious or critical impact. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(blocking, `accessibility violations on ${what}`).toEqual([])
}

/** A fresh account for each run: the e2e database starts empty, and e-mails must be unique. */
export function newVisitor(tag = 'pengunjung') {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`
  return {
    email: `${tag}.${stamp}@contoh.id`,
    password: 'baca-buku-setiap-hari',
    displayName: `Rina ${stamp.slice(-4)}`,
    birthYear: '1995',
  }
}
