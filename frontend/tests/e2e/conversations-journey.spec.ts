import { createHmac } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { E2E_WHATSAPP } from '../../playwright.config'
import { query } from './e2e-sql'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * The staff inbox against the real backend: a Messenger message arrives through Meta's signed webhook; staff, with the
 * inbox open, see it appear live (SSE), open it, take it on, hand it to another member of staff, mark the contact as a
 * minor, add an internal note, pick a saved reply (filled by the server), try to send it (no Page is connected: the 409
 * is explained), set the thread Selesai, find it again with the filters, read the response-time report from the
 * dashboard and delete the saved reply after confirming. The pages are checked with axe and at 360 px for horizontal
 * overflow. Then a WhatsApp message arrives the same way, and staff's reply goes out through the Cloud API's stand-in.
 */

// The e2e profile's Meta app secret (playwright.config.ts SERAMBI_SOCIAL_META_APP_SECRET).
const APP_SECRET = 'e2e-meta-secret'
const stamp = `${Date.now()}`
const sender = `77${stamp}`
const text = `Apakah bedah buku Sabtu ini masih bisa daftar? (${stamp})`

function messengerDelivery(): string {
  const at = Date.now()
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: '102030405060',
        time: at,
        messaging: [
          { sender: { id: sender }, recipient: { id: '102030405060' }, timestamp: at, message: { mid: `m_${stamp}`, text } },
        ],
      },
    ],
  })
}

