import { expect, test, type Browser, type Page } from '@playwright/test'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * The notification centre against the real backend: a writer sends a post for review; the reviewer, in a browser of
 * their own, sees the bell's count go up live (SSE), opens the list from the keyboard, follows the notification to the
 * post (which marks it read), and finds it read on the notifications page, where they also choose their e-mails.
 */

const stamp = `${Date.now()}`.slice(-7)
const body = `Pojok baca: lima buku sejarah Banjarbaru untuk akhir pekan (${stamp})`

async function newPage(browser: Browser, who: { email: string; password: string }, next: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await logIn(page, who, next)
  return page
}

/** The number on the bell's badge; 0 when it shows none. */
/**
 * The number on the bell's badge, 0 without a badge. Read in one step without waiting: counting the badge and then
 * reading its text could find it, see it removed (the count reached 0), and wait for it to come back until the test
 * timed out.
 */
async function badgeCount(page: Page): Promise<number> {
  const texts = await page.getByTestId('notification-badge').allTextContents()
  if (texts.length === 0) return 0
  const text = (texts[0] ?? '').trim()
  return text === '99+' ? 100 : Number(text)
}

test('a reviewer is told of a post awaiting review, live, and follows the notification to it', async ({ browser }) => {
  const reviewer = await newPage(browser, DEMO.reviewer, '/staf/konten')
  const bell = reviewer.getByTestId('notification-bell')
  await expect(bell).toBeVisible()
  // The demo data has put posts in review already: the badge shows the reviewer's unread count from the start.
  const reviewerLogin = await reviewer.request.post('/api/auth/login', { data: DEMO.reviewer })
  const reviewerToken = ((await reviewerLogin.json()) as { token: string }).token
  const unread = await reviewer.request.get('/api/me/notifications/unread-count', {
    headers: { Authorization: `Bearer ${reviewerToken}` },
  })
  const before = ((await unread.json()) as { unread: number }).unread
  await expect.poll(() => badgeCount(reviewer)).toBe(Math.min(before, 100))

  // The writer drafts a post (through the API) and sends it for review in the editor.
  const writer = await newPage(browser, DEMO.staff, '/staf/konten')
  const login = await writer.request.post('/api/auth/login', { data: DEMO.staff })
  const token = ((await login.json()) as { token: string }).token
  const created = await writer.request.post('/api/posts', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      contentType: 'BOOK_REVIEW',
      body,
      hashtags: ['PojokBaca'],
      variants: [{ platform: 'X', text: `${body} #PojokBaca` }],
    },
  })
  expect(created.status()).toBe(201)
  const postId = ((await created.json()) as { id: number }).id
  await writer.goto(`/staf/konten/pos/${postId}/ubah`)
  await writer.getByRole('button', { name: 'Kirim untuk ditinjau' }).click()
  await expect(writer.getByTestId('post-status')).toHaveText('Ditinjau')
  await writer.context().close()

  // The reviewer's badge goes up without a reload.
  await expect.poll(() => badgeCount(reviewer)).toBe(before + 1)
  await expect(bell).toHaveAttribute('aria-label', `Notifikasi, ${before + 1} belum dibaca`)
  await expectAccessible(reviewer, 'header with the notification badge')

  // The list opens from the keyboard with focus inside, and Escape gives focus back to the bell.
  await bell.focus()
  await reviewer.keyboard.press('Enter')
  const panel = reviewer.locator('#notification-panel')
  await expect(panel).toBeVisible()
  await expect(reviewer.getByRole('heading', { name: 'Notifikasi', level: 2 })).toBeFocused()
  const link = panel.getByRole('link', { name: `Unggahan menunggu tinjauan: ${body}` })
  await expect(link).toBeVisible()
  await expectAccessible(reviewer, 'notification list')
  await reviewer.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(bell).toBeFocused()

  // Following the notification opens the post and marks it read.
  await bell.click()
  await link.click()
  await expect(reviewer).toHaveURL(new RegExp(`/staf/konten/pos/${postId}/ubah$`))
  await expect(reviewer.getByTestId('post-status')).toHaveText('Ditinjau')
  await expect.poll(() => badgeCount(reviewer)).toBe(before)

  // The notifications page lists it as read; the rest can be marked read at once; e-mails can be turned off.
  await reviewer.goto('/staf/notifikasi')
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible()
  const item = reviewer.locator('li', { hasText: body }).first()
  await expect(item).toBeVisible()
  await expect(item.getByRole('button', { name: /Tandai dibaca/ })).toHaveCount(0)
  if (before > 0) {
    await reviewer.getByRole('button', { name: 'Tandai semua dibaca' }).click()
    // The page sets 0 at once. A count the stream sent just before can land after it; the bell confirms every stream
    // event with the server and drops answers older than the change (use-unread.ts), so 0 holds.
    await expect.poll(() => badgeCount(reviewer)).toBe(0)
  }
  const approvedMail = reviewer.getByLabel('Unggahan disetujui')
  await approvedMail.uncheck()
  await reviewer.getByRole('button', { name: 'Simpan pilihan e-mail' }).click()
  await expect(reviewer.getByText('Pilihan e-mail tersimpan.')).toBeVisible()
  await reviewer.reload()
  await expect(reviewer.getByLabel('Unggahan disetujui')).not.toBeChecked()
  await expect(reviewer.getByLabel('Unggahan menunggu tinjauan')).toBeChecked()
  await expectAccessible(reviewer, 'notifications page')

  // A 360 px phone: the bell stays in the header, its list fits the screen.
  await reviewer.setViewportSize({ width: 360, height: 740 })
  await expect(bell).toBeVisible()
  await bell.click()
  await expect(panel).toBeVisible()
  const box = await panel.boundingBox()
  expect(box).not.toBeNull()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(360)
  const overflow = await reviewer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectAccessible(reviewer, 'notification list at 360 px')
  await reviewer.context().close()
})
