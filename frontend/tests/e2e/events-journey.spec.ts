import { expect, test, type Page } from '@playwright/test'
import { DEMO, expectAccessible, logIn, manageLinkFromMail, manageTokenFromMail, newVisitor } from './support'
import { sql } from './e2e-sql'

/**
 * The virtual-events journey against the real backend: staff create and publish an event with one seat; a patron
 * takes the seat, a second joins the waitlist, the first cancels and the second moves up; staff check them in.
 */

/** Demo staff of the e2e profile's demo data (README); SERAMBI_E2E_STAFF_* for another running app. */
const STAFF = DEMO.staff

const stamp = `${Date.now()}`
const title = `Diskusi Buku E2E ${stamp}`
const joinUrl = `https://zoom.us/j/${stamp.slice(-10)}`
// A day of its own, 30 to 330 days ahead, so the date filter finds this run's event among earlier runs'.
const day = new Date(Date.now() + (30 + Math.floor(Math.random() * 300)) * 86_400_000)
const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day)

const first = newVisitor('peserta1')
const second = newVisitor('peserta2')
let eventId = ''
let firstManage = ''
let secondManage = ''

/** On a phone the main navigation sits behind the menu button. */
async function openMenuOnAPhone(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu' })
  if (await menu.isVisible()) await menu.click()
}

async function register(page: Page, visitor: ReturnType<typeof newVisitor>) {
  await page.getByLabel('Nama', { exact: true }).fill(visitor.displayName)
  await page.getByLabel('Email').fill(visitor.email)
  // The form's own button ("Daftar", or "Masuk daftar tunggu" once full), not the one that stays in view.
  await page.locator('form.registration-form').getByRole('button').click()
  const result = page.getByTestId('registration-result')
  await expect(result).toBeVisible()
  return result
}

