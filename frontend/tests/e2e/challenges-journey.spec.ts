import { expect, test, type Browser } from '@playwright/test'
import { DEMO, expectAccessible, logIn, newVisitor } from './support'

/**
 * The reading-challenge journey against the real backend: staff create and publish a challenge; two teens join
 * under nicknames; one logs reading and the other's open leaderboard moves live (SSE), by nickname only; an
 * implausible log waits for staff, who approve it. Plus the under-13 guardian rules.
 */

const STAFF = DEMO.staff

const stamp = `${Date.now()}`
const title = `Tantangan Membaca E2E ${stamp}`
const wita = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  )

function teen(tag: string) {
  return { ...newVisitor(tag), birthYear: '2011', nickname: `Kutu${tag}${stamp.slice(-6)}` }
}
const teenA = teen('A')
const teenB = teen('B')
let challengeId = ''

/** Registers a teen (logged in automatically) and joins this run's challenge under their nickname. */
async function registerAndJoin(browser: Browser, who: ReturnType<typeof teen>) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const target = `/tantangan/${challengeId}`
  await page.goto(`/daftar?next=${encodeURIComponent(target)}`)
  await page.getByLabel('Email', { exact: true }).fill(who.email)
  await page.getByLabel('Kata sandi', { exact: true }).fill(who.password)
  await page.getByLabel('Nama tampilan').fill(who.displayName)
  await page.getByLabel('Tahun lahir').fill(who.birthYear)
  await page.getByRole('button', { name: 'Daftar', exact: true }).click()
  // Logged in at once; the page asks to verify the address, then goes on to the challenge.
  await expect(page.getByTestId('signup-done')).toContainText('Periksa e-mail Anda untuk memverifikasi alamat')
  await page.getByRole('link', { name: 'Lanjutkan' }).click()
  await expect(page).toHaveURL(new RegExp(`${target}$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // Joining and logging are on the "Catat" tab.
  await page.getByRole('tab', { name: 'Catat' }).click()
  await expect(page).toHaveURL(new RegExp(`${target}\\?tab=catat$`))
  const join = page.getByTestId('join-form')
  await expect(join).toContainText('Hanya nama panggilanmu yang tampil')
  await join.getByLabel('Nama panggilan').fill(who.nickname)
  await join.getByRole('button', { name: 'Gabung' }).click()
  await expect(page.getByTestId('reading-log-form')).toBeVisible()
  await page.getByRole('tab', { name: 'Progres' }).click()
  await expect(page.getByTestId('my-progress')).toContainText(`Kemajuan ${who.nickname}`)
  await page.getByRole('tab', { name: 'Catat' }).click()
  return { context, page }
}

test.describe.serial('reading challenges', () => {
  test('staff create a challenge and publish it', async ({ page }) => {
    await logIn(page, STAFF, '/staf/tantangan')
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' })
    await expect(nav.getByRole('link', { name: 'Kelola tantangan' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Kelola tantangan' })).toBeVisible()
    await expectAccessible(page, 'staff challenges')

    await page.getByRole('link', { name: 'Buat tantangan' }).click()
    await expect(page).toHaveURL(/\/staf\/tantangan\/baru$/)
    await page.getByLabel('Judul').fill(title)
    await page.getByLabel('Deskripsi').fill('Baca sebanyak mungkin buku dan kumpulkan lencana!')
    // The end before the start is caught next to the field.
    await page.getByLabel('Tanggal mulai').fill(wita(-3))
    await page.getByLabel('Tanggal selesai').fill(wita(-5))
    await page.getByLabel('Poin per halaman').fill('1')
    await page.getByLabel('Daftar sekolah').fill('SMP Negeri 1 Banjarbaru\nSMA Negeri 2 Banjarbaru')
    await page.getByRole('button', { name: 'Tambah lencana' }).click()
    await page.getByLabel('Nama lencana 1').fill('Pembaca Pemula')
    await page.getByLabel('Poin lencana 1').fill('50')
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
    await expect(page.getByLabel('Tanggal selesai')).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page, 'challenge form with errors')

    await page.getByLabel('Tanggal selesai').fill(wita(30))
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
    await expect(page).toHaveURL(/\/staf\/tantangan\/\d+\/ubah$/)
    challengeId = page.url().match(/tantangan\/(\d+)\/ubah/)![1]!
    await expect(page.getByTestId('challenge-status')).toHaveText('Draf')

    await page.getByRole('button', { name: 'Terbitkan' }).click()
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click()
    await expect(page.getByTestId('challenge-status')).toHaveText('Terbit')
    await expect(page.getByRole('status').first()).toContainText('Tantangan diterbitkan.')
    await expectAccessible(page, 'challenge form')
  })

  test('teen B sees teen A rise on the open leaderboard, live and by nickname only', async ({ browser }) => {
    // Two teens, and a screen-reader announcement that waits for the board's 10-second quiet time.
    test.setTimeout(120_000)
    const a = await registerAndJoin(browser, teenA)
    const b = await registerAndJoin(browser, teenB)

    // B keeps the challenge page open (the public list leads there).
    await b.page.goto('/tantangan')
    await expect(b.page.getByRole('heading', { level: 1, name: 'Tantangan membaca' })).toBeVisible()
    await expectAccessible(b.page, 'challenges list')
    await b.page.getByRole('link', { name: title }).click()
    const board = b.page.getByTestId('leaderboard')
    await expect(b.page.getByText('Langsung', { exact: true })).toBeVisible()
    await expect(board.locator(`[data-nickname="${teenB.nickname}"]`)).toBeVisible()
    await expectAccessible(b.page, 'challenge page (participant)')

    // B logs a short read first (10 + 10 points) on the "Catat" tab, and leads on the board's tab.
    await b.page.getByRole('tab', { name: 'Catat' }).click()
    const formB = b.page.getByTestId('reading-log-form')
    await formB.getByLabel('Judul buku').fill('Si Kancil')
    await formB.getByLabel('Penulis').fill('Anonim')
    await formB.getByLabel('Halaman').fill('10')
    await formB.getByRole('button', { name: 'Catat' }).click()
    await expect(b.page.getByTestId('log-reward')).toContainText('+20 poin')
    await b.page.getByRole('tab', { name: 'Papan' }).click()
    await expect(board.locator('li').first()).toHaveAttribute('data-nickname', teenB.nickname)

    // A logs 150 pages of a finished book: 10 points for the book + 150 for the pages.
    const form = a.page.getByTestId('reading-log-form')
    await expect(form.getByLabel('Tanggal membaca')).toHaveValue(wita(0))
    await form.getByLabel('Judul buku').fill('Laskar Pelangi')
    await form.getByLabel('Penulis').fill('Andrea Hirata')
    await form.getByLabel('Halaman').fill('150')
    await form.getByRole('button', { name: 'Catat' }).click()
    await expect(a.page.getByTestId('log-reward')).toContainText('+160 poin')
    await expect(a.page.getByTestId('log-reward')).toContainText('Total poinmu sekarang 160.')
    await expectAccessible(a.page, 'challenge page after logging')

    // B's open page moves without a reload: A first with 160 points, above B.
    const rowA = board.locator(`[data-nickname="${teenA.nickname}"]`)
    await expect(rowA).toContainText('160 poin')
    await expect(board.locator('li').first()).toHaveAttribute('data-nickname', teenA.nickname)
    const order = await board.locator('li').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-nickname')))
    expect(order.indexOf(teenA.nickname)).toBeLessThan(order.indexOf(teenB.nickname))
    await expect(b.page.getByTestId('board-announcer')).toContainText(teenA.nickname, { timeout: 15_000 })
    // Nicknames only: nothing of A's account reaches B's page.
    const text = await b.page.locator('body').innerText()
    expect(text).not.toContain(teenA.displayName)
    expect(text).not.toContain(teenA.email)
    await expectAccessible(b.page, 'leaderboard after a move')

    // An implausible day (1,500 pages) waits for staff: 0 points for now.
    await form.getByLabel('Judul buku').fill('Bumi Manusia')
    await form.getByLabel('Penulis').fill('Pramoedya Ananta Toer')
    await form.getByLabel('Halaman').fill('1500')
    await form.getByRole('button', { name: 'Catat' }).click()
    await expect(a.page.getByTestId('log-reward')).toContainText('menunggu pemeriksaan petugas')
    await a.page.getByRole('tab', { name: 'Progres' }).click()
    const flagged = a.page.getByTestId('my-logs').getByRole('listitem').filter({ hasText: 'Bumi Manusia' })
    await expect(flagged).toContainText('Menunggu pemeriksaan petugas')
    await expect(flagged).toContainText('0 poin')
    await expect(a.page.getByTestId('my-points')).toHaveText('160')
    await expectAccessible(a.page, 'challenge page with a flagged log')

    // Personal data (UU PDP): A downloads it; B deletes the account after typing the confirmation word.
    await a.page.goto('/akun')
    const exported = a.page.waitForEvent('download')
    await a.page.getByRole('button', { name: 'Unduh data saya' }).click()
    expect((await exported).suggestedFilename()).toMatch(/^data-saya-serambi-.*\.json$/)
    await expectAccessible(a.page, 'account page')
    await b.page.goto('/akun')
    await b.page.getByRole('button', { name: 'Hapus akun saya' }).click()
    await expect(b.page.getByLabel('Ketik HAPUS untuk mengonfirmasi')).toHaveAttribute('aria-invalid', 'true')
    await b.page.getByLabel('Ketik HAPUS untuk mengonfirmasi').fill('HAPUS')
    await b.page.getByRole('button', { name: 'Hapus akun saya' }).click()
    await expect(b.page.getByRole('status').first()).toContainText('Akun Anda sudah dihapus.')
    await expect(b.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Masuk' })).toBeVisible()

    await a.context.close()
    await b.context.close()
  })

  test('staff approve the flagged log on the review page', async ({ page }) => {
    await logIn(page, STAFF, `/staf/tantangan/${challengeId}/tinjau`)
    await expect(page.getByRole('heading', { level: 1, name: 'Tinjau tantangan' })).toBeVisible()
    const queue = page.getByTestId('flagged-queue')
    await expect(queue).toContainText(teenA.nickname)
    await expect(queue).toContainText('Bumi Manusia')
    await expectAccessible(page, 'review page')

    await page.getByRole('button', { name: `Setujui Bumi Manusia dari ${teenA.nickname}` }).click()
    await expect(page.getByRole('status').first()).toContainText('disetujui')
    await expect(page.getByText('Tidak ada catatan yang menunggu.')).toBeVisible()

    // The results table and its CSV.
    await expect(page.getByRole('row', { name: new RegExp(teenA.nickname) })).toContainText('1.670')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Unduh CSV' }).click()
    expect((await download).suggestedFilename()).toBe(`tantangan-${challengeId}-hasil.csv`)
    await expectAccessible(page, 'review page after approval')
  })
})

test('an under-13 needs a guardian e-mail; the consent page handles an unknown link', async ({ page }) => {
  const child = newVisitor('anak')
  const year = String(new Date().getFullYear() - 10)
  await page.goto('/daftar')
  await expect(page.getByLabel('Email orang tua atau wali')).toHaveCount(0)
  await page.getByLabel('Email', { exact: true }).fill(child.email)
  await page.getByLabel('Kata sandi', { exact: true }).fill(child.password)
  await page.getByLabel('Nama tampilan').fill(child.displayName)
  await page.getByLabel('Tahun lahir').fill(year)
  const guardian = page.getByLabel('Email orang tua atau wali')
  await expect(guardian).toBeVisible()
  await page.getByRole('button', { name: 'Daftar', exact: true }).click()
  await expect(guardian).toHaveAttribute('aria-invalid', 'true')
  await expect(guardian).toBeFocused()
  await expect(page.getByRole('alert')).toContainText('Email orang tua atau wali')
  await expectAccessible(page, 'register as an under-13')

  await page.goto(`/persetujuan/tidak-dikenal-${stamp}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Persetujuan orang tua atau wali' })).toBeVisible()
  await expectAccessible(page, 'guardian consent')
  await page.getByRole('button', { name: 'Saya setuju' }).click()
  await expect(page.getByRole('alert')).toContainText('Tautan ini tidak dikenal atau sudah pernah dipakai')
  await expectAccessible(page, 'guardian consent, unknown link')
})
