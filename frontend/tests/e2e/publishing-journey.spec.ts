import { execFileSync } from 'node:child_process'
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { uploadSquareImage } from './media-files'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * Publishing (issue 15 §3): staff schedule an approved post and see each variant "Terjadwal"; a variant in each
 * publishing state shows its word, its permalink or the platform's message; staff retry one, and mark one published
 * with its URL; the calendar shows where each variant stands. States that only time and the platforms bring about
 * (a failure, a cut-off attempt, a reminder, a missed post) are seeded straight into the e2e database.
 */

const stamp = `${Date.now()}`.slice(-7)
/** A WITA date two days ahead; the variants go out at 10:00 WITA (02:00 UTC) that day. */
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(Date.now() + 2 * 86_400_000),
)
const at = `${day}T02:00:00Z`

/** The e2e database, as playwright.config.ts gives it to the app. */
function sql(statement: string): void {
  const url = process.env._E2E_QUARKUS_DATASOURCE_JDBC_URL ?? 'jdbc:postgresql://127.0.0.1:5432/serambi_e2e'
  const database = url.replace(/^.*\//, '').replace(/\?.*$/, '')
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'serambi', '-d', database, '-v', 'ON_ERROR_STOP=1', '-q', '-c', statement], {
    env: { ...process.env, PGPASSWORD: process.env.SERAMBI_E2E_DB_PASSWORD ?? 'serambi' },
  })
}

async function tokenFor(request: APIRequestContext, who: { email: string; password: string }): Promise<string> {
  const response = await request.post('/api/auth/login', { data: who })
  expect(response.status(), `login ${who.email}`).toBe(200)
  return (await response.json()).token
}

