import { createHmac } from 'node:crypto'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { E2E_WHATSAPP } from '../../playwright.config'
import { query } from './e2e-sql'
import { DEMO, expectAccessible, logIn, newVisitor } from './support'

/**
 * Issue 18, WhatsApp for registrants, on a 360 px phone: a patron ticks the WhatsApp box when registering and the
 * Cloud API stand-in receives the confirmation template; staff see its delivery on the registrants page (read, as the
 * signed webhook reported it), send "Kirim pesan ke pendaftar" with WhatsApp, and see how it split between WhatsApp
 * and e-mail.
 */
test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true })

const STAFF = DEMO.staff

/** The WhatsApp messages to the registration of this e-mail: "notice state wamid" per line. */
function whatsappMessages(email: string): string {
  return query(
    `SELECT string_agg(m.notice || ' ' || m.state || ' ' || coalesce(m.wamid, '-'), E'\\n' ORDER BY m.id) FROM whatsapp_message m ` +
      `JOIN registration r ON r.id = m.registration_id WHERE r.email = '${email.replace(/'/g, "''")}'`,
  )
}

/** A webhook delivery of one status, as the Cloud API sends it, signed with the app secret. */
async function deliverStatus(request: APIRequestContext, wamid: string, number: string, status: string) {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: E2E_WHATSAPP.phoneNumberId },
      statuses: [{ id: wamid, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: number.slice(1) }],
    } }] }],
  })
  const signature = `sha256=${createHmac('sha256', E2E_WHATSAPP.appSecret).update(body).digest('hex')}`
  const answer = await request.post('/api/webhooks/whatsapp', {
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
    data: body,
  })
  expect(answer.status()).toBe(200)
}

async function mailsTo(request: APIRequestContext, email: string) {
  const answer = await request.get(`/api/e2e/mails?to=${encodeURIComponent(email)}`)
  expect(answer.status()).toBe(200)
  return (await answer.json()) as { subject: string; text: string }[]
}

test('a patron opts in to WhatsApp, staff see the delivery and message registrants by WhatsApp and e-mail', async ({ page }) => {
  const login = await page.request.post('/api/auth/login', { data: STAFF })
  const headers = { Authorization: `Bearer ${(await login.json()).token}` }
  const now = Date.now()
  const title = `Dongeng WhatsApp ${now}`
  const created = await page.request.post('/api/events', {
    headers,
    data: {
      title,
      description: 'Dongeng bersama untuk anak dan orang tua.',
      type: 'WORKSHOP',
      audience: 'CHILDREN',
      language: 'id',
      startsAt: new Date(now + 4 * 86_400_000).toISOString(),
      endsAt: new Date(now + 4 * 86_400_000 + 60 * 60_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/1234509876',
      capacity: 20,
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id as number
  expect((await page.request.post(`/api/events/${id}/publish`, { headers })).status()).toBe(200)
  const byMail = newVisitor('wa-surel')
  expect((await page.request.post(`/api/events/${id}/registrations`, { data: { name: byMail.displayName, email: byMail.email } })).status()).toBe(202)

  // The patron, on their phone, ticks the WhatsApp box.
  const patron = newVisitor('wa-pasien')
  const digits = String(10_000_000 + Math.floor(Math.random() * 89_999_999))
  const number = `+62812${digits}`
  await page.goto(`/acara/${id}`)
  await page.getByLabel('Nama', { exact: true }).fill(patron.displayName)
  await page.getByLabel('Email').fill(patron.email)
  await page.getByLabel('Nomor WhatsApp (opsional)').fill(`0812${digits}`)
  const optIn = page.getByLabel(/Kirim konfirmasi, pengingat, kabar kursi/)
  await optIn.check()
  await expectAccessible(page, 'registration form with the WhatsApp opt-in ticked')
  await page.locator('form.registration-form').getByRole('button', { name: 'Daftar', exact: true }).click()
  await expect(page.getByTestId('registration-result').getByRole('heading', { name: 'Pendaftaran diterima' })).toBeFocused()

  // The stand-in took the confirmation template (its wamid names the template).
  await expect.poll(() => whatsappMessages(patron.email), { timeout: 20_000 }).toMatch(/^CONFIRMED SENT wamid\.serambi_confirmed\./)
  const wamid = whatsappMessages(patron.email).split(' ')[2]!
  await deliverStatus(page.request, wamid, number, 'delivered')
  await deliverStatus(page.request, wamid, number, 'read')

  // Staff see it on the registrants page, in words (the icon is only decoration).
  await logIn(page, STAFF, `/staf/acara/${id}/pendaftar`)
  const row = page.getByRole('row').filter({ hasText: patron.displayName })
  await expect(row).toContainText('WhatsApp: setuju')
  await expect(row).toContainText('pesan terakhir dibaca')
  await expect(page.getByRole('row').filter({ hasText: byMail.displayName })).not.toContainText('WhatsApp')
  await expectAccessible(page, 'registrants page with WhatsApp states')

  // "Kirim pesan ke pendaftar" with WhatsApp (on by default): one by WhatsApp, one by e-mail.
  const form = page.getByRole('region', { name: 'Kirim pesan ke pendaftar' })
  const whatsapp = form.getByLabel('WhatsApp bila pendaftar setuju')
  await expect(whatsapp).toBeChecked()
  const subject = `Bawa bantal ${now}`
  await form.getByLabel('Judul e-mail').fill(subject)
  await form.getByLabel('Isi pesan').fill('Halo,\n\nbesok bawa bantal kecil ya.\nSampai jumpa!')
  await form.getByRole('button', { name: 'Kirim ke 2 orang: WhatsApp bila setuju, selain itu e-mail' }).click()
  await expect(form.getByRole('status')).toContainText('1 lewat WhatsApp, 1 lewat e-mail')
  const item = form.getByRole('listitem').filter({ hasText: subject })
  await expect(item).toContainText('1 lewat WhatsApp · 1 lewat e-mail')
  await expectAccessible(page, 'registrants page after a message by WhatsApp and e-mail')

  // Outside the 24-hour window (the patron never wrote to the library): the template, not free text.
  await expect.poll(() => whatsappMessages(patron.email), { timeout: 20_000 }).toMatch(/STAFF_MESSAGE SENT wamid\.serambi_staff_message\./)
  await expect.poll(async () => (await mailsTo(page.request, byMail.email)).filter((m) => m.subject === subject).length, { timeout: 30_000 }).toBe(1)
  expect((await mailsTo(page.request, patron.email)).some((m) => m.subject === subject)).toBe(false)
  await page.reload()
  await expect(page.getByRole('row').filter({ hasText: patron.displayName })).toContainText('pesan terakhir terkirim')
})
