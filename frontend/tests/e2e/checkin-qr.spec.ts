import { expect, test } from '@playwright/test'
import { DEMO, expectAccessible, manageTokenFromMail } from './support'

/**
 * A confirmed patron's manage page shows the check-in QR code and the WhatsApp confirmation; the QR leads staff to
 * the check-in page, which checks the code in (here: a code typed by hand that does not exist).
 */
const STAFF = DEMO.staff

test('a confirmed patron gets a QR code, and staff have a check-in page', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: STAFF })
  expect(login.status()).toBe(200)
  const auth = { Authorization: `Bearer ${(await login.json()).token}` }
  const start = new Date(Date.now() + 20 * 86_400_000)
  const created = await request.post('/api/events', {
    headers: auth,
    data: {
      title: `Seminar QR ${Date.now()}`,
      description: 'Presensi dengan kode QR.',
      type: 'SEMINAR',
      audience: 'ALL',
      language: 'id',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      // The check-in QR code is for events held in person only.
      platform: 'IN_PERSON',
      joinUrl: 'https://maps.app.goo.gl/perpustakaan-banjarbaru',
      capacity: 10,
    },
  })
  expect(created.status()).toBe(201)
  const eventId = (await created.json()).id
  expect((await request.post(`/api/events/${eventId}/publish`, { headers: auth })).status()).toBe(200)
  const email = `qr-${Date.now()}@contoh.id`
  const registered = await request.post(`/api/events/${eventId}/registrations`, {
    data: { name: 'Siti Rahmah', email, whatsapp: '+6281234567890' },
  })
  expect(registered.status()).toBe(202)
  const token = await manageTokenFromMail(request, email)

  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto(`/acara/pendaftaran/${token}`)
  const qr = page.getByTestId('checkin-qr')
  await expect(qr).toBeVisible()
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await expect(page.getByTestId('whatsapp-confirmation')).toHaveAttribute('href', /^https:\/\/wa\.me\/6281234567890\?text=/)
  await expectAccessible(page, 'manage page with QR')

  await page.goto(`/masuk?next=${encodeURIComponent(`/staf/acara/${eventId}/hadir?kode=tidakada123`)}`)
  await page.getByLabel('Email').fill(STAFF.email)
  await page.getByLabel('Kata sandi').fill(STAFF.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Catat hadir' })).toBeVisible()
  await expect(page.getByLabel('Kode presensi')).toHaveValue('tidakada123')
  await expect(page.getByRole('alert')).toBeVisible()
  await expectAccessible(page, 'check-in page')
})
