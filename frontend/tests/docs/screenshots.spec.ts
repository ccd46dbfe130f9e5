import { expect, test } from '@playwright/test'
import { logIn, newVisitor } from '../e2e/support'

/**
 * The screenshots in docs/screenshots/ (linked from the README): what patrons and teens see on a 360 × 800 phone,
 * taken from the packaged app with the e2e profile's demo data. Run with `npm run docs:screenshots` after
 * `./mvnw -B package -DskipTests`; it overwrites the PNGs, so commit them when the pages change.
 */
const OUT = '../docs/screenshots'
const TEEN = { email: 'remaja@demo.serambi.id', password: 'demo-remaja-2026' }

test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 })

test('patron pages at 360 px', async ({ page }) => {
  await page.goto('/')
  const upcoming = page.getByTestId('home-upcoming')
  await expect(upcoming.getByRole('article').first()).toBeVisible()
  await page.screenshot({ path: `${OUT}/home-360.png` })

  await upcoming.getByRole('article').first().getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByTestId('sticky-register')).toBeVisible()
  await page.screenshot({ path: `${OUT}/event-360.png` })

  await page.getByTestId('sticky-register').getByRole('button').click()
  const patron = newVisitor('tangkapan')
  await page.getByLabel('Nama', { exact: true }).fill(patron.displayName)
  await page.getByLabel('Email').fill(patron.email)
  await page.locator('form.registration-form').getByRole('button').last().click()
  const result = page.getByTestId('registration-result')
  await expect(result.getByRole('heading').first()).toBeFocused()
  await result.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${OUT}/confirmation-360.png` })
})

test('a teen challenge page at 360 px', async ({ page }) => {
  await logIn(page, TEEN, '/tantangan')
  await page.getByRole('link', { name: /Lihat papan/ }).first().click()
  await expect(page.getByRole('tablist')).toBeVisible()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: `${OUT}/challenge-360.png` })
})