async function call(request: APIRequestContext, token: string, path: string, data?: unknown) {
  const response = await request.post(path, { headers: { Authorization: `Bearer ${token}` }, data })
  expect(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`).toBe(true)
  return response.json()
}

/** Drafted by staff for Facebook, Instagram and X (with a square image: Instagram needs one) and approved; its id. */
async function approvedPost(request: APIRequestContext, what: string): Promise<number> {
  const staff = await tokenFor(request, DEMO.staff)
  const reviewer = await tokenFor(request, DEMO.reviewer)
  const image = await uploadSquareImage(request, staff)
  const post = await call(request, staff, '/api/posts', {
    contentType: 'EVENT_PROMO',
    mediaIds: [image],
    body: `${what} (${stamp})`,
    hashtags: ['PerpustakaanKotaBanjarbaru'],
    variants: ['FACEBOOK', 'INSTAGRAM', 'X'].map((platform) => ({ platform, text: `${what} di ${platform} (${stamp})`, scheduledAt: at })),
  })
  await call(request, staff, `/api/posts/${post.id}/submit`)
  await call(request, reviewer, `/api/posts/${post.id}/approve`, { note: 'Tanggal dan tempat acara sudah dicek.' })
  return post.id
}

async function newPage(browser: Browser, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, DEMO.staff, next)
  return page
}

function status(page: Page, platform: string) {
  return page.getByTestId(`delivery-status-${platform}`)
}

test.describe.serial('publishing: scheduled, each state, retry, mark as published, calendar', () => {
  let postId = 0

  test('staff schedule an approved post and every variant is Terjadwal', async ({ browser, request }) => {
    postId = await approvedPost(request, 'Diskusi buku Sabtu ini')
    const page = await newPage(browser, `/staf/konten/pos/${postId}/ubah`)
    await expect(page.getByLabel('Unggah manual ke X')).not.toBeChecked()
    await page.getByRole('button', { name: /^Jadwalkan/ }).click()
    await expect(page.getByTestId('post-status')).toHaveText('Terjadwal')
    await expect(page.getByRole('heading', { name: 'Status terbit' })).toBeVisible()
    for (const platform of ['FACEBOOK', 'INSTAGRAM', 'X']) await expect(status(page, platform)).toHaveText('Terjadwal')
    await expectAccessible(page, 'post editor, scheduled variants')
  })

  test('a failed, a cut-off and a by-hand variant show what staff can do; retry and mark as published', async ({ browser }) => {
    sql(`UPDATE post_variant SET delivery = 'FAILED', attempts = 1,
           last_error = '(#368) The action attempted has been deemed abusive or is otherwise disallowed'
         WHERE post_id = ${postId} AND platform = 'FACEBOOK'`)
    sql(`UPDATE post_variant SET delivery = 'CHECK_NEEDED', attempts = 1,
           last_error = 'Percobaan menerbitkan terputus' WHERE post_id = ${postId} AND platform = 'INSTAGRAM'`)
    sql(`UPDATE post_variant SET delivery = 'MANUAL_DUE', manual = true WHERE post_id = ${postId} AND platform = 'X'`)

    const page = await newPage(browser, `/staf/konten/pos/${postId}/ubah`)
    await expect(status(page, 'FACEBOOK')).toHaveText('Gagal')
    await expect(page.getByTestId('delivery-error-FACEBOOK')).toHaveText(/deemed abusive/)
    await expect(status(page, 'INSTAGRAM')).toHaveText('Perlu dicek')
    await expect(status(page, 'X')).toHaveText('Menunggu diunggah manual')
    await expect(page.getByLabel('Unggah manual ke X')).toBeChecked()
    await expectAccessible(page, 'post editor, variants needing staff')

    // Marking X published needs its URL.
    const x = page.getByTestId('delivery-X')
    await x.getByRole('button', { name: 'Tandai sudah terbit' }).click()
    await x.getByRole('button', { name: 'Simpan alamat unggahan' }).click()
    await expect(x.getByText('Isi dengan alamat http(s) unggahannya.')).toBeVisible()
    await expect(x.getByLabel('Alamat unggahan di X')).toBeFocused()
    await expectAccessible(page, 'mark as published, URL missing')
    await x.getByLabel('Alamat unggahan di X').fill(`https://x.com/perpuskotabjb/status/19${stamp}`)
    await x.getByRole('button', { name: 'Simpan alamat unggahan' }).click()
    await expect(status(page, 'X')).toHaveText('Terbit')
    await expect(x.getByRole('link', { name: /Lihat di X/ })).toHaveAttribute('href', `https://x.com/perpuskotabjb/status/19${stamp}`)
    await expect(page.getByText('X ditandai sudah terbit.')).toBeVisible()

    // Retry Instagram, by keyboard: scheduled again for now.
    await page.getByTestId('delivery-INSTAGRAM').getByRole('button', { name: 'Coba lagi' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByText('Instagram dijadwalkan ulang sekarang.')).toBeVisible()
    await expect(status(page, 'FACEBOOK')).toHaveText('Gagal')
    await expect(page.getByTestId('post-status')).toHaveText('Terjadwal')
  })

  test('published, missed, retrying and publishing variants show their words, also on the calendar and a phone', async ({ browser, request }) => {
    const other = await approvedPost(request, 'Lomba resensi remaja')
    const staff = await tokenFor(request, DEMO.staff)
    await call(request, staff, `/api/posts/${other}/schedule`)
    sql(`UPDATE post_variant SET delivery = 'PUBLISHED', external_id = '102030405060_${stamp}',
           published_url = 'https://www.facebook.com/102030405060/posts/${stamp}', published_at = scheduled_at
         WHERE post_id = ${other} AND platform = 'FACEBOOK'`)
    sql(`UPDATE post_variant SET delivery = 'MISSED' WHERE post_id = ${other} AND platform = 'INSTAGRAM'`)
    sql(`UPDATE post_variant SET delivery = 'RETRY_WAIT', attempts = 1, next_attempt_at = now() + interval '1 day',
           last_error = 'Service temporarily unavailable' WHERE post_id = ${other} AND platform = 'X'`)

    const page = await newPage(browser, `/staf/konten/pos/${other}/ubah`)
    await expect(status(page, 'FACEBOOK')).toHaveText('Terbit')
    await expect(page.getByTestId('delivery-FACEBOOK').getByRole('link', { name: /Lihat di Facebook/ }))
      .toHaveAttribute('href', `https://www.facebook.com/102030405060/posts/${stamp}`)
    await expect(status(page, 'INSTAGRAM')).toHaveText('Terlewat')
    await expect(status(page, 'X')).toHaveText('Menunggu coba lagi')
    await expect(page.getByTestId('delivery-X')).toContainText('Dicoba lagi sekitar')
    await expect(page.getByTestId('delivery-X').getByRole('button', { name: 'Coba lagi' })).toHaveCount(0)
    await expectAccessible(page, 'post editor, published, missed and retrying')

    sql(`UPDATE post_variant SET delivery = 'PUBLISHING' WHERE post_id = ${other} AND platform = 'X'`)
    await page.reload()
    await expect(status(page, 'X')).toHaveText('Sedang diterbitkan')

    // The calendar on a phone: each variant says where it stands.
    await page.setViewportSize({ width: 360, height: 780 })
    await page.goto(`/staf/konten?date=${day}&view=week`)
    const cell = page.getByTestId(`calendar-day-${day}`)
    await expect(cell.getByTestId(`calendar-post-${other}-FACEBOOK`)).toContainText('Terbit')
    await expect(cell.getByTestId(`calendar-post-${other}-INSTAGRAM`)).toContainText('Terlewat')
    await expect(cell.getByTestId(`calendar-post-${other}-X`)).toContainText('Sedang diterbitkan')
    await expect(cell.getByTestId(`calendar-post-${postId}-FACEBOOK`)).toContainText('Gagal')
    await expectAccessible(page, 'calendar with publishing states, phone')
  })
})
