import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { uploadSquareImage } from './media-files'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * Staff import a post's metrics and read them on the campaign dashboard: a post is published through the API
 * (staff write and schedule it, a reviewer approves it); a bad CSV is refused line by line with nothing imported;
 * a Meta Business Suite export is imported; the dashboard draws its charts and lists the post's numbers.
 */

const STAFF = DEMO.staff
const REVIEWER = {
  email: process.env.SERAMBI_E2E_REVIEWER_EMAIL ?? 'peninjau@demo.serambi.id',
  password: process.env.SERAMBI_E2E_REVIEWER_PASSWORD ?? 'demo-peninjau-2026',
}

/** What one journey writes: its own post text, URL and numbers, so the page can be checked for them. */
function aRun() {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`
  return {
    stamp,
    text: `Pojok baca akhir pekan ${stamp}: yuk pinjam buku cerita rakyat Kalimantan! #PerpustakaanKotaBanjarbaru`,
    url: `https://www.instagram.com/p/E2e${stamp}/`,
    impressions: 7000 + Math.floor(Math.random() * 900),
    reach: 4000 + Math.floor(Math.random() * 900),
  }
}
type Run = ReturnType<typeof aRun>

async function tokenFor(request: APIRequestContext, who: { email: string; password: string }): Promise<string> {
  const response = await request.post('/api/auth/login', { data: who })
  expect(response.status(), `login ${who.email}`).toBe(200)
  return (await response.json()).token
}

