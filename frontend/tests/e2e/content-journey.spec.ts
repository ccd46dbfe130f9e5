import { expect, test, type Browser, type Page } from '@playwright/test'
import { SQUARE_JPEG } from './media-files'
import { DEMO, expectAccessible, logIn } from './support'
import { sql } from './e2e-sql'

/**
 * The content journey against the real backend: staff draft a post for Instagram and X in the editor (live
 * counters and previews) and send it for review; a reviewer, in a browser of their own, approves it with a
 * fact-check note from the review queue; staff schedule it, and it shows on the calendar on its WITA day in the
 * month and the week view, and on a 360 px phone; staff mark it published with its links, import its metrics from a
 * CSV file, and the campaign dashboard draws its charts with the post's engagement rate.
 */

const stamp = `${Date.now()}`.slice(-7)
const body = `Sebelum membagikan berita, cek sumbernya dan tanggalnya. (${stamp})`
/** A WITA date a few days ahead, and the same date in the datetime-local input. */
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(Date.now() + 3 * 86_400_000),
)
let postId = ''

async function newPage(browser: Browser, who: { email: string; password: string }, next: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await logIn(page, who, next)
  return page
}

test.describe.serial('content: draft, review, schedule, calendar', () => {
  test('staff draft a post for Instagram and X and send it for review', async ({ browser }) => {
    const page = await newPage(browser, DEMO.staff, '/staf/konten/pos/baru')
    await expect(page.getByRole('heading', { level: 1, name: 'Unggahan baru' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Menu konten' })).toBeVisible()
    await expectAccessible(page, 'new post')

    await page.getByLabel('Jenis konten').selectOption('EDUCATIONAL_TIP')
    await page.getByLabel('Teks utama').fill(body)
    await page.getByLabel('Tagar').fill('#WaspadaHoaks #LiterasiDigital')

    const instagram = page.getByTestId('variant-INSTAGRAM')
    const x = page.getByTestId('variant-X')
    await instagram.getByRole('button', { name: 'Isi dari teks utama' }).click()
    await expect(instagram.getByLabel('Teks untuk Instagram')).toHaveValue(`${body}\n\n#WaspadaHoaks #LiterasiDigital`)
    await expect(page.getByTestId('preview-INSTAGRAM')).toContainText('#WaspadaHoaks')

    // X: a long text turns the counter red and says by how much; the link counts 23.
    const xText = x.getByLabel('Teks untuk X')
    const xCounter = x.getByTestId('char-counter')
    await xText.fill('📚'.repeat(260) + ' https://perpustakaan.banjarbarukota.go.id/acara')
    await expect(xCounter).toContainText('284 / 280 karakter')
    await expect(xCounter).toContainText('lebih 4 karakter')
    await expect(xCounter).toHaveAttribute('data-state', 'over')
    await expect(page.getByTestId('preview-X').locator('mark')).toBeVisible()
    await xText.fill(`Cek dulu sebelum berbagi 🔍 https://perpustakaan.banjarbarukota.go.id/hoaks #WaspadaHoaks ${stamp}`)
    await expect(xCounter).toHaveAttribute('data-state', 'ok')
    await expect(xCounter).toContainText('72 / 280 karakter') // 27 + a link (23) + 22

    await instagram.getByLabel('Jadwal tayang (WITA)').fill(`${day}T10:00`)
    await x.getByLabel('Jadwal tayang (WITA)').fill(`${day}T12:30`)
    await expect(page.getByTestId('preview-X')).toContainText('12.30 WITA')

    // Instagram publishes nothing without an image (issue 15): one from the media picker.
    await page.getByRole('button', { name: 'Pilih dari pustaka media' }).click()
    await page.getByLabel('Pilih gambar atau video').setInputFiles({ name: `hoaks-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: SQUARE_JPEG })
    await expect(page.getByTestId('media-check')).toContainText('Media memenuhi aturan semua platform.')

    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
    await expect(page).toHaveURL(/\/staf\/konten\/pos\/\d+\/ubah$/)
    postId = /pos\/(\d+)\/ubah/.exec(page.url())![1]!
    await expect(page.getByTestId('post-status')).toHaveText('Draf')
    await expect(page.getByTestId('post-history')).toContainText('Dibuat sebagai draf')
    await expectAccessible(page, 'post editor (draft)')

    await page.getByRole('button', { name: 'Kirim untuk ditinjau' }).click()
    await expect(page.getByTestId('post-status')).toHaveText('Ditinjau')
    await expect(page.getByRole('status')).toContainText('Unggahan dikirim untuk ditinjau.')
    // Staff see no approve button: only another reviewer can approve.
    await expect(page.getByRole('button', { name: 'Setujui' })).toHaveCount(0)
    await page.context().close()
  })

  test('a reviewer approves it from the review queue with a fact-check note', async ({ browser }) => {
    const page = await newPage(browser, DEMO.reviewer, '/staf/konten/tinjauan')
    await expect(page.getByRole('heading', { level: 1, name: 'Antrean tinjauan' })).toBeVisible()
    const card = page.getByTestId(`review-post-${postId}`)
    await expect(card.getByTestId('preview-INSTAGRAM')).toContainText(body)
    await expect(card.getByTestId('preview-X')).toContainText('perpustakaan.banjarbaruko…')
    await expectAccessible(page, 'review queue')

    // The note is required.
    await card.getByRole('button', { name: 'Setujui' }).click()
    await expect(card.getByText('Tulis catatan pemeriksaan fakta sebelum menyetujui.')).toBeVisible()
    await card.getByLabel('Catatan pemeriksaan fakta').fill('Sumber Kominfo dan tanggal sudah dicek.')
    await card.getByRole('button', { name: 'Setujui' }).click()
    await expect(page.getByRole('status')).toContainText(`Unggahan #${postId} disetujui.`)
    await expect(page.getByTestId(`review-post-${postId}`)).toHaveCount(0)
    await page.context().close()
  })

  test('staff schedule it, and it shows on the calendar on its day, month and week, also on a phone', async ({ browser }) => {
    const page = await newPage(browser, DEMO.staff, `/staf/konten/pos/${postId}/ubah`)
    await expect(page.getByTestId('post-status')).toHaveText('Disetujui')
    await expect(page.getByText('Sumber Kominfo dan tanggal sudah dicek.').first()).toBeVisible()
    await expect(page.getByTestId('post-history')).toContainText('Ditinjau → Disetujui')
    // The page says what scheduling does, per platform, before anything goes out.
    await expect(page.getByTestId('editor-publish-plan')).toContainText('Disetujui, tetapi belum dijadwalkan: belum ada yang terbit.')
    await expect(page.getByTestId('editor-outcome-INSTAGRAM')).toContainText('10.00 WITA')
    await expect(page.getByTestId('editor-outcome-X')).toContainText('12.30 WITA')
    await page.getByRole('button', { name: /^Jadwalkan/ }).click()
    await expect(page.getByTestId('post-status')).toHaveText('Terjadwal')
    await expectAccessible(page, 'post editor (scheduled)')

    // The month view holding the day.
    await page.getByRole('navigation', { name: 'Menu konten' }).getByRole('link', { name: 'Kalender' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Kalender konten' })).toBeVisible()
    await page.goto(`/staf/konten?date=${day}`)
    const grid = page.getByTestId('calendar-grid')
    await expect(grid).toHaveAttribute('data-view', 'month')
    const cell = page.getByTestId(`calendar-day-${day}`)
    const instagramItem = cell.getByTestId(`calendar-post-${postId}-INSTAGRAM`)
    await expect(instagramItem).toContainText('10.00')
    await expect(instagramItem).toContainText('Terjadwal')
    await expect(cell.getByTestId(`calendar-post-${postId}-X`)).toContainText('12.30')
    await expect(page.getByTestId('cadence-warnings')).toContainText('X:')
    await expectAccessible(page, 'calendar, month')

    // The week view, reached by keyboard.
    await page.getByRole('button', { name: 'Minggu', exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect(grid).toHaveAttribute('data-view', 'week')
    await expect(page).toHaveURL(/view=week/)
    await expect(page.locator('[data-testid^="calendar-day-"]')).toHaveCount(7)
    await expect(cell.getByTestId(`calendar-post-${postId}-INSTAGRAM`)).toBeVisible()
    await expect(cell.getByTestId(`calendar-post-${postId}-X`)).toBeVisible()
    await expectAccessible(page, 'calendar, week')

    // A 360 px phone: the month becomes a list of days, with no sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 })
    await page.getByRole('button', { name: 'Bulan', exact: true }).click()
    await expect(grid).toHaveAttribute('data-view', 'month')
    await expect(cell.getByTestId(`calendar-post-${postId}-INSTAGRAM`)).toBeVisible()
    await expect(cell.getByRole('heading', { level: 3 })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expectAccessible(page, 'calendar at 360 px')

    // A post on the calendar opens its editor.
    await cell.getByTestId(`calendar-post-${postId}-X`).click()
    await expect(page).toHaveURL(new RegExp(`/staf/konten/pos/${postId}/ubah$`))
    await expect(page.getByTestId('post-status')).toHaveText('Terjadwal')
    await page.context().close()
  })

  test('staff mark it published, import its metrics, and the dashboard charts them', async ({ browser }) => {
    const page = await newPage(browser, DEMO.staff, `/staf/konten/pos/${postId}/ubah`)
    await expect(page.getByTestId('post-status')).toHaveText('Terjadwal')
    const instagramUrl = `https://www.instagram.com/p/Jrny${stamp}/`
    const xUrl = `https://x.com/perpusbanjarbaru/status/19${stamp}`
    // Days before its date it cannot be marked published: the page says from when.
    await expect(page.getByTestId('publishable-from')).toContainText('Bisa ditandai sudah terbit mulai')
    await expect(page.getByRole('button', { name: 'Tandai sudah terbit' })).toHaveCount(0)
    await expectAccessible(page, 'post editor, scheduled days ahead')
    // Its time comes (posted by hand, so the publishing job only reminds).
    sql(`UPDATE post_variant SET scheduled_at = now() - interval '1 minute', manual = true WHERE post_id = ${postId}`)
    await page.reload()
    await expect(page.getByTestId('publishable-from')).toHaveCount(0)
    await page.getByTestId('publish-button').click()
    await page.getByLabel('Tautan unggahan di Instagram').fill(instagramUrl)
    await page.getByLabel('Tautan unggahan di X').fill(xUrl)
    await page.getByRole('button', { name: 'Simpan tautan terbit' }).click()
    await expect(page.getByTestId('post-status')).toHaveText('Terbit')
    await expect(page.getByRole('link', { name: new RegExp(instagramUrl) })).toBeVisible()

    // One file with both platforms' numbers, matched by the links just recorded.
    await page.getByRole('navigation', { name: 'Menu konten' }).getByRole('link', { name: 'Impor metrik' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Impor metrik' })).toBeVisible()
    const csv = ['publishedUrl,impressions,reach,reactions,comments,shares', `${instagramUrl},4000,2500,150,30,20`, `${xUrl},1000,,40,5,5`]
    await page.getByLabel('File CSV').setInputFiles({ name: 'metrik.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n') + '\n') })
    await page.getByRole('button', { name: 'Impor', exact: true }).click()
    await expect(page.getByRole('region', { name: 'Metrik berhasil diimpor' })).toContainText('2 baris diimpor.')

    // The dashboard draws its charts; this post's row shows its rate: (150 + 30 + 20) / 4,000 = 5 %.
    await page.getByRole('link', { name: 'Lihat di dasbor' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Dasbor kampanye' })).toBeVisible()
    const charts = page.locator('canvas[role="img"]')
    await expect(charts).toHaveCount(3)
    const box = await charts.first().boundingBox()
    expect(box?.width ?? 0).toBeGreaterThan(100)
    expect(box?.height ?? 0).toBeGreaterThan(100)
    const rowOf = (url: string) => page.locator('#analytics-posts tbody tr').filter({ has: page.locator(`a[href="${url}"]`) })
    await expect(rowOf(instagramUrl)).toContainText('4.000')
    await expect(rowOf(instagramUrl)).toContainText('5\u00a0%')
    // X: (40 + 5 + 5) / 1,000 = 5 %, and no reach was reported, so none is shown.
    await expect(rowOf(xUrl)).toContainText('1.000')
    await expect(rowOf(xUrl)).toContainText('5\u00a0%')
    // Column headers break between words, never inside one ("Tayanga/n").
    const broken = await page.locator('#analytics-posts thead th').evaluateAll((cells) =>
      cells.flatMap((th) => {
        const text = th.firstChild
        if (!text || text.nodeType !== Node.TEXT_NODE) return []
        const words = [...(text.textContent ?? '').matchAll(/\S+/g)]
        return words.filter((w) => {
          const range = document.createRange()
          range.setStart(text, w.index!)
          range.setEnd(text, w.index! + w[0].length)
          return range.getClientRects().length > 1
        }).map((w) => w[0])
      }),
    )
    expect(broken).toEqual([])
    await expectAccessible(page, 'campaign dashboard after the journey')
    await page.context().close()
  })

  test('staff start a post from an upcoming event', async ({ browser }) => {
    const page = await newPage(browser, DEMO.staff, '/staf/konten/pos/baru')
    const picker = page.getByRole('region', { name: 'Mulai dari acara, tantangan atau ulasan' })
    await picker.getByLabel('Sumber').selectOption('event')
    const option = picker.locator('#draft-item option', { hasText: 'Laskar Pelangi' }).first()
    await picker.getByLabel('Acara', { exact: true }).selectOption((await option.getAttribute('value'))!)
    await picker.getByRole('button', { name: 'Buat draf unggahan' }).click()
    await expect(page).toHaveURL(/\/staf\/konten\/pos\/\d+\/ubah$/)
    await expect(page.getByTestId('post-status')).toHaveText('Draf')
    await expect(page.getByLabel('Jenis konten')).toHaveValue('EVENT_PROMO')
    await expect(page.getByTestId('variant-X').getByLabel('Teks untuk X')).toHaveValue(/Laskar Pelangi/)
    await expect(page.getByTestId('variant-X').getByTestId('char-counter')).toHaveAttribute('data-state', 'ok')
    await expectAccessible(page, 'post drafted from an event')
    await page.context().close()
  })

  test('staff find the post in the filtered list and plan a campaign', async ({ browser }) => {
    const page = await newPage(browser, DEMO.staff, '/staf/konten/pos')
    await expect(page.getByRole('heading', { level: 1, name: 'Unggahan' })).toBeVisible()
    await page.getByLabel('Platform').selectOption('X')
    // By now the journey's post has gone out, so it is listed under "Terbit", not "Terjadwal".
    await page.getByLabel('Status').selectOption('SCHEDULED')
    await expect(page).toHaveURL(/status=SCHEDULED/)
    await expect(page.getByTestId(`post-row-${postId}`)).toHaveCount(0)
    await page.getByLabel('Status').selectOption('PUBLISHED')
    await expect(page).toHaveURL(/platform=X/)
    await expect(page.getByTestId(`post-row-${postId}`)).toContainText('Terbit')
    await page.getByLabel('Platform').selectOption('FACEBOOK')
    await expect(page.getByTestId(`post-row-${postId}`)).toHaveCount(0)
    await expectAccessible(page, 'posts list')

    await page.getByRole('navigation', { name: 'Menu konten' }).getByRole('link', { name: 'Kampanye' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Kampanye' })).toBeVisible()
    await expectAccessible(page, 'campaigns')
    await page.getByRole('link', { name: 'Buat kampanye' }).click()
    const title = `Pekan Cek Fakta ${stamp}`
    await page.getByLabel('Judul').fill(title)
    await page.getByLabel('Tema').selectOption('DIGITAL_LITERACY')
    await page.getByLabel('Tanggal mulai').fill(day)
    await page.getByLabel('Tanggal selesai').fill(day)
    await page.getByLabel('Target 1').fill('4')
    await page.getByRole('button', { name: 'Tambah target' }).click()
    await page.getByLabel('Ukuran 2').selectOption('ENGAGEMENT_RATE')
    await page.getByLabel('Target 2 (%)').fill('5')
    await page.getByRole('button', { name: 'Buat kampanye' }).click()
    await expect(page).toHaveURL(/\/staf\/konten\/kampanye\/\d+\/ubah$/)
    await expect(page.getByRole('status')).toContainText('Kampanye tersimpan.')
    // The API lists the targets by measure: the engagement rate comes back first, as a percentage again.
    await expect(page.getByLabel('Target 1 (%)')).toHaveValue('5')
    await expect(page.getByLabel('Target 2', { exact: true })).toHaveValue('4')
    await expectAccessible(page, 'campaign form')
    await page.getByLabel('Tujuan').fill('Remaja memeriksa sumber sebelum berbagi.')
    await page.getByRole('button', { name: 'Simpan', exact: true }).click()
    await expect(page.getByRole('status')).toContainText('Perubahan tersimpan.')
    await page.getByRole('link', { name: '← Kembali ke kampanye' }).click()
    await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Tingkat interaksi: 5 %')
    await page.context().close()
  })
})
