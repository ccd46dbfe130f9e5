import { expect, test, type APIRequestContext } from '@playwright/test'
// The universal entry (fflate) reads the zip's central directory, as Excel does; the node entry's streaming unzip
// cannot follow entries whose sizes come after their data (as fastexcel writes them).
import { readSheet } from 'read-excel-file/universal'
import { DEMO, expectAccessible, logIn, newVisitor } from './support'

/**
 * Issue 17 points 6 and 11: staff e-mail an event's registrants from the registrants page, and download the
 * registrants as an .xlsx that a spreadsheet library reads back with Indonesian headers and statuses.
 */
const STAFF = DEMO.staff

/** A published event (capacity 1) with a confirmed and a waitlisted guest, made through the API. */
async function eventWithRegistrants(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: STAFF })
  const headers = { Authorization: `Bearer ${(await login.json()).token}` }
  const now = Date.now()
  const title = `Klub Buku Remaja ${now}`
  const created = await request.post('/api/events', {
    headers,
    data: {
      title,
      description: 'Membahas buku pilihan bulan ini bersama teman sebaya.',
      type: 'BOOK_CLUB',
      audience: 'TEENS',
      language: 'id',
      startsAt: new Date(now + 3 * 86_400_000).toISOString(),
      endsAt: new Date(now + 3 * 86_400_000 + 90 * 60_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/9876543210',
      capacity: 1,
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id as number
  expect((await request.post(`/api/events/${id}/publish`, { headers })).status()).toBe(200)
  const confirmed = newVisitor('pesan-konfirmasi')
  const waiting = newVisitor('pesan-tunggu')
  for (const guest of [confirmed, waiting]) {
    const registered = await request.post(`/api/events/${id}/registrations`, { data: { name: guest.displayName, email: guest.email } })
    expect(registered.status()).toBe(202)
  }
  return { id, title, confirmed, waiting }
}

async function mailsTo(request: APIRequestContext, email: string) {
  const answer = await request.get(`/api/e2e/mails?to=${encodeURIComponent(email)}`)
  expect(answer.status(), 'the e2e mailbox (QUARKUS_PROFILE=e2e with the mock mailer)').toBe(200)
  return (await answer.json()) as { subject: string; text: string }[]
}

test('staff e-mail the confirmed registrants: they see the count, send, and see the history', async ({ page }) => {
  const { id, confirmed, waiting } = await eventWithRegistrants(page.request)
  await logIn(page, STAFF, `/staf/acara/${id}/pendaftar`)
  const form = page.getByRole('region', { name: 'Kirim pesan ke pendaftar' })
  await expect(form).toBeVisible()
  await expect(form.getByText('Akan dikirim ke 2 orang.')).toBeVisible()
  await form.getByLabel('Penerima').selectOption({ label: 'Terkonfirmasi (1 orang)' })
  await expect(form.getByText('Akan dikirim ke 1 orang.')).toBeVisible()
  // E-mail only: nobody here opted in to WhatsApp, and this is the e-mail path.
  await form.getByLabel('WhatsApp bila pendaftar setuju').uncheck()

  // An empty form is refused in the page, with the field named.
  await form.getByRole('button', { name: 'Kirim e-mail ke 1 orang' }).click()
  await expect(form.getByLabel('Judul e-mail')).toBeFocused()

  const subject = `Tautan Zoom berubah ${id}`
  await form.getByLabel('Judul e-mail').fill(subject)
  await form.getByLabel('Isi pesan').fill('Mohon maaf, tautan Zoom untuk acara ini berubah. Tautan baru ada di halaman acara.')
  await expectAccessible(page, 'registrants page with the message form')
  await form.getByRole('button', { name: 'Kirim e-mail ke 1 orang' }).click()
  await expect(form.getByRole('status')).toContainText('sedang dikirim ke 1 orang')
  const item = form.getByRole('listitem').filter({ hasText: subject })
  await expect(item).toContainText('Kepada: Terkonfirmasi')
  await expect(form.getByLabel('Judul e-mail')).toHaveValue('')

  // The confirmed guest gets it, with their manage link; the waitlisted one does not.
  await expect.poll(async () => (await mailsTo(page.request, confirmed.email)).filter((m) => m.subject === subject).length,
    { message: 'the message in the confirmed guest\'s mailbox' }).toBe(1)
  const mail = (await mailsTo(page.request, confirmed.email)).find((m) => m.subject === subject)!
  expect(mail.text).toContain(`Halo ${confirmed.displayName},`)
  expect(mail.text).toContain('Mohon maaf, tautan Zoom untuk acara ini berubah.')
  expect(mail.text).toMatch(/\/acara\/pendaftaran\/[\w-]{43}/)
  expect((await mailsTo(page.request, waiting.email)).some((m) => m.subject === subject)).toBe(false)

  // The history says it went out, after a reload too.
  await page.reload()
  await expect(page.getByRole('region', { name: 'Kirim pesan ke pendaftar' }).getByRole('listitem').filter({ hasText: subject }))
    .toContainText('1 dari 1 e-mail terkirim')
  await expectAccessible(page, 'registrants page with the message history')
})

test('staff download the registrants as .xlsx, and a spreadsheet library reads it back in Indonesian', async ({ page }) => {
  const { id, confirmed, waiting } = await eventWithRegistrants(page.request)
  await logIn(page, STAFF, `/staf/acara/${id}/pendaftar`)
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Unduh Excel (.xlsx)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`pendaftar-acara-${id}.xlsx`)
  await expect(page.getByRole('status').filter({ hasText: 'File Excel sudah diunduh.' })).toBeAttached()

  const file = Buffer.concat(await (await download.createReadStream()).toArray())
  const rows = await readSheet(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength))
  expect(rows[0]).toEqual(['ID', 'Nama', 'E-mail', 'WhatsApp', 'Kelompok usia', 'Status', 'Terdaftar (WITA)',
    'Dikonfirmasi (WITA)', 'Dibatalkan (WITA)', 'Hadir (WITA)'])
  expect(rows).toHaveLength(3)
  expect(rows[1]![1]).toBe(confirmed.displayName)
  expect(rows[1]![5]).toBe('Terkonfirmasi')
  expect(rows[2]![2]).toBe(waiting.email)
  expect(rows[2]![5]).toBe('Daftar tunggu')
  // The registration time is a real date cell, read back as a Date (Excel keeps WITA wall-clock times).
  const registeredAt = rows[1]![6] as unknown as Date
  expect(registeredAt).toBeInstanceOf(Date)
  // Read as UTC, the cell's wall-clock time is WITA (UTC+8): now plus 8 hours, within the test's few minutes.
  expect(Math.abs(registeredAt.getTime() - (Date.now() + 8 * 3_600_000))).toBeLessThan(10 * 60_000)
})
