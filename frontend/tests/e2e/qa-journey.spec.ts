import { expect, test, type Browser, type Page } from '@playwright/test'
import { DEMO, expectAccessible, manageLinkFromMail, newVisitor } from './support'

/**
 * Live Q&A against the real backend: staff publish a LIVE_QA event; patron A registers and keeps the manage page
 * open (on a phone); patron B registers and asks; staff approve; A sees the question arrive without a reload,
 * upvotes it, and sees it marked answered when staff answer it.
 */

const STAFF = DEMO.staff

const stamp = `${Date.now()}`
const title = `Tanya Jawab E2E ${stamp}`
// A long run of digits would read as a phone number, which public text refuses: the tag is written in base 36.
const question = `Apakah perpustakaan punya koleksi e-book untuk pelajar SMA? (${Number(stamp).toString(36)})`
const answer = 'Ada, lewat aplikasi iPusnas dan koleksi digital kami.'
const day = new Date(Date.now() + (30 + Math.floor(Math.random() * 300)) * 86_400_000)
const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day)

async function patronPage(browser: Browser, phone = false): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {}),
  })
  return context.newPage()
}

/** Registers through the event page's form; returns the manage link, which arrives by e-mail only. */
async function register(page: Page, visitor: ReturnType<typeof newVisitor>): Promise<string> {
  await page.getByLabel('Nama', { exact: true }).fill(visitor.displayName)
  await page.getByLabel('Email').fill(visitor.email)
  // The form's own button, not the "Daftar" that stays in view on a phone.
  await page.locator('form.registration-form').getByRole('button', { name: 'Daftar', exact: true }).click()
  await expect(page.getByTestId('registration-result')).toContainText('Cek email Anda')
  return manageLinkFromMail(page.request, visitor.email)
}

