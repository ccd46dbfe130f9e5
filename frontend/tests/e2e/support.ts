import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page } from '@playwright/test'

/**
 * Runs axe on the current page and fails on any violation of serious or critical impact. It first lets the page's
 * finite animations end (e.g. the reward's fade-in): mid-fade, text is measured at part opacity, which no reader sees
 * for more than a moment, and the check came out either way.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  )
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

/**
 * The manage link a guest gets by e-mail (the registration answer no longer carries it, so it tells nobody who is
 * registered). The e2e profile keeps the mock mailer's e-mails and shows them at /api/e2e/mails, a test-only endpoint
 * that answers 404 in any other profile. Returns the path of the newest manage link sent to `email`.
 */
export async function manageLinkFromMail(request: APIRequestContext, email: string): Promise<string> {
  let links: string[] = []
  await expect
    .poll(async () => {
      const answer = await request.get(`/api/e2e/mails?to=${encodeURIComponent(email)}`)
      expect(answer.status(), 'the e2e mailbox (QUARKUS_PROFILE=e2e with the mock mailer)').toBe(200)
      const mails = (await answer.json()) as { subject: string; text: string }[]
      links = mails.flatMap((m) => [...m.text.matchAll(/\/acara\/pendaftaran\/([\w-]{43})/g)].map((x) => x[0]))
      return links.length
    }, { message: `a manage link e-mailed to ${email}` })
    .toBeGreaterThan(0)
  return links[links.length - 1]!
}

/** The manage token (the last part of the link) e-mailed to `email`. */
export async function manageTokenFromMail(request: APIRequestContext, email: string): Promise<string> {
  return (await manageLinkFromMail(request, email)).split('/').pop()!
}