async function call(request: APIRequestContext, token: string, method: 'get' | 'post', path: string, data?: unknown) {
  const response = await request[method](path, { headers: { Authorization: `Bearer ${token}` }, data })
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`).toBe(true)
  return response.json()
}

/**
 * A published Instagram post, by the rules: staff draft and submit; a reviewer approves; staff record it published an
 * hour ago (scheduling is only for a time ahead, at least 5 minutes after the approval).
 */
async function publishedPost(
  request: APIRequestContext,
  { stamp, text, url }: Run,
): Promise<{ postId: number; variantId: number; staff: string }> {
  const staff = await tokenFor(request, STAFF)
  const reviewer = await tokenFor(request, REVIEWER)
  const publishedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString()
  const post = await call(request, staff, 'post', '/api/posts', {
    contentType: 'BOOK_REVIEW',
    body: `Ajakan membaca cerita rakyat (${stamp}).`,
    hashtags: ['PerpustakaanKotaBanjarbaru'],
    variants: [{ platform: 'INSTAGRAM', text, scheduledAt: publishedAt }],
    // Instagram needs an image before the post can be submitted (issue 15).
    mediaIds: [await uploadSquareImage(request, staff)],
  })
  await call(request, staff, 'post', `/api/posts/${post.id}/submit`)
  await call(request, reviewer, 'post', `/api/posts/${post.id}/approve`, { note: 'Judul buku dan tautan sudah diperiksa.' })
  const published = await call(request, staff, 'post', `/api/posts/${post.id}/publish`, {
    variants: [{ platform: 'INSTAGRAM', publishedUrl: url, publishedAt }],
  })
  expect(published.status).toBe('PUBLISHED')
  return { postId: post.id, variantId: published.variants[0].id, staff }
}

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n', 'utf-8') }
}

async function journey(page: Page, request: APIRequestContext, phone: boolean) {
  const run = aRun()
  const { stamp, url, impressions, reach } = run
  const { postId, variantId, staff } = await publishedPost(request, run)

  await logIn(page, STAFF, '/staf/konten/impor')
  await expect(page.getByRole('heading', { level: 1, name: 'Impor metrik' })).toBeVisible()
  await expect(page.getByText('Meta Business Suite (Facebook dan Instagram) dan X Analytics')).toBeVisible()
  await expectAccessible(page, phone ? 'metrics import on a phone' : 'metrics import')

  // A bad file: every bad line is listed with its reason, and nothing is imported.
  await page.getByLabel('File CSV').setInputFiles(
    csvFile('metrik-salah.csv', [
      'variantId,impressions,reach,reactions,comments',
      `${variantId},-5,100,3,1`,
      '999999999,100,50,2,0',
      `${variantId},banyak,1,1,1`,
    ]),
  )
  await expect(page.getByText('Dipilih: metrik-salah.csv')).toBeVisible()
  await page.getByRole('button', { name: 'Impor', exact: true }).click()
  const report = page.getByRole('alert').filter({ hasText: 'File tidak diimpor' })
  await expect(report).toBeVisible()
  await expect(report).toContainText('Tidak ada baris dari metrik-salah.csv yang diimpor.')
  const rows = report.locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('2')
  await expect(rows.nth(0)).toContainText('impressions tidak boleh negatif (-5).')
  await expect(rows.nth(1)).toContainText('Tidak ada varian dengan nomor 999999999.')
  await expect(rows.nth(2)).toContainText('impressions bukan bilangan bulat (banyak).')
  const untouched = await call(request, staff, 'get', `/api/posts/${postId}`)
  expect(untouched.variants[0].metrics ?? null).toBeNull()
  await expectAccessible(page, 'metrics import with the error report')

  // A Meta Business Suite export, matched by the post's permalink.
  await page.getByLabel('File CSV').setInputFiles(
    csvFile('meta-business-suite.csv', [
      'Post ID,Permalink,Publish time,Impressions,Reach,Reactions,Comments,Shares,Saves,Link clicks',
      `1790${stamp.slice(-4)},${url},11/05/2026 11:00,"${impressions.toLocaleString('en-US')}",${reach},410,32,21,44,13`,
    ]),
  )
  await page.getByRole('button', { name: 'Impor', exact: true }).click()
  const success = page.getByRole('region', { name: 'Metrik berhasil diimpor' })
  await expect(success).toContainText('1 baris diimpor.')
  await expect(page.getByRole('heading', { name: 'File tidak diimpor' })).toHaveCount(0)
  const imported = await call(request, staff, 'get', `/api/posts/${postId}`)
  expect(imported.variants[0].metrics).toMatchObject({ impressions, reach })

  // The dashboard: charts drawn, and the post's numbers in the table of reach per post.
  await success.getByRole('link', { name: 'Lihat di dasbor' }).click()
  await expect(page).toHaveURL(/\/staf\/konten\/dasbor/)
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor kampanye' })).toBeVisible()
  const charts = page.locator('canvas[role="img"]')
  await expect(charts).toHaveCount(3)
  for (const canvas of await charts.all()) {
    await expect(canvas).toHaveAttribute('aria-label', /Tingkat interaksi per .+\..*%/)
    const box = await canvas.boundingBox()
    expect(box?.width ?? 0).toBeGreaterThan(100)
    expect(box?.height ?? 0).toBeGreaterThan(100)
  }
  const postRow = page.locator('#analytics-posts tbody tr').filter({ hasText: stamp })
  await expect(postRow).toContainText(new Intl.NumberFormat('id-ID').format(impressions))
  await expect(postRow).toContainText(new Intl.NumberFormat('id-ID').format(reach))
  // 410 + 32 + 21 + 44 + 13 = 520 engagements.
  await expect(postRow).toContainText('520')
  await expect(postRow).toContainText(`${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format((520 / impressions) * 100)}\u00a0%`)
  // Where the figures came from, and when: the import, at its WITA time.
  await expect(postRow).toContainText(/Sumber: impor CSV, \d{1,2} \w{3}( \d{4})? \d{2}\.\d{2}/)
  await expect(page.getByText(/^Angka [\d.]+ unggahan dari impor CSV; terakhir /)).toBeVisible()
  // "Tarik sekarang" reads the figures from the connected platforms at once, and says how it went.
  await page.getByRole('button', { name: 'Tarik sekarang' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Angka ditarik:' })).toHaveCount(1)
  await expect(postRow).toContainText('Sumber: impor CSV')

  const platformChart = page.locator('figure').filter({ hasText: 'Tingkat interaksi per platform' })
  await platformChart.getByText('Tampilkan data sebagai tabel').click()
  await expect(platformChart.getByRole('table')).toBeVisible()
  await expect(platformChart.getByRole('row', { name: /Instagram/ })).toBeVisible()
  await expectAccessible(page, phone ? 'campaign dashboard on a phone' : 'campaign dashboard')

  if (phone) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  } else {
    // The CSV export carries the token: the download arrives with a row for the post.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Unduh CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^analitik-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
    const path = await file.path()
    const { readFile } = await import('node:fs/promises')
    const csv = await readFile(path!, 'utf-8')
    expect(csv).toContain(`${postId},${variantId},INSTAGRAM,BOOK_REVIEW`)
  }
}

test('staff import metrics, see a bad file refused line by line, then read the dashboard', async ({ page, request }) => {
  test.setTimeout(120_000)
  await journey(page, request, false)
})

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

  test('the same journey fits the screen', async ({ page, request }) => {
    test.setTimeout(120_000)
    await journey(page, request, true)
  })
})