test('live Q&A: a question travels from patron to staff and back to the audience, live', async ({ page, browser }) => {
  test.setTimeout(120_000)

  // Staff create and publish a LIVE_QA event through the form.
  await page.goto(`/masuk?next=${encodeURIComponent('/staf/acara/baru')}`)
  await page.getByLabel('Email').fill(STAFF.email)
  await page.getByLabel('Kata sandi').fill(STAFF.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Acara baru' })).toBeVisible()
  await page.getByLabel('Judul').fill(title)
  await page.getByLabel('Deskripsi').fill('Tanya jawab bersama pustakawan tentang koleksi digital.')
  await page.getByLabel('Jenis acara').selectOption('LIVE_QA')
  await page.getByLabel('Mulai (WITA)', { exact: true }).fill(`${date}T19:00`)
  await page.getByLabel('Selesai (WITA)', { exact: true }).fill(`${date}T20:00`)
  await page.getByLabel('Tautan bergabung').fill('https://youtube.com/live/serambi')
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
  await expect(page).toHaveURL(/\/staf\/acara\/\d+\/ubah$/)
  const eventId = page.url().match(/acara\/(\d+)\/ubah/)![1]!
  await page.getByRole('button', { name: 'Terbitkan' }).click()
  await page.getByRole('button', { name: 'Ya, terbitkan' }).click()
  await expect(page.getByTestId('event-status')).toHaveText('Terbit')

  // Patron A, on a phone, registers; the event page points to the Q&A, whose link is in the e-mail.
  const a = await patronPage(browser, true)
  await a.goto(`/acara/${eventId}`)
  const qaInfo = a.getByTestId('event-qa')
  await expect(qaInfo.getByRole('heading', { name: 'Tanya jawab langsung' })).toBeVisible()
  await expect(qaInfo).toContainText('Tautannya ada di email konfirmasi.')
  const manageLinkA = await register(a, newVisitor('penanya-a'))
  await a.goto(`${manageLinkA}#tanya-jawab`)
  await expect(a).toHaveURL(/\/acara\/pendaftaran\/[\w-]+#tanya-jawab$/)
  const panelA = a.getByTestId('live-questions')
  await expect(panelA.getByRole('heading', { level: 2, name: 'Tanya jawab langsung' })).toBeVisible()
  await expect(panelA.getByTestId('qa-connection')).toHaveText('Langsung')
  await expect(panelA.getByText('Belum ada pertanyaan')).toBeVisible()
  expect(await a.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  await expectAccessible(a, 'manage page with live Q&A, on a phone')

  // Patron B registers and asks; the form catches an empty question first.
  const b = await patronPage(browser)
  await b.goto(`/acara/${eventId}`)
  await b.goto(await register(b, newVisitor('penanya-b')))
  await expect(b).toHaveURL(/\/acara\/pendaftaran\/[\w-]+$/)
  const ask = b.getByTestId('ask-question')
  await ask.getByRole('button', { name: 'Kirim pertanyaan' }).click()
  await expect(ask.getByLabel('Pertanyaan Anda')).toBeFocused()
  await expect(ask.getByRole('alert')).toContainText('Tulis pertanyaan Anda dulu.')
  await ask.getByLabel('Pertanyaan Anda').fill(question)
  await ask.getByLabel('Nama yang ditampilkan').fill('Nadia')
  await ask.getByRole('button', { name: 'Kirim pertanyaan' }).click()
  await expect(ask.getByRole('status')).toContainText('Pertanyaan terkirim')
  await expect(b.getByTestId('live-questions')).toContainText('Pertanyaan Anda yang menunggu persetujuan')
  await expectAccessible(b, 'manage page after asking')

  // Staff reach the moderation page from the registrants page and approve it.
  await page.goto(`/staf/acara/${eventId}/pendaftar`)
  await page.getByRole('link', { name: 'Moderasi tanya jawab' }).click()
  await expect(page).toHaveURL(new RegExp(`/staf/acara/${eventId}/tanya-jawab$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Moderasi tanya jawab' })).toBeVisible()
  const pending = page.getByTestId('qa-pending')
  await expect(pending).toContainText(question)
  await expect(pending).toContainText('Nadia')
  await expectAccessible(page, 'moderation page')
  await pending.getByRole('button', { name: /^Setujui/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Pertanyaan disetujui' })).toBeVisible()
  const shown = page.getByTestId('qa-approved')
  await expect(shown).toContainText(question)

  // A's open page shows it without a reload, and announces it.
  const itemA = panelA.getByTestId('question').filter({ hasText: question })
  await expect(itemA).toBeVisible()
  await expect(itemA).toContainText('Nadia')
  await expect(panelA.getByTestId('qa-announcer')).toContainText('Pertanyaan baru')
  // B's page says their own question is now shown.
  await expect(b.getByTestId('live-questions').getByTestId('question').filter({ hasText: question })).toBeVisible()
  await expect(b.getByTestId('live-questions')).not.toContainText('Pertanyaan Anda yang menunggu persetujuan')

  // A upvotes it: once, with the pressed state; staff see the count live.
  const vote = itemA.getByRole('button', { name: 'Dukung', exact: true })
  await expect(vote).toHaveAttribute('aria-pressed', 'false')
  await vote.click()
  await expect(vote).toHaveAttribute('aria-pressed', 'true')
  await expect(itemA.getByTestId('upvotes')).toHaveText('1 dukungan')
  await expect(shown).toContainText('1 dukungan')
  await expectAccessible(a, 'manage page after upvoting')

  // Staff mark it answered; A's page shows it answered.
  await shown.getByRole('button', { name: /^Tandai terjawab/ }).click()
  await expect(shown.getByLabel('Jawaban')).toBeFocused()
  await shown.getByLabel('Jawaban').fill(answer)
  await expectAccessible(page, 'moderation page, answering')
  await shown.getByRole('button', { name: 'Simpan jawaban' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Pertanyaan ditandai terjawab.' })).toBeVisible()
  await expect(page.getByTestId('qa-answered')).toContainText(question)

  await expect(itemA.getByTestId('answered-badge')).toHaveText('Terjawab')
  await expect(itemA).toContainText(answer)
  await expect(itemA.getByTestId('upvotes')).toHaveText('1 dukungan')
  await expectAccessible(a, 'manage page with an answered question')

  // The older, shorter manage address still works: it redirects to the canonical one.
  const manageA = new URL(a.url()).pathname
  await b.goto(manageA.replace('/acara/pendaftaran/', '/pendaftaran/'))
  await expect(b).toHaveURL(new RegExp(`${manageA}$`))

  await a.context().close()
  await b.context().close()
})
