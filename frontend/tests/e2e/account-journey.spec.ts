import { expect, test } from '@playwright/test'
import { expectAccessible, newVisitor } from './support'

test('a visitor registers, logs out, logs in again and switches to English', async ({ page }) => {
  const visitor = newVisitor()
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' })

  // Home, in Bahasa Indonesia by default.
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Serambi' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'id')
  await expect(page).toHaveTitle('Beranda · Serambi')
  await expect(page.getByRole('heading', { name: 'Acara virtual' })).toBeVisible()
  await expectAccessible(page, 'home')

  // Register.
  await nav.getByRole('link', { name: 'Daftar' }).click()
  await expect(page).toHaveURL(/\/daftar$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Buat akun' })).toBeVisible()
  await expect(page).toHaveTitle('Daftar · Serambi')
  await expectAccessible(page, 'register')

  // A too-short password is caught before anything is sent.
  await page.getByLabel('Email').fill(visitor.email)
  await page.getByLabel('Kata sandi', { exact: true }).fill('pendek')
  await page.getByLabel('Nama tampilan').fill(visitor.displayName)
  await page.getByLabel('Tahun lahir').fill(visitor.birthYear)
  await page.getByRole('button', { name: 'Daftar' }).click()
  await expect(page.getByRole('alert')).toContainText('Periksa kembali isian yang ditandai.')
  await expect(page.getByLabel('Kata sandi', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Kata sandi', { exact: true })).toBeFocused()
  await expectAccessible(page, 'register with errors')

  await page.getByLabel('Kata sandi', { exact: true }).fill(visitor.password)
  await page.getByRole('button', { name: 'Daftar' }).click()

  // Logged in automatically; the page asks to verify the address (a link went by e-mail).
  const done = page.getByTestId('signup-done')
  await expect(done.getByRole('heading', { name: 'Periksa e-mail Anda untuk memverifikasi alamat' })).toBeFocused()
  await expect(done).toContainText(visitor.email)
  await expectAccessible(page, 'signed up')
  await done.getByRole('link', { name: 'Lanjut ke akun saya' }).click()

  // The account page, which shows that the address is not verified yet and offers a new link.
  await expect(page).toHaveURL(/\/akun$/)
  await expect(page.getByTestId('email-state')).toHaveText('Belum diverifikasi')
  // The link went out a moment ago: asking again at once is refused, politely.
  await page.getByRole('button', { name: 'Kirim ulang tautan' }).click()
  await expect(page.getByTestId('email-unverified')).toContainText('Tautan baru saja dikirim')
  await expect(page.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible()
  await expect(page.getByTestId('account-display-name')).toHaveText(visitor.displayName)
  await expect(page.getByText(visitor.email, { exact: true })).toBeVisible()
  await expect(page).toHaveTitle('Akun saya · Serambi')
  await expectAccessible(page, 'account')

  // Log out.
  await page.getByRole('button', { name: 'Keluar', exact: true }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(nav.getByRole('link', { name: 'Masuk' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Akun saya' })).toHaveCount(0)

  // A wrong password gets a clear message from the server's problem+json.
  await nav.getByRole('link', { name: 'Masuk' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Serambi' })).toBeVisible()
  await expectAccessible(page, 'login')
  await page.getByLabel('Email').fill(visitor.email)
  await page.getByLabel('Kata sandi').fill('kata-sandi-yang-salah')
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page.getByRole('alert')).toContainText('Email atau kata sandi salah.')

  // Log in again: a member lands on the reading challenges (issue 17), and the account page is one link away.
  await page.getByLabel('Kata sandi').fill(visitor.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page).toHaveURL(/\/tantangan$/)
  await nav.getByRole('link', { name: 'Akun saya' }).click()
  await expect(page).toHaveURL(/\/akun$/)
  await expect(page.getByTestId('account-display-name')).toHaveText(visitor.displayName)

  // Switch to English.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page).toHaveTitle('My account · Serambi')
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible()

  // The choice survives a reload, and so does the session.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('account-display-name')).toHaveText(visitor.displayName)
  await expectAccessible(page, 'account (English)')
})

test('a member edits the profile and changes the password', async ({ page }) => {
  const visitor = newVisitor('profil')
  const created = await page.request.post('/api/auth/register', {
    data: { ...visitor, birthYear: Number(visitor.birthYear) },
  })
  expect(created.status()).toBe(202)

  await page.goto('/masuk?next=/akun')
  await page.getByLabel('Email').fill(visitor.email)
  await page.getByLabel('Kata sandi').fill(visitor.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page).toHaveURL(/\/akun$/)

  const profile = page.getByRole('region', { name: 'Ubah profil' })
  await profile.getByLabel('Nama tampilan').fill('Rina Baru')
  await profile.getByLabel('Tahun lahir').fill('1996')
  await profile.getByRole('button', { name: 'Simpan' }).click()
  await expect(profile.getByRole('status')).toContainText('Profil berhasil disimpan.')
  await expect(page.getByTestId('account-display-name')).toHaveText('Rina Baru')

  const password = page.getByRole('region', { name: 'Ganti kata sandi' })
  const newPassword = 'buku-adalah-jendela-dunia'
  await password.getByLabel('Kata sandi saat ini').fill('bukan-kata-sandi-saya')
  await password.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword)
  await password.getByLabel('Ulangi kata sandi baru').fill(newPassword)
  await password.getByRole('button', { name: 'Ganti kata sandi' }).click()
  await expect(password.getByRole('alert')).toContainText('Kata sandi saat ini salah.')
  await expect(password.getByLabel('Kata sandi saat ini')).toHaveAttribute('aria-invalid', 'true')

  await password.getByLabel('Kata sandi saat ini').fill(visitor.password)
  await password.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword)
  await password.getByLabel('Ulangi kata sandi baru').fill(newPassword)
  await password.getByRole('button', { name: 'Ganti kata sandi' }).click()
  await expect(password.getByRole('status')).toContainText('Kata sandi berhasil diganti.')
  await expectAccessible(page, 'account after edits')

  // The new password works, and the page carried on with a new session: the old one ended with the change.
  const login = await page.request.post('/api/auth/login', { data: { email: visitor.email, password: newPassword } })
  expect(login.status()).toBe(200)
  await page.reload()
  await expect(page.getByTestId('account-display-name')).toHaveText('Rina Baru')

  // Log out everywhere: the token another device holds stops working, and this page ends on the login page.
  const otherDevice = (await login.json()).token as string
  expect((await page.request.get('/api/me', { headers: { Authorization: `Bearer ${otherDevice}` } })).status()).toBe(200)
  await page.getByRole('button', { name: 'Keluar dari semua perangkat' }).click()
  await expect(page).toHaveURL(/\/masuk\?keluar=semua$/)
  await expect(page.getByRole('status').first()).toContainText('Anda sudah keluar dari semua perangkat.')
  expect((await page.request.get('/api/me', { headers: { Authorization: `Bearer ${otherDevice}` } })).status()).toBe(401)
  await page.goto('/akun')
  await expect(page).toHaveURL(/\/masuk/)
})

test('signing up with a registered e-mail reveals nothing; a stranger ends on the login page', async ({ page }) => {
  const visitor = newVisitor('ganda')
  const data = { ...visitor, birthYear: Number(visitor.birthYear) }
  const created = await page.request.post('/api/auth/register', { data })
  expect(created.status()).toBe(202)
  // The same answer for a known e-mail: no account is made, the owner gets an e-mail.
  const again = await page.request.post('/api/auth/register', { data: { ...data, password: 'bukan-pemiliknya-123' } })
  expect(again.status()).toBe(202)
  expect(await again.json()).toEqual(await created.json())

  await page.goto('/daftar')
  await page.getByLabel('Email').fill(visitor.email)
  await page.getByLabel('Kata sandi', { exact: true }).fill('bukan-pemiliknya-123')
  await page.getByLabel('Nama tampilan').fill(visitor.displayName)
  await page.getByLabel('Tahun lahir').fill(visitor.birthYear)
  await page.getByRole('button', { name: 'Daftar' }).click()
  await expect(page).toHaveURL(/\/masuk\?registered=1$/)
  await expect(page.getByRole('status')).toContainText('Periksa e-mail Anda untuk memverifikasi alamat')
})

test('the verification page explains an unknown link', async ({ page }) => {
  await page.goto('/akun/verifikasi/tautan-yang-tidak-dikenal')
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikasi alamat email' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('Tautan ini tidak dikenal atau sudah pernah dipakai')
  await expectAccessible(page, 'verify e-mail, unknown link')
})
