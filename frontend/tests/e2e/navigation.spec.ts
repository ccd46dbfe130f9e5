import { expect, test } from '@playwright/test'
import { expectAccessible } from './support'

test('a deep link to /akun loads the SPA and asks a logged-out visitor to log in', async ({ page }) => {
  const response = await page.goto('/akun')
  expect(response?.status()).toBe(200)
  await expect(page).toHaveURL(/\/masuk\?next=(%2F|\/)akun$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Serambi' })).toBeVisible()
  await expect(page.getByText('Silakan masuk untuk melanjutkan.')).toBeVisible()
  await expect(page).toHaveTitle('Masuk · Serambi')
  await expectAccessible(page, 'login (redirected)')
})

test('an unknown address shows the not-found page', async ({ page }) => {
  await page.goto('/halaman/yang-tidak-ada')
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible()
  await expect(page).toHaveTitle('Halaman tidak ditemukan · Serambi')
  await expectAccessible(page, 'not found')
  await page.getByRole('link', { name: 'Kembali ke beranda' }).click()
  await expect(page).toHaveURL(/\/$/)
})

test('the skip link takes keyboard users to the main content', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Langsung ke konten utama' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
})

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

  test('the menu opens and nothing scrolls sideways', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Serambi' })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)

    const menu = page.getByRole('button', { name: 'Menu' })
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden()
    await menu.click()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expectAccessible(page, 'home on a phone with the menu open')
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Daftar' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Buat akun' })).toBeVisible()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    const formOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(formOverflow).toBeLessThanOrEqual(0)
  })
})