test('a message arrives live; staff take it on, hand it over, mark a minor, note it, reply, close it, filter, read the response times', async ({ page }) => {
  await logIn(page, DEMO.staff, '/staf/percakapan/balasan-tersimpan')

  // A saved reply to pick later.
  const title = `Cara mendaftar ${stamp}`
  await page.getByLabel('Judul').fill(title)
  await page.getByLabel('Isi (Bahasa Indonesia)').fill('Halo {nama}, pendaftaran {acara} ada di {tautan}.')
  await page.getByLabel('Isi (English)').fill('Hi {nama}, register for {acara} at {tautan}.')
  await page.getByRole('button', { name: 'Tambah balasan' }).click()
  await expect(page.getByRole('heading', { name: title })).toBeVisible()

  await page.getByRole('link', { name: 'Kembali ke percakapan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Percakapan' })).toBeVisible()
  await expectAccessible(page, 'the inbox')

  // The message arrives while the inbox is open.
  const body = messengerDelivery()
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body, 'utf8').digest('hex')}`
  const delivered = await page.request.post('/api/webhooks/meta', {
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
    data: body,
  })
  expect(delivered.status()).toBe(200)
  const row = page.getByRole('button', { name: new RegExp(stamp) })
  await expect(row).toBeVisible({ timeout: 15_000 })
  await expect(row).toContainText('Facebook')
  await expect(row).toContainText('Baru')

  await row.click()
  const thread = page.getByRole('region', { name: 'Percakapan terbuka' })
  await expect(thread.getByText(text, { exact: true }).first()).toBeVisible()

  await thread.getByRole('button', { name: 'Tangani sendiri' }).click()
  await expect(thread.getByText('Ditangani Rina Wulandari')).toBeVisible()

  // Handed to another member of staff, picked by name.
  await thread.getByLabel('Tugaskan ke staf lain').selectOption({ label: 'Admin Perpustakaan' })
  await thread.getByRole('button', { name: 'Tugaskan', exact: true }).click()
  await expect(thread.getByText('Ditangani Admin Perpustakaan')).toBeVisible()

  // The contact turns out to be a minor: their messages are minors' data from now on.
  const minor = thread.getByLabel('Kontak ini anak di bawah umur')
  await minor.check()
  await expect(thread.getByRole('status')).toHaveText('Kontak ditandai sebagai anak.')
  await expect(minor).toBeChecked()

  await thread.getByLabel('Catatan baru').fill('Sudah dicek: kuota masih ada 5 kursi.')
  await thread.getByRole('button', { name: 'Simpan catatan' }).click()
  await expect(thread.locator('.note').getByText('Sudah dicek: kuota masih ada 5 kursi.')).toBeVisible()
  await expect(thread.getByText('Catatan internal: tidak terlihat oleh publik')).toBeVisible()

  await thread.getByLabel('Balasan tersimpan').selectOption({ label: title })
  await thread.getByLabel(/Nama acara/).fill('Bedah Buku: Laskar Pelangi')
  await thread.getByLabel(/Tautan \(untuk/).fill('https://serambi.example/acara/12')
  await thread.getByRole('button', { name: 'Pakai balasan' }).click()
  const replyBox = thread.getByLabel('Balasan (terlihat oleh kontak)')
  await expect(replyBox).toHaveValue(/pendaftaran Bedah Buku: Laskar Pelangi ada di https:\/\/serambi\.example\/acara\/12\./)

  // No Facebook Page is connected in this run: the reply is refused with a plain explanation, and the text stays.
  await thread.getByRole('button', { name: 'Kirim balasan' }).click()
  await expect(thread.getByText(/belum terhubung ke Serambi/)).toBeVisible()
  await expect(replyBox).not.toHaveValue('')

  await thread.getByLabel('Status percakapan').selectOption({ label: 'Selesai' })
  await expect(thread.locator('.thread__head')).toContainText('Selesai')
  await expect(row).toContainText('Selesai')
  await expectAccessible(page, 'an open thread')

  // The filters: closed threads with the stamp find it; unassigned ones do not (it is Admin Perpustakaan's).
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Selesai' })
  await page.getByLabel('Cari nama atau pesan').fill(stamp)
  await page.getByRole('button', { name: 'Cari', exact: true }).click()
  await expect(row).toBeVisible()
  await page.getByLabel('Petugas', { exact: true }).selectOption({ label: 'Belum ditugaskan' })
  await expect(page.getByText('Belum ada percakapan', { exact: true })).toBeVisible()
  await expect(row).toHaveCount(0)

  // The response-time report, reached from the dashboard: the closed Messenger thread counts in the resolution times.
  await page.goto('/staf/konten/dasbor')
  await page.getByRole('link', { name: 'Waktu respons kotak masuk' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Waktu respons' })).toBeVisible()
  await expect(page.getByText(/Median: separuh percakapan lebih cepat/)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Respons pertama' })).toBeVisible()
  const resolution = page.getByRole('region', { name: 'Penyelesaian per kanal' })
  await expect(resolution.getByRole('row', { name: /Facebook/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Penyelesaian: keseluruhan' }).getByRole('columnheader', { name: 'p90' })).toBeVisible()
  await expect(page.getByRole('img', { name: /Penyelesaian per minggu/ })).toBeVisible()
  await expectAccessible(page, 'the response-time report')

  // Deleting a saved reply asks first.
  await page.goto('/staf/percakapan/balasan-tersimpan')
  const saved = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) })
  await saved.getByRole('button', { name: 'Hapus' }).click()
  await expect(saved.getByText(`Hapus balasan tersimpan “${title}”? Tindakan ini tidak bisa dibatalkan.`)).toBeVisible()
  await expectAccessible(page, 'the delete question')
  await saved.getByRole('button', { name: 'Ya, hapus' }).click()
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0)

  await page.setViewportSize({ width: 360, height: 740 })
  const narrowPages: Array<[string, string]> = [
    ['/staf/percakapan', 'Percakapan'],
    ['/staf/percakapan/waktu-respons', 'Waktu respons'],
  ]
  for (const [path, heading] of narrowPages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, path).toBeLessThanOrEqual(0)
  }
})

test('a WhatsApp message arrives live and staff answer it inside the 24-hour window; the Cloud API gets the reply', async ({ page }) => {
  const at = Date.now()
  const waId = `62852${String(at).slice(-8)}`
  const question = `Min, besok ada bedah buku jam berapa? (${at})`
  await logIn(page, DEMO.staff, '/staf/percakapan')
  await expect(page.getByRole('heading', { level: 1, name: 'Percakapan' })).toBeVisible()

  // The Cloud API's webhook delivery of an inbound text, signed with the app secret, while the inbox is open.
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: E2E_WHATSAPP.phoneNumberId },
      contacts: [{ profile: { name: 'Nur Aisyah' }, wa_id: waId }],
      messages: [{ from: waId, id: `wamid.E2E${at}`, timestamp: String(Math.floor(at / 1000)), type: 'text', text: { body: question } }],
    } }] }],
  })
  const signature = `sha256=${createHmac('sha256', E2E_WHATSAPP.appSecret).update(body, 'utf8').digest('hex')}`
  const delivered = await page.request.post('/api/webhooks/whatsapp', {
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
    data: body,
  })
  expect(delivered.status()).toBe(200)
  const row = page.getByRole('button', { name: new RegExp(String(at)) })
  await expect(row).toBeVisible({ timeout: 15_000 })
  await expect(row).toContainText('WhatsApp')
  await row.click()

  const thread = page.getByRole('region', { name: 'Percakapan terbuka' })
  await expect(thread.getByText(question, { exact: true }).first()).toBeVisible()
  // Staff's switch of the WhatsApp auto-answers is here, off by default (this message was not answered on its own).
  await expect(page.getByRole('switch', { name: 'Jawab otomatis pesan WhatsApp' })).not.toBeChecked()
  // Tanya Perpustakaan suggests answers from the FAQ: a click puts one in the reply box (and the focus there), unsent.
  const suggestion = thread.getByRole('group', { name: 'Saran jawaban' }).getByRole('button').first()
  await expect(suggestion).toBeVisible()
  await suggestion.click()
  await expect(thread.getByLabel('Balasan (terlihat oleh kontak)')).not.toHaveValue('')
  await expect(thread.getByLabel('Balasan (terlihat oleh kontak)')).toBeFocused()
  const answer = `Halo Kak Nur, bedah buku mulai pukul 19.00 WITA. (${at})`
  await thread.getByLabel('Balasan (terlihat oleh kontak)').fill(answer)
  await thread.getByRole('button', { name: 'Kirim balasan' }).click()
  // Sent as free text (the contact wrote within 24 hours), shown in the thread as sent, waiting on the patron.
  await expect(thread.getByText(answer, { exact: true })).toBeVisible()
  await expect(thread.getByText('Terkirim', { exact: false }).first()).toBeVisible()
  await expect(thread.locator('.thread__head')).toContainText('Menunggu')
  await expectAccessible(page, 'a WhatsApp thread after the reply')

  // The Cloud API took it: the reply carries the wamid the stand-in answered for free text (a template would say so).
  const wamid = query(
    `SELECT m.external_id FROM conversation_message m JOIN conversation_thread t ON t.id = m.thread_id ` +
      `WHERE t.channel = 'WHATSAPP' AND t.contact_id = '+${waId}' AND m.direction = 'OUT' AND m.delivery = 'SENT'`,
  )
  expect(wamid).toMatch(/^wamid\.text\./)
})
