import { expect, test } from '@playwright/test'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * "Akun media sosial" against the real backend and the Meta stand-in (tests/e2e/stand-ins/mappings/meta-login-*.json):
 * staff connect the library's Facebook Page through Facebook Login (the dialog sends the browser back with a code and
 * the state), see the Page and its Instagram account connected with the token's expiry, and disconnect Instagram.
 */
test.describe.serial('social accounts: connect, status, expiry, disconnect', () => {
  test('staff connect Facebook and Instagram with Facebook Login, then disconnect Instagram', async ({ page }) => {
    await logIn(page, DEMO.staff, '/staf/konten')
    await page.getByRole('navigation', { name: 'Menu konten' }).getByRole('link', { name: 'Akun media sosial' }).click()
    await expect(page).toHaveURL(/\/staf\/akun-sosial$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Akun media sosial' })).toBeVisible()

    const facebook = page.getByRole('region', { name: 'Facebook', exact: true })
    const instagram = page.getByRole('region', { name: 'Instagram', exact: true })
    const x = page.getByRole('region', { name: 'X', exact: true })
    await expect(x).toBeVisible()
    await expect(facebook).toContainText(/Belum tersambung|Tersambung/)
    await expectAccessible(page, 'social accounts')

    // Facebook Login: the stand-in's dialog answers 302 to the redirect URI with a code and the state.
    await facebook.getByRole('button', { name: /Sambungkan (ulang )?dengan Facebook/ }).click()
    await expect(page).toHaveURL(/\/staf\/akun-sosial(\?tersambung=.*)?$/)
    await expect(page.getByRole('status').filter({ hasText: 'Tersambung:' })).toContainText('Perpustakaan Kota Banjarbaru (e2e)')

    await expect(facebook.getByText('Tersambung', { exact: true })).toBeVisible()
    await expect(facebook).toContainText('Perpustakaan Kota Banjarbaru (e2e)')
    await expect(facebook).toContainText('kedaluwarsa dalam 5 hari')
    await expect(facebook).toContainText('Masuk dengan platform')
    await expect(instagram.getByText('Tersambung', { exact: true })).toBeVisible()
    await expect(instagram).toContainText('perpuskotabjb_e2e')
    await expect(x).toContainText('Belum tersambung')
    // No token ever reaches the page.
    await expect(page.locator('body')).not.toContainText('e2e-page-token')
    await expectAccessible(page, 'social accounts, connected')

    // Disconnect asks first; "Batal" changes nothing.
    await instagram.getByRole('button', { name: 'Putuskan Instagram' }).click()
    await expect(instagram.getByText(/Putuskan Instagram \(perpuskotabjb_e2e\)\?/)).toBeFocused()
    await instagram.getByRole('button', { name: 'Batal' }).click()
    await expect(instagram.getByText('Tersambung', { exact: true })).toBeVisible()
    await instagram.getByRole('button', { name: 'Putuskan Instagram' }).click()
    await instagram.getByRole('button', { name: 'Ya, putuskan' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'diputuskan' })).toContainText('Instagram sudah diputuskan.')
    await expect(instagram.getByText('Belum tersambung', { exact: true })).toBeVisible()
    await expect(facebook.getByText('Tersambung', { exact: true })).toBeVisible()
  })

  test('on a 360 px phone the page fits and the system-user form explains a refused token', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await logIn(page, DEMO.staff, '/staf/akun-sosial')
    await expect(page.getByRole('region', { name: 'Facebook', exact: true })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)

    // A token the stand-in does not know: Meta's answer (404 there) is a refusal, shown with its reason.
    await page.getByLabel('Token pengguna sistem', { exact: true }).fill('EAAG-not-a-real-token')
    await page.getByRole('button', { name: 'Periksa dan sambungkan' }).click()
    await expect(page.getByRole('alert')).toContainText('Platform menolak permintaan ini.')
    await expectAccessible(page, 'social accounts on a phone')
  })
})
