import { expect, test, type Locator, type Page } from '@playwright/test'
import { query, sql } from './e2e-sql'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * The staff survey builder (issue 20), by keyboard only against the real backend: a librarian builds a survey with
 * two sections and a question shown only for an earlier answer, meets a 400 at the exact field, saves, publishes
 * (the share panel appears), duplicates, and, once the survey has a response (inserted with SQL: answering is another
 * page), is told every reason a change is refused; last, a post is drafted from it. The list and the editor are
 * checked with axe.
 */

const stamp = `${Date.now()}`.slice(-6)
const title = `Survei Diskusi Buku ${stamp}`

/** Puts the focus on a control with Tab-free focus() and activates it with the keyboard, as a keyboard user would. */
async function press(control: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await control.focus()
  await expect(control).toBeFocused()
  await control.press(key)
}

/** Types into a field by keyboard. */
async function type(page: Page, field: Locator, text: string) {
  await field.focus()
  await field.press('ControlOrMeta+a')
  await field.press('Delete')
  await page.keyboard.type(text)
}

test('staff build a two-section survey with a condition by keyboard, save, publish, duplicate, and see why an answered survey refuses a change', async ({ page }) => {
  await logIn(page, DEMO.staff, '/staf/survei')
  await expect(page.getByRole('heading', { level: 1, name: 'Survei' })).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Survei', exact: true })).toBeVisible()
  await expectAccessible(page, 'the survey list')

  await press(page.getByRole('link', { name: 'Buat survei' }))
  await expect(page).toHaveURL(/\/staf\/survei\/baru$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Survei baru' })).toBeVisible()
  await expectAccessible(page, 'the empty survey editor')

  await type(page, page.getByLabel('Judul (Bahasa Indonesia)'), title)
  await type(page, page.getByLabel('Judul (English)'), `Book talk survey ${stamp}`)
  await type(page, page.getByLabel('Pengantar (Bahasa Indonesia)'), 'Bantu kami memperbaiki diskusi buku.')
  await type(page, page.getByLabel('Pengantar (English)'), 'Help us improve our book talks.')
  await press(page.getByRole('radio', { name: /Akun/ }), 'Space')
  await expect(page.getByRole('radio', { name: /Akun/ })).toBeChecked()
  await press(page.getByRole('radio', { name: /Anonim/ }), 'Space')

  // Section 1: a single-choice question and, shown only for "Tidak", a long text.
  const section1 = page.getByRole('group', { name: 'Bagian 1' })
  await type(page, section1.getByLabel('Judul bagian (Bahasa Indonesia)'), 'Tentang acara')
  await type(page, section1.getByLabel('Judul bagian (English)'), 'About the event')
  const q1 = section1.getByRole('group', { name: 'Pertanyaan 1' })
  await type(page, q1.getByLabel('Pertanyaan (Bahasa Indonesia)'), 'Akan datang lagi?')
  await type(page, q1.getByLabel('Pertanyaan (English)'), 'Will you come again?')
  await press(q1.getByLabel('Wajib dijawab'), 'Space')
  await expect(q1.getByLabel('Wajib dijawab')).toBeChecked()
  await type(page, q1.getByLabel('Pilihan 1 (Bahasa Indonesia)'), 'Ya')
  await type(page, q1.getByLabel('Pilihan 1 (English)'), 'Yes')
  await type(page, q1.getByLabel('Pilihan 2 (Bahasa Indonesia)'), 'Tidak')
  // Pilihan 2 (English) stays empty for now: the server's 400 must land on it.

  await press(section1.getByRole('button', { name: 'Tambah pertanyaan di bagian 1' }))
  const q2 = section1.getByRole('group', { name: 'Pertanyaan 2' })
  await expect(q2.getByLabel('Pertanyaan (Bahasa Indonesia)')).toBeFocused()
  await page.keyboard.type('Mengapa tidak?')
  await type(page, q2.getByLabel('Pertanyaan (English)'), 'Why not?')
  await q2.getByLabel('Jenis jawaban').selectOption('LONG_TEXT')
  await expect(q2.getByRole('group', { name: 'Pilihan jawaban' })).toHaveCount(0)
  // Only earlier choice questions are offered.
  await expect(q1.getByLabel('Tampilkan hanya jika').locator('option')).toHaveText(['Selalu tampilkan'])
  await expect(q2.getByLabel('Tampilkan hanya jika').locator('option')).toHaveText(['Selalu tampilkan', 'Akan datang lagi?'])
  await q2.getByLabel('Tampilkan hanya jika').selectOption({ label: 'Akan datang lagi?' })
  await q2.getByLabel('dijawab dengan').selectOption({ label: 'Tidak' })

  // Section 2: a scale and a number with a range, then the number moved above the scale by keyboard.
  await press(page.getByRole('button', { name: 'Tambah bagian' }))
  const section2 = page.getByRole('group', { name: 'Bagian 2' })
  await expect(section2.getByLabel('Judul bagian (Bahasa Indonesia)')).toBeFocused()
  await page.keyboard.type('Penilaian')
  await type(page, section2.getByLabel('Judul bagian (English)'), 'Rating')
  const q3 = section2.getByRole('group', { name: 'Pertanyaan 3' })
  await type(page, q3.getByLabel('Pertanyaan (Bahasa Indonesia)'), 'Seberapa puas Anda?')
  await type(page, q3.getByLabel('Pertanyaan (English)'), 'How satisfied are you?')
  await q3.getByLabel('Jenis jawaban').selectOption('SCALE_5')
  await press(section2.getByRole('button', { name: 'Tambah pertanyaan di bagian 2' }))
  const q4 = section2.getByRole('group', { name: 'Pertanyaan 4' })
  await page.keyboard.type('Berapa buku Anda baca bulan ini?')
  await type(page, q4.getByLabel('Pertanyaan (English)'), 'How many books did you read this month?')
  await q4.getByLabel('Jenis jawaban').selectOption('NUMBER')
  await type(page, q4.getByLabel('Angka terkecil'), '0')
  await type(page, q4.getByLabel('Angka terbesar'), '100')
  await press(q4.getByRole('button', { name: 'Naikkan pertanyaan 4' }))
  await expect(section2.getByRole('group', { name: 'Pertanyaan 3' }).getByLabel('Pertanyaan (Bahasa Indonesia)')).toHaveValue(
    'Berapa buku Anda baca bulan ini?',
  )
  await expect(page.getByRole('button', { name: 'Naikkan pertanyaan 3' })).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: 'Pertanyaan dipindah' })).toHaveText('Pertanyaan dipindah ke bagian 2, urutan 1.')

  // The 400 names sections[0].questions[0].options[1].label.en: the message shows at that field, which gets the focus.
  await press(page.getByRole('button', { name: 'Simpan survei' }))
  const missing = q1.getByLabel('Pilihan 2 (English)')
  await expect(missing).toBeFocused()
  await expect(missing).toHaveAttribute('aria-invalid', 'true')
  await expect(page).toHaveURL(/\/staf\/survei\/baru$/)
  await page.keyboard.type('No')

  await press(page.getByRole('button', { name: 'Simpan survei' }))
  await expect(page).toHaveURL(/\/staf\/survei\/\d+$/)
  await expect(page.getByRole('status').filter({ hasText: 'draf' })).toHaveText('Survei disimpan sebagai draf.')
  const id = Number(page.url().split('/').pop())
  expect(query(`SELECT status || ' ' || jsonb_array_length(sections) FROM survey WHERE id = ${id}`)).toBe('DRAFT 2')
  expect(query(`SELECT sections -> 0 -> 'questions' -> 1 -> 'condition' ->> 'questionKey' || '=' || (sections -> 0 -> 'questions' -> 1 -> 'condition' ->> 'optionKey') FROM survey WHERE id = ${id}`)).toBe('akan-datang-lagi=tidak')
  expect(query(`SELECT string_agg(q ->> 'key', ',' ORDER BY n) FROM survey, jsonb_array_elements(sections -> 1 -> 'questions') WITH ORDINALITY AS x(q, n) WHERE id = ${id}`)).toBe('berapa-buku-anda-baca-bulan-ini,seberapa-puas-anda')
  await expectAccessible(page, 'the survey editor with two sections')

  // Publish: the share panel with the public link, the QR (or its notice), and the post draft.
  await press(page.getByRole('button', { name: 'Terbitkan' }))
  await expect(page.getByRole('status').filter({ hasText: 'diterbitkan' })).toHaveText('Survei diterbitkan.')
  const share = page.getByRole('region', { name: 'Bagikan survei' })
  await expect(share.getByLabel('Tautan publik')).toHaveValue(new RegExp(`/survei/${id}$`))
  await expect(share.getByRole('img', { name: `Kode QR menuju survei ${title}` }).or(share.getByText('Kode QR belum dapat dimuat.'))).toBeVisible()
  await expect(share.getByRole('button', { name: 'Buat draf postingan' })).toBeVisible()
  expect(query(`SELECT status FROM survey WHERE id = ${id}`)).toBe('PUBLISHED')
  await expectAccessible(page, 'the published survey with its share panel')

  // Duplicate: a draft copy opens in the editor.
  await press(page.getByRole('button', { name: 'Duplikat' }))
  await expect(page).not.toHaveURL(new RegExp(`/staf/survei/${id}$`))
  await expect(page).toHaveURL(/\/staf\/survei\/\d+\?salinan=1$/)
  await expect(page.getByLabel('Judul (Bahasa Indonesia)')).toHaveValue(`${title} (salinan)`)
  const copy = Number(new URL(page.url()).pathname.split('/').pop())
  expect(query(`SELECT status FROM survey WHERE id = ${copy}`)).toBe('DRAFT')

  // Once answered, a change that alters what the answers mean is refused, with every reason listed.
  sql(`INSERT INTO survey_response (survey_id, answers) VALUES (${id}, '{"akan-datang-lagi":"tidak","mengapa-tidak":"Jamnya terlalu pagi"}')`)
  await page.goto(`/staf/survei/${id}`)
  await expect(page.getByText('· 1 jawaban')).toBeVisible()
  const answered = page.getByRole('group', { name: 'Pertanyaan 1' })
  await answered.getByLabel('Jenis jawaban').selectOption('MULTIPLE_CHOICE')
  await page.getByRole('group', { name: 'Pertanyaan 2' }).getByLabel('Tampilkan hanya jika').selectOption('')
  await press(page.getByRole('button', { name: 'Simpan perubahan' }))
  const alert = page.getByRole('alert').filter({ hasText: 'Perubahan ditolak' })
  await expect(alert).toBeVisible()
  await expect(alert.getByRole('listitem')).toHaveCount(2)
  await expect(alert.getByRole('listitem').filter({ hasText: 'Pertanyaan “Akan datang lagi?”' })).toContainText('cannot change its type from SINGLE_CHOICE to MULTIPLE_CHOICE')
  await expect(alert.getByRole('listitem').filter({ hasText: 'Pertanyaan “Mengapa tidak?”' })).toContainText('condition')
  expect(query(`SELECT (sections -> 0 -> 'questions' -> 0 ->> 'type') || ' ' || (sections -> 0 -> 'questions' -> 1 -> 'condition' ->> 'optionKey') FROM survey WHERE id = ${id}`)).toBe('SINGLE_CHOICE tidak')

  // The list: filtered by status, the answered survey cannot be deleted and says why.
  await page.goto('/staf/survei?status=PUBLISHED')
  const row = page.getByRole('row', { name: new RegExp(title) }).first()
  await expect(row).toContainText('Terbit')
  await expect(row.getByRole('button', { name: 'Hapus' })).toBeDisabled()
  await expect(row).toContainText('sudah dijawab')
  await expect(page.getByRole('row', { name: new RegExp(`${title} \\(salinan\\)`) })).toHaveCount(0)
  await expectAccessible(page, 'the survey list filtered by status')

  // The unanswered copy is deleted after a confirmation asked in place.
  await page.goto('/staf/survei?status=DRAFT')
  const copyRow = page.getByRole('row', { name: new RegExp(`${title} \\(salinan\\)`) })
  await press(copyRow.getByRole('button', { name: 'Hapus' }))
  await expect(copyRow.getByText(`Hapus survei ${title} (salinan)?`)).toBeFocused()
  await press(copyRow.getByRole('button', { name: 'Ya, hapus' }))
  await expect(page.getByRole('status').filter({ hasText: 'dihapus' })).toHaveText(`${title} (salinan) dihapus.`)
  await expect(page.getByRole('row', { name: new RegExp(`${title} \\(salinan\\)`) })).toHaveCount(0)
  expect(query(`SELECT count(*) FROM survey WHERE id = ${copy}`)).toBe('0')

  // "Buat draf postingan": a DRAFT post inviting people to answer opens in the post editor.
  await page.goto(`/staf/survei/${id}`)
  await press(page.getByRole('region', { name: 'Bagikan survei' }).getByRole('button', { name: 'Buat draf postingan' }))
  await expect(page).toHaveURL(/\/staf\/konten\/pos\/\d+\/ubah$/)
  const post = Number(page.url().split('/').slice(-2)[0])
  expect(query(`SELECT status || ' ' || content_type FROM post WHERE id = ${post}`)).toBe('DRAFT ANNOUNCEMENT')
  // Each variant carries its own tracked link to the survey (issue 22) in place of the survey's page.
  expect(query(`SELECT count(DISTINCT t.code) FROM post_variant v JOIN tracked_link t ON t.variant_id = v.id
    WHERE v.post_id = ${post} AND t.target_kind = 'SURVEY' AND t.target_id = ${id} AND v.text LIKE '%/l/' || t.code || '%'`)).toBe('3')
})

test('the builder fits a 360 px phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } })
  const phone = await context.newPage()
  await logIn(phone, DEMO.staff, '/staf/survei/baru')
  await expect(phone.getByRole('heading', { level: 1, name: 'Survei baru' })).toBeVisible()
  await expect(phone.getByRole('group', { name: 'Pertanyaan 1' })).toBeVisible()
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await phone.goto('/staf/survei')
  await expect(phone.getByRole('heading', { level: 1, name: 'Survei' })).toBeVisible()
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await context.close()
})
