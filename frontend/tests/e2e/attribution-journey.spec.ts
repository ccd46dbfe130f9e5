import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { query } from './e2e-sql'
import { DEMO, expectAccessible, logIn, newVisitor } from './support'

/**
 * Issue 22's journey: staff record a partner (a local radio) and give them a link to a published event, through the
 * partner pages; a patron on a phone opens the link, lands on the event without the code in the address, and
 * registers; the partner's funnel then shows that click and that registration, and the registration holds only the
 * link's code.
 */
const STAFF = DEMO.staff
// A phone's own browser: the redirect counts people, and Playwright's "HeadlessChrome" is not what a patron sends.
const PHONE_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'

async function staffHeaders(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: STAFF })
  expect(login.status()).toBe(200)
  return { Authorization: `Bearer ${(await login.json()).token}` }
}

async function publishedEvent(request: APIRequestContext, title: string): Promise<number> {
  const headers = await staffHeaders(request)
  const start = new Date(Date.now() + 7 * 24 * 3600_000)
  const created = await request.post('/api/events', {
    headers,
    data: {
      title,
      description: 'Bedah buku "Laskar Pelangi" bersama komunitas pembaca Banjarbaru.',
      type: 'BOOK_DISCUSSION',
      audience: 'ALL',
      language: 'id',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/5550003333',
      capacity: 40,
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id as number
  expect((await request.post(`/api/events/${id}/publish`, { headers })).status()).toBe(200)
  return id
}

/** A stage's figure in the funnel's table (the panel of the partner page). */
const figure = (page: Page, stage: string) => page.getByTestId(`funnel-${stage}`).getByTestId('funnel-count')

test('a partner\'s link on a phone: the click and the registration in the partner\'s funnel', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const stamp = Date.now()
  const title = `Bedah Buku Laskar Pelangi ${stamp}`
  const partnerName = `Radio Suara Banjar ${stamp}`
  const eventId = await publishedEvent(page.request, title)

  // Staff record the partner through the partners page.
  await logIn(page, STAFF, '/staf/mitra')
  await expect(page.getByRole('heading', { level: 1, name: 'Mitra' })).toBeVisible()
  await expectAccessible(page, 'the partners page')
  await page.getByLabel('Nama', { exact: true }).fill(partnerName)
  await page.getByLabel('Jenis', { exact: true }).selectOption('RADIO')
  await page.getByLabel('Kontak (opsional)').fill('WA 0812-0000-1111')
  await page.getByRole('button', { name: 'Simpan mitra' }).click()
  await expect(page).toHaveURL(/\/staf\/mitra\/\d+\?baru=1$/)
  await expect(page.getByRole('heading', { level: 1, name: partnerName })).toBeVisible()

  // ... and give them a link to the event, labelled for where they use it.
  const target = page.getByLabel('Pilih yang dituju')
  await expect(target.locator('option', { hasText: title })).toHaveCount(1)
  await target.selectOption((await target.locator('option', { hasText: title }).getAttribute('value'))!)
  await page.getByLabel('Label (opsional)').fill('Siaran Sabtu pagi')
  await page.getByRole('button', { name: 'Buat tautan' }).click()
  const link = page.getByTestId('partner-link').filter({ hasText: 'Siaran Sabtu pagi' })
  await expect(link).toContainText(`Acara: ${title}`)
  const url = await link.getByTestId('partner-link-url').inputValue()
  expect(url).toMatch(/\/l\/[2-9a-hjkmnp-z]{10}$/)
  const code = url.split('/').pop()!
  await expect(figure(page, 'clicks')).toHaveText('0')
  await expectAccessible(page, 'the partner page with a link')

  // A patron opens the link on a phone: the event, without the code in the address.
  const phone = await browser.newContext({
    viewport: { width: 360, height: 800 },
    isMobile: true,
    hasTouch: true,
    userAgent: PHONE_USER_AGENT,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
  })
  try {
    const patronPage = await phone.newPage()
    await patronPage.goto(url)
    await expect(patronPage).toHaveURL(new RegExp(`/acara/${eventId}$`))
    await expect(patronPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
    const patron = newVisitor('mitra')
    await patronPage.getByLabel('Nama', { exact: true }).fill(patron.displayName)
    await patronPage.getByLabel('Email').fill(patron.email)
    await patronPage.locator('form.registration-form').getByRole('button', { name: 'Daftar', exact: true }).click()
    await expect(patronPage.getByTestId('registration-result').getByRole('heading', { name: 'Pendaftaran diterima' })).toBeVisible()
    expect(await patronPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  } finally {
    await phone.close()
  }

  // The registration holds the link's code, and nothing else of the visit.
  expect(query(`select ref_code from registration where event_id = ${eventId}`)).toBe(code)

  // Staff see the click (once the counts are flushed: a second or so) and the registration in the partner's funnel.
  await expect
    .poll(
      async () => {
        await page.reload()
        await expect(figure(page, 'registrations')).toBeVisible()
        return [await figure(page, 'clicks').textContent(), await figure(page, 'registrations').textContent()]
      },
      { message: 'the partner funnel shows 1 click and 1 registration', timeout: 20_000, intervals: [1_000, 2_000] },
    )
    .toEqual(['1', '1'])
  await expectAccessible(page, 'the partner page with its funnel')
})
