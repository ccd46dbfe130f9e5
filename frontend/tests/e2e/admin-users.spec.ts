import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from './e2e-admin'
import { expectAccessible, newVisitor } from './support'

test('an admin finds a member and makes them staff; the member still cannot open the admin page', async ({ page }) => {
  const member = newVisitor('anggota')
  const created = await page.request.post('/api/auth/register', {
    data: { ...member, birthYear: Number(member.birthYear) },
  })
  expect(created.status()).toBe(202)

  // The admin page asks for a login first, then comes back.
  await page.goto('/admin/pengguna')
  await expect(page).toHaveURL(/\/masuk\?next=/)
  await page.getByLabel('Email').fill(E2E_ADMIN.email)
  await page.getByLabel('Kata sandi').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page).toHaveURL(/\/admin\/pengguna$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kelola pengguna' })).toBeVisible()
  await expect(page).toHaveTitle('Kelola pengguna · Serambi')
  await expect(page.getByRole('table')).toBeVisible()
  await expectAccessible(page, 'users')

  // Search, change the role, save.
  await page.getByLabel('Cari nama atau email').fill(member.email)
  await page.getByRole('button', { name: 'Cari' }).click()
  await expect(page).toHaveURL(/\?q=/)
  await expect(page.getByText('Ditemukan 1 pengguna.')).toBeVisible()
  const row = page.getByRole('row', { name: new RegExp(member.displayName) })
  await row.getByLabel(`Peran untuk ${member.displayName}`, { exact: true }).selectOption('STAFF')
  await row.getByRole('button', { name: `Simpan peran untuk ${member.displayName}` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'sekarang Staf' })).toBeVisible()
  await expectAccessible(page, 'users after a role change')

  // A search without matches shows the empty state.
  await page.getByLabel('Cari nama atau email').fill(`tidak-ada-${Date.now()}`)
  await page.getByRole('button', { name: 'Cari' }).click()
  await expect(page.getByText('Tidak ada pengguna yang cocok dengan pencarian Anda.')).toBeVisible()

  // The member is staff now, which is not admin: the admin page says access is denied.
  await page.getByRole('button', { name: 'Keluar', exact: true }).click()
  // Logging out clears the session after the move to the home page: wait for it before loading another page.
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Masuk' })).toBeVisible()
  await page.goto('/masuk')
  await page.getByLabel('Email').fill(member.email)
  await page.getByLabel('Kata sandi').fill(member.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  // Staff now, so the login lands on the staff home (the content calendar), and the account page says "Staf".
  await expect(page).toHaveURL(/\/staf\/konten$/)
  await page.goto('/akun')
  await expect(page.getByText('Staf', { exact: true })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengguna' })).toHaveCount(0)
  await page.goto('/admin/pengguna')
  await expect(page.getByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/pengguna$/)
  await expectAccessible(page, 'forbidden')
})