test.describe.serial('virtual events', () => {
  // Patrons come on cheap phones: the whole journey runs on a 360 px wide screen.
  test.use({ viewport: { width: 360, height: 740 } })

  test('staff create an event with one seat and publish it', async ({ page }) => {
    await logIn(page, STAFF, '/staf/acara')
    await openMenuOnAPhone(page)
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' })
    await expect(nav.getByRole('link', { name: 'Kelola acara' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Kelola acara' })).toBeVisible()
    await expectAccessible(page, 'staff events')

    await page.getByRole('link', { name: 'Buat acara' }).click()
    await expect(page).toHaveURL(/\/staf\/acara\/baru$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Acara baru' })).toBeVisible()

    // The end before the start is caught next to the field.
    await page.getByLabel('Judul').fill(title)
    await page.getByLabel('Deskripsi').fill('Membahas novel Laskar Pelangi bersama komunitas pembaca Banjarbaru.')
    await page.getByLabel('Jenis acara').selectOption('BOOK_DISCUSSION')
    await page.getByLabel('Mulai (WITA)', { exact: true }).fill(`${date}T19:00`)
    await page.getByLabel('Selesai (WITA)', { exact: true }).fill(`${date}T18:00`)
    await page.getByLabel('Tautan bergabung').fill(joinUrl)
    await page.getByLabel('Kapasitas').fill('1')
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
    await expect(page.getByLabel('Selesai (WITA)', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('Waktu selesai harus setelah waktu mulai.').first()).toBeVisible()
    await expectAccessible(page, 'event form with errors')

    // A rule only the server knows (registration closing after the end) comes back as a 400 next to its field.
    await page.getByLabel('Selesai (WITA)', { exact: true }).fill(`${date}T20:30`)
    const closes = page.getByLabel('Pendaftaran ditutup (WITA)', { exact: true })
    await closes.fill(`${date}T21:00`)
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
    await expect(closes).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByRole('alert')).toContainText('Pendaftaran ditutup (WITA)')
    await expect(page).toHaveURL(/\/staf\/acara\/baru$/)

    await closes.fill('')
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
    await expect(page).toHaveURL(/\/staf\/acara\/\d+\/ubah$/)
    eventId = page.url().match(/acara\/(\d+)\/ubah/)![1]!
    await expect(page.getByRole('status').filter({ hasText: 'Acara disimpan sebagai draf.' })).toBeVisible()
    await expect(page.getByTestId('event-status')).toHaveText('Draf')
    // The times come back as they were typed: WITA in, UTC on the wire, WITA out.
    await expect(page.getByLabel('Mulai (WITA)', { exact: true })).toHaveValue(`${date}T19:00`)

    // Publishing asks first.
    await page.getByRole('button', { name: 'Terbitkan' }).click()
    await expect(page.getByText('Terbitkan acara ini?')).toBeFocused()
    await expectAccessible(page, 'event form, confirming publication')
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click()
    await expect(page.getByTestId('event-status')).toHaveText('Terbit')
    await expect(page.getByRole('status').filter({ hasText: 'Acara diterbitkan.' })).toBeVisible()

    // The API stores the WITA time as UTC (19:00 WITA = 11:00 UTC) and writes it in its one format (milliseconds).
    const published = await page.request.get(`/api/events/${eventId}`)
    expect((await published.json()).startsAt).toBe(`${date}T11:00:00.000Z`)
  })

  test('patrons register; a cancellation moves the waitlist up', async ({ page }) => {
    // The catalogue, filtered to this event's day.
    await page.goto('/')
    await openMenuOnAPhone(page)
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Acara' }).click()
    await expect(page).toHaveURL(/\/acara$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Acara virtual' })).toBeVisible()
    // The events come first; the filters are behind "Saring".
    const toggle = page.getByRole('button', { name: 'Saring' })
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await expect(page.getByLabel('Dari tanggal')).toBeHidden()
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    // One field per line on the phone: "Semua jenis" is no longer cut to "Semua jeni".
    expect((await page.getByLabel('Jenis acara').boundingBox())!.width).toBeGreaterThan(250)
    await page.getByLabel('Dari tanggal').fill(date)
    await page.getByLabel('Sampai tanggal').fill(date)
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await expect(page).toHaveURL(new RegExp(`from=${date}`))
    const card = page.getByRole('article').filter({ hasText: title })
    await expect(card).toContainText('19.00–20.30 WITA')
    await expect(card).toContainText('Sisa 1 dari 1 kursi')
    await expect(card).toContainText('Zoom')
    await expectAccessible(page, 'catalogue')

    // The event page.
    await card.getByRole('link', { name: title }).click()
    await expect(page).toHaveURL(new RegExp(`/acara/${eventId}$`))
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page.getByText('(1 jam 30 menit)')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Kalender lain (unduh berkas)' })).toHaveAttribute('href', `/api/events/${eventId}/calendar.ics`)
    const share = await page.getByRole('link', { name: /Bagikan lewat WhatsApp/ }).getAttribute('href')
    expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/)
    expect(decodeURIComponent(share!.split('text=')[1]!)).toContain(`${title}`)
    expect(decodeURIComponent(share!.split('text=')[1]!)).toContain(`/acara/${eventId}`)
    await expectAccessible(page, 'event page')

    // Mistakes are caught before sending.
    await page.locator('form.registration-form').getByRole('button', { name: 'Daftar', exact: true }).click()
    await expect(page.getByLabel('Nama', { exact: true })).toBeFocused()
    await expect(page.getByLabel('Nama', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page, 'registration form with errors')

    // The first patron takes the only seat. The answer says only that the registration was received: the status,
    // the join link and the manage link arrive by e-mail (so the page tells nobody who is registered).
    const result = await register(page, first)
    await expect(result).toContainText('Pendaftaran diterima')
    await expect(result).toContainText('Cek email Anda')
    await expect(result).toContainText(first.email)
    await expect(result.getByRole('link', { name: 'Kalender lain (unduh berkas)' })).toHaveAttribute('href', `/api/events/${eventId}/calendar.ics`)
    await expect(result.getByRole('link', { name: /Bagikan lewat WhatsApp/ })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/)
    await expect(result.locator('a[href*="/acara/pendaftaran/"]')).toHaveCount(0)
    await expectAccessible(page, 'registration received')

    firstManage = await manageLinkFromMail(page.request, first.email)
    expect(firstManage).toMatch(/^\/acara\/pendaftaran\/[\w-]+$/)
    await page.goto(firstManage)
    await expect(page.getByRole('heading', { level: 1, name: 'Pendaftaran saya' })).toBeVisible()
    await expect(page.getByTestId('registration-status')).toContainText('Terkonfirmasi')
    await expect(page.getByTestId('join-url')).toContainText(joinUrl)
    await expectAccessible(page, 'manage page (confirmed)')

    // The second patron joins the waitlist, and the answer looks exactly the same.
    await page.goto(`/acara/${eventId}`)
    await expect(page.getByText('Kursi sudah penuh.')).toBeVisible()
    const waiting = await register(page, second)
    await expect(waiting).toContainText('Cek email Anda')
    secondManage = await manageLinkFromMail(page.request, second.email)
    await page.goto(secondManage)
    await expect(page.getByTestId('registration-status')).toContainText('Daftar tunggu')
    await expect(page.getByTestId('registration-status')).toContainText('Urutan ke-1 di daftar tunggu')
    await expect(page.getByTestId('join-url')).toHaveCount(0)
    await expectAccessible(page, 'manage page (waitlisted)')

    // The first cancels, after confirming.
    await page.goto(firstManage)
    await page.getByRole('button', { name: 'Batalkan pendaftaran' }).click()
    await expect(page.getByText('Yakin ingin membatalkan pendaftaran?')).toBeFocused()
    await page.getByRole('button', { name: 'Tidak, tetap terdaftar' }).click()
    await expect(page.getByRole('button', { name: 'Batalkan pendaftaran' })).toBeFocused()
    await page.getByRole('button', { name: 'Batalkan pendaftaran' }).click()
    await page.getByRole('button', { name: 'Ya, batalkan' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Pendaftaran Anda sudah dibatalkan.' })).toBeVisible()
    await expect(page.getByTestId('registration-status')).toContainText('Dibatalkan')
    await expect(page.getByTestId('join-url')).toHaveCount(0)
    await expectAccessible(page, 'manage page (cancelled)')

    // The second now holds the seat, and sees the join URL.
    await page.goto(secondManage)
    await expect(page.getByTestId('registration-status')).toContainText('Terkonfirmasi')
    await expect(page.getByTestId('join-url')).toContainText(joinUrl)
  })

  test('staff see the registrants, download the CSV and check someone in', async ({ page }) => {
    await logIn(page, STAFF, `/staf/acara/${eventId}/pendaftar`)
    await expect(page.getByRole('heading', { level: 1, name: 'Pendaftar' })).toBeVisible()
    await expect(page.getByRole('link', { name: title })).toBeVisible()
    // The registrants' own table (the page also shows the event's funnel, issue 22, in tables of its own).
    const rows = page.getByRole('table', { name: 'Pendaftar menurut urutan kedatangan' }).getByRole('row')
    await expect(rows).toHaveCount(3) // the header and two registrants, in arrival order
    await expect(rows.nth(1)).toContainText(first.displayName)
    await expect(rows.nth(1)).toContainText('Dibatalkan')
    await expect(rows.nth(2)).toContainText(second.displayName)
    await expect(rows.nth(2)).toContainText('Terkonfirmasi')
    await expectAccessible(page, 'registrants')

    const downloading = page.waitForEvent('download')
    // The registrants' button comes first; the funnel panel below has its own (issue 22).
    await page.getByRole('button', { name: 'Unduh CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(`pendaftar-acara-${eventId}.csv`)
    const csv = await (await download.createReadStream()).toArray()
    expect(Buffer.concat(csv).toString('utf8')).toContain(second.email)

    await page.getByRole('button', { name: `Catat hadir ${second.displayName}` }).click()
    await expect(page.getByRole('status').filter({ hasText: `${second.displayName} dicatat hadir.` })).toBeVisible()
    await expect(rows.nth(2)).toContainText('Hadir')
    await expect(page.getByRole('button', { name: `Catat hadir ${second.displayName}` })).toHaveCount(0)
    await expectAccessible(page, 'registrants after check-in')
  })
})

test('a patron rates an event that has started, with the keyboard; staff see the rating', async ({ page }) => {
  const login = await page.request.post('/api/auth/login', { data: STAFF })
  const headers = { Authorization: `Bearer ${(await login.json()).token}` }
  const now = Date.now()
  const created = await page.request.post('/api/events', {
    headers,
    data: {
      title: `Tanya Jawab Langsung ${now}`,
      description: 'Tanya jawab bersama pustakawan.',
      type: 'LIVE_QA',
      audience: 'ALL',
      language: 'id',
      startsAt: new Date(now + 10 * 60_000).toISOString(),
      endsAt: new Date(now + 50 * 60_000).toISOString(),
      platform: 'YOUTUBE_LIVE',
      joinUrl: 'https://youtube.com/live/serambi',
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id
  expect((await page.request.post(`/api/events/${id}/publish`, { headers })).status()).toBe(200)
  sql(`UPDATE event SET starts_at = now() - interval '10 minutes' WHERE id = ${id}`) // published before it started
  const patron = newVisitor('penilai')
  const registered = await page.request.post(`/api/events/${id}/registrations`, {
    data: { name: patron.displayName, email: patron.email },
  })
  expect(registered.status()).toBe(202)
  const token = await manageTokenFromMail(page.request, patron.email)

  await page.goto(`/pendaftaran/${token}`)
  await expect(page.getByTestId('registration-status')).toContainText('Terkonfirmasi')
  // The event has started: no cancelling any more, but feedback is open.
  await expect(page.getByRole('button', { name: 'Batalkan pendaftaran' })).toHaveCount(0)
  const feedback = page.getByRole('region', { name: 'Bagaimana acaranya?' })
  await feedback.getByRole('button', { name: 'Kirim penilaian' }).click()
  await expect(feedback.getByRole('alert')).toContainText('Pilih nilai dari 1 sampai 5.')

  // A radio group: one Tab stop, arrows move the choice.
  await feedback.getByRole('radio', { name: '1 dari 5' }).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(feedback.getByRole('radio', { name: '4 dari 5' })).toBeChecked()
  await expectAccessible(page, 'manage page with the feedback form')
  await page.keyboard.press('Tab')
  await expect(feedback.getByLabel('Komentar')).toBeFocused()
  await page.keyboard.type('Pustakawannya ramah dan jelas.')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Terima kasih atas penilaian Anda!' })).toBeVisible()
  await expect(feedback).toContainText('Anda sudah memberi penilaian untuk acara ini.')

  // Staff see it under the registrants.
  await page.evaluate((t) => localStorage.setItem('serambi.session', JSON.stringify({ token: t, expiresAt: null })), headers.Authorization.slice(7))
  await page.goto(`/staf/acara/${id}/pendaftar`)
  const summary = page.getByRole('region', { name: 'Penilaian peserta' })
  await expect(summary).toContainText('Rata-rata 4 dari 5 (1 penilaian)')
  await expect(summary).toContainText('Pustakawannya ramah dan jelas.')
  await expectAccessible(page, 'registrants with feedback')
})

test.describe('events on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

  test('the catalogue and the event page do not scroll sideways', async ({ page }) => {
    // An event of its own, with a long title, made through the API.
    const login = await page.request.post('/api/auth/login', { data: STAFF })
    const headers = { Authorization: `Bearer ${(await login.json()).token}` }
    const longTitle = `Lokakarya Menulis Cerita Anak Bersama Penulis Banjarbaru ${Date.now()}`
    const created = await page.request.post('/api/events', {
      headers,
      data: {
        title: longTitle,
        description: 'Belajar menulis cerita anak dari ide sampai naskah. '.repeat(8),
        type: 'WORKSHOP',
        audience: 'TEENS',
        language: 'id',
        startsAt: `${date}T02:00:00Z`,
        endsAt: `${date}T04:00:00Z`,
        platform: 'GOOGLE_MEET',
        joinUrl: 'https://meet.google.com/abc-defg-hij',
      },
    })
    expect(created.status()).toBe(201)
    const id = (await created.json()).id
    expect((await page.request.post(`/api/events/${id}/publish`, { headers })).status()).toBe(200)

    await page.goto(`/acara/${id}`)
    await expect(page.getByRole('heading', { level: 1, name: longTitle })).toBeVisible()
    await expect(page.getByText('Kursi tidak terbatas')).toBeVisible()
    await expect(page.getByTestId('sticky-register').getByRole('button', { name: 'Daftar', exact: true })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await expectAccessible(page, 'event page on a phone')

    await page.goto(`/acara?from=${date}&to=${date}`)
    await expect(page.getByRole('article').filter({ hasText: longTitle })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await expectAccessible(page, 'catalogue on a phone')
  })
})

test('a guest downloads their data, then erases it after confirming; the seat goes to the waitlist', async ({ page }) => {
  const login = await page.request.post('/api/auth/login', { data: STAFF })
  const headers = { Authorization: `Bearer ${(await login.json()).token}` }
  const start = Date.now() + (40 + Math.floor(Math.random() * 300)) * 86_400_000
  const created = await page.request.post('/api/events', {
    headers,
    data: {
      title: `Kelas Menulis ${start}`,
      description: 'Kelas menulis cerpen bersama pustakawan.',
      type: 'WORKSHOP',
      audience: 'ALL',
      language: 'id',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 90 * 60_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/5550001111',
      capacity: 1,
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id
  expect((await page.request.post(`/api/events/${id}/publish`, { headers })).status()).toBe(200)
  const guest = newVisitor('hapus')
  const waiting = newVisitor('antre')
  for (const who of [guest, waiting]) {
    const answer = await page.request.post(`/api/events/${id}/registrations`, {
      data: { name: who.displayName, email: who.email, whatsapp: '0812-3456-7890' },
    })
    expect(answer.status()).toBe(202)
  }
  const manage = await manageLinkFromMail(page.request, guest.email)

  await page.goto(manage)
  const data = page.getByTestId('my-data')
  await expect(data).toBeVisible()
  await expectAccessible(page, 'manage page with my data')
  const downloading = page.waitForEvent('download')
  await data.getByRole('link', { name: 'Unduh data saya' }).click()
  const download = await downloading
  const exported = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'))
  expect(exported.registration.email).toBe(guest.email)
  expect(exported.registration.whatsapp).toBe('+6281234567890')
  expect(exported.event.id).toBe(id)

  await data.getByRole('button', { name: 'Hapus data saya' }).click()
  await expect(page.getByText('Yakin ingin menghapus data Anda?')).toBeFocused()
  await page.getByRole('button', { name: 'Ya, hapus data saya' }).click()
  await expect(page.getByRole('heading', { name: 'Data Anda sudah dihapus' })).toBeFocused()
  await expectAccessible(page, 'data erased')

  // The link is dead; the seat went to the one waiting.
  await page.goto(manage)
  await expect(page.getByRole('alert')).toContainText('Tautan kelola ini tidak dikenal.')
  await page.goto(await manageLinkFromMail(page.request, waiting.email))
  await expect(page.getByTestId('registration-status')).toContainText('Terkonfirmasi')
})
