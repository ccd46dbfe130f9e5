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

/** The demo accounts the e2e profile seeds (README), overridable like the other specs' staff login. */
export const DEMO = {
  staff: {
    email: process.env.SERAMBI_E2E_STAFF_EMAIL ?? 'staf@demo.serambi.id',
    password: process.env.SERAMBI_E2E_STAFF_PASSWORD ?? 'demo-staf-2026',
  },
  reviewer: {
    email: process.env.SERAMBI_E2E_REVIEWER_EMAIL ?? 'peninjau@demo.serambi.id',
    password: process.env.SERAMBI_E2E_REVIEWER_PASSWORD ?? 'demo-peninjau-2026',
  },
}

/** Logs in through the login page and waits until the app has gone on to `next`. */
export async function logIn(page: Page, who: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Kata sandi').fill(who.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?.]/g, '\\$&')}$`))
}
