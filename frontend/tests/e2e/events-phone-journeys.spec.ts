import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { DEMO, expectAccessible, logIn, manageLinkFromMail, newVisitor } from './support'

/**
 * Issue 17's patron journeys on a 360 × 800 phone: registering from the home page (the "Daftar" button that stays
 * in view, a confirmation that offers the calendar and WhatsApp at once, a cancelled registration that keeps
 * nothing), and a series: staff create it, a patron sees it as one card and registers for every session at once,
 * staff move a session's registrants to a rescheduled event.
 */
const STAFF = DEMO.staff

test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true })

async function staffHeaders(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: STAFF })
  expect(login.status()).toBe(200)
  return { Authorization: `Bearer ${(await login.json()).token}` }
}

/** "2027-01-05T19:00" in WITA, what a datetime-local field takes. */
function witaLocal(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Makassar',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)!.value
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
}

test('register from the home page on a phone', async ({ page }) => {
  test.setTimeout(120_000)
  const headers = await staffHeaders(page.request)
  // Starting soon, so it is among the next events the home page lists.
  const start = new Date(Date.now() + 40 * 60_000)
  const title = `Bincang Buku Pagi ${Date.now()}`
  const created = await page.request.post('/api/events', {
    headers,
    data: {
      title,
      description: 'Membahas "Bumi Manusia" karya Pramoedya Ananta Toer bersama komunitas pembaca.',
      type: 'BOOK_DISCUSSION',
      audience: 'ALL',
      language: 'id',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/5550002222',
      capacity: 30,
    },
  })
  expect(created.status()).toBe(201)
  const eventId = (await created.json()).id as number
  expect((await page.request.post(`/api/events/${eventId}/publish`, { headers })).status()).toBe(200)

  // Home: the next events, with date and time in WITA, and X (not Twitter).
  await page.goto('/')
  const upcoming = page.getByTestId('home-upcoming')
  await expect(upcoming.getByRole('heading', { name: 'Acara terdekat' })).toBeVisible()
  const card = upcoming.getByRole('article').filter({ hasText: title })
  await expect(card).toContainText('WITA')
  await expect(page.getByText('Facebook, Instagram, dan X.')).toBeVisible()
  await expect(page.getByText('Twitter')).toHaveCount(0)
  await noSidewaysScroll(page)
  await expectAccessible(page, 'home with the next events')
  await card.getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(new RegExp(`/acara/${eventId}$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // The "Daftar" button stays in view at the bottom of the screen, and takes the patron to the form.
  const sticky = page.getByTestId('sticky-register').getByRole('button', { name: 'Daftar', exact: true })
  await expect(sticky).toBeInViewport()
  const box = (await sticky.boundingBox())!
  expect(box.y + box.height).toBeGreaterThan(700) // at the bottom, under the thumb
  expect(box.width).toBeGreaterThan(300)
  await expectAccessible(page, 'event page with the sticky Daftar')
  await sticky.click()
  await expect(page.getByLabel('Nama', { exact: true })).toBeFocused()
  await expect(page.getByLabel('Nama', { exact: true })).toBeInViewport()
  await expect(page.getByTestId('sticky-register')).toBeHidden()

  const patron = newVisitor('beranda')
  await page.getByLabel('Nama', { exact: true }).fill(patron.displayName)
  await page.getByLabel('Email').fill(patron.email)
  await page.getByLabel('Nomor WhatsApp (opsional)').fill('0812-3456-7890')
  await page.locator('form.registration-form').getByRole('button', { name: 'Daftar', exact: true }).click()

  // The confirmation: the calendar in plain words (Google Calendar and the file) and WhatsApp, at once.
  const result = page.getByTestId('registration-result')
  await expect(result.getByRole('heading', { name: 'Pendaftaran diterima' })).toBeFocused()
  await expect(result.getByRole('heading', { name: 'Tambahkan ke kalender' })).toBeVisible()
  const google = new URL((await result.getByTestId('google-calendar').getAttribute('href'))!)
  expect(`${google.origin}${google.pathname}`).toBe('https://calendar.google.com/calendar/render')
  expect(google.searchParams.get('action')).toBe('TEMPLATE')
  expect(google.searchParams.get('text')).toBe(title)
  expect(google.searchParams.get('dates')).toMatch(/^\d{8}T\d{6}Z\/\d{8}T\d{6}Z$/)
  expect(google.searchParams.get('details')).toContain('Bumi Manusia')
  await expect(result.getByTestId('ics-file')).toHaveAttribute('href', `/api/events/${eventId}/calendar.ics`)
  const ics = await page.request.get(`/api/events/${eventId}/calendar.ics`)
  expect(ics.headers()['content-type']).toContain('text/calendar')
  const whatsapp = result.getByRole('link', { name: /Simpan konfirmasi di WhatsApp/ })
  await expect(whatsapp).toHaveAttribute('href', /^https:\/\/wa\.me\/6281234567890\?text=/)
  await expect(result).not.toContainText('.ics')
  await noSidewaysScroll(page)
  await expectAccessible(page, 'registration confirmation')

  // The manage link from the e-mail: an online event has no check-in QR code.
  const manage = await manageLinkFromMail(page.request, patron.email)
  await page.goto(manage)
  await expect(page.getByTestId('registration-status')).toContainText('Terkonfirmasi')
  await expect(page.getByTestId('checkin-qr')).toHaveCount(0)
  await expect(page.getByTestId('manage-calendar').getByRole('link', { name: /Google Kalender/ })).toBeVisible()
  await expect(page.getByTestId('whatsapp-confirmation')).toBeVisible()

  // Cancelled: nothing to keep any more, but a way back.
  await page.getByRole('button', { name: 'Batalkan pendaftaran' }).click()
  await page.getByRole('button', { name: 'Ya, batalkan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Pendaftaran Anda sudah dibatalkan.' })).toBeVisible()
  await expect(page.getByTestId('whatsapp-confirmation')).toHaveCount(0)
  await expect(page.getByTestId('manage-calendar')).toHaveCount(0)
  const cancelledIcs = await (await page.request.get(`/api${manage.replace('/acara/pendaftaran/', '/registrations/')}/calendar.ics`)).text()
  expect(cancelledIcs).toContain('STATUS:CANCELLED')
  expect(cancelledIcs).not.toContain('STATUS:CONFIRMED')
  await expectAccessible(page, 'cancelled registration')
  await page.getByTestId('register-again').click()
  await expect(page).toHaveURL(new RegExp(`/acara/${eventId}#daftar$`))
  await expect(page.getByLabel('Nama', { exact: true })).toBeFocused()
})

test('a series registration', async ({ page }) => {
  test.setTimeout(150_000)
  const stamp = Date.now()
  const seriesTitle = `Klub Buku Remaja ${stamp}`
  // The first session 20 to 200 days ahead at 15.00 WITA; then monthly.
  const first = new Date(Date.now() + (20 + Math.floor(Math.random() * 180)) * 86_400_000)
  const firstLocal = `${witaLocal(first).slice(0, 10)}T15:00`

  // Staff create the series on its own screen.
  await logIn(page, STAFF, '/staf/acara')
  await page.getByRole('link', { name: 'Buat seri acara' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Seri acara baru' })).toBeVisible()
  await page.getByLabel('Judul seri').fill(seriesTitle)
  await page.getByLabel('Deskripsi').fill('Bertemu sebulan sekali membahas buku pilihan anggota.')
  await page.getByLabel('Jenis acara').selectOption('BOOK_CLUB')
  await page.getByLabel('Untuk', { exact: true }).selectOption('TEENS')
  await page.getByLabel('Pertemuan pertama mulai (WITA)').fill(firstLocal)
  await page.getByLabel('Lama tiap pertemuan (menit)').fill('90')
  await page.getByLabel('Jumlah pertemuan').fill('3')
  await page.getByLabel('Kapasitas').fill('25')
  await page.getByLabel('Tautan bergabung').fill('https://zoom.us/j/81234567890')
  await expectAccessible(page, 'series form')
  await page.getByRole('button', { name: 'Buat seri' }).click()
  const created = page.getByTestId('series-created')
  await expect(created.getByRole('heading', { name: 'Seri dibuat: 3 pertemuan sudah terbit' })).toBeFocused()
  await expect(created.getByRole('listitem')).toHaveCount(3)
  await expectAccessible(page, 'series created')

  // The catalogue shows the series as one card, with how many sessions are ahead.
  await page.goto(`/acara?from=${firstLocal.slice(0, 10)}`)
  const cards = page.getByRole('article').filter({ hasText: seriesTitle })
  await expect(cards).toHaveCount(1)
  await expect(cards.getByTestId('series-badge')).toHaveText('Seri · 3 pertemuan')
  await noSidewaysScroll(page)
  await expectAccessible(page, 'catalogue with a series')

  // The event page lists the sessions with their dates, and offers all of them at once.
  await cards.getByRole('link', { name: seriesTitle }).click()
  const sessions = page.getByTestId('series-sessions')
  await expect(sessions.getByRole('listitem')).toHaveCount(3)
  await expect(sessions.getByRole('listitem').nth(1)).toContainText('15.00 WITA')
  const sessionIds = await sessions.getByRole('link').evaluateAll((links) =>
    links.map((a) => Number((a as HTMLAnchorElement).pathname.split('/').pop())),
  )
  expect(sessionIds).toHaveLength(2)
  await page.getByTestId('sticky-register').getByRole('button').click()
  await page.getByLabel(/Semua pertemuan yang masih dibuka \(3 pertemuan\)/).check()
  const patron = newVisitor('seri')
  await page.getByLabel('Nama', { exact: true }).fill(patron.displayName)
  await page.getByLabel('Email').fill(patron.email)
  await page.locator('form.registration-form').getByRole('button', { name: 'Daftar semua pertemuan' }).click()
  const result = page.getByTestId('registration-result')
  await expect(result).toContainText('Anda terdaftar untuk 3 pertemuan')
  await expect(result.getByTestId('google-calendar')).toHaveCount(3)
  await expect(result.getByTestId('ics-file')).toHaveCount(3)
  await expect(result.getByRole('link', { name: /Simpan konfirmasi di WhatsApp/ })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/)
  await expectAccessible(page, 'series registration received')

  // One e-mail with a manage link per session.
  const mails = (await (await page.request.get(`/api/e2e/mails?to=${encodeURIComponent(patron.email)}`)).json()) as {
    subject: string
    text: string
  }[]
  expect(mails).toHaveLength(1)
  expect(mails[0]!.subject).toContain(seriesTitle)
  expect([...mails[0]!.text.matchAll(/\/acara\/pendaftaran\/[\w-]{43}/g)]).toHaveLength(3)

  // Staff move the second session's registrants to a rescheduled event.
  const headers = await staffHeaders(page.request)
  const rescheduledStart = new Date(first.getTime() + 45 * 86_400_000)
  const target = await page.request.post('/api/events', {
    headers,
    data: {
      title: `${seriesTitle} (jadwal baru)`,
      description: 'Pertemuan kedua dipindah ke tanggal baru.',
      type: 'BOOK_CLUB',
      audience: 'TEENS',
      language: 'id',
      startsAt: rescheduledStart.toISOString(),
      endsAt: new Date(rescheduledStart.getTime() + 90 * 60_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/81234567899',
      capacity: 25,
    },
  })
  expect(target.status()).toBe(201)
  const targetId = (await target.json()).id as number
  expect((await page.request.post(`/api/events/${targetId}/publish`, { headers })).status()).toBe(200)
  await page.goto(`/staf/acara/${sessionIds[0]}/pindahkan`)
  await expect(page.getByRole('heading', { level: 1, name: 'Pindahkan pendaftar ke jadwal baru' })).toBeVisible()
  await page.getByLabel('Pindahkan ke acara').selectOption(String(targetId))
  await page.getByRole('button', { name: 'Pindahkan pendaftar' }).click()
  await page.getByRole('button', { name: 'Ya, pindahkan' }).click()
  await expect(page.getByTestId('move-result')).toContainText('1 pendaftar dipindahkan: 1 mendapat kursi, 0 di daftar tunggu.')
  await expectAccessible(page, 'registrants moved')
})
