import { expect, test, type Locator, type Page } from '@playwright/test'
import { readSheet } from 'read-excel-file/universal'
import { query, sql } from './e2e-sql'
import { DEMO, expectAccessible, logIn, newVisitor } from './support'

/**
 * Issue 20's journey from end to end: staff build a feedback survey in the builder (a question shown only for
 * "Lainnya", a 1–5 satisfaction question, an NPS question; answered through the registration's own link, once per
 * person), publish it and attach it to an event in the event form; a patron registered for the event, the event is
 * moved into the past by SQL and the feedback request is sent (the e2e-only trigger runs the job now); the patron
 * opens the e-mailed link on a 360 px phone, answers by keyboard alone and cannot answer twice; staff read the
 * results (the chart, the condition's base) and download the Excel file, read back here.
 */

const stamp = `${Date.now()}`.slice(-7)
const title = `Survei Umpan Balik Dongeng ${stamp}`
const eventTitle = `Dongeng Sore ${stamp}`

async function type(field: Locator, text: string) {
  await field.fill(text)
}

/** Tabs forward until the element with this id has the focus, as a keyboard user would. */
async function tabUntil(page: Page, id: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((wanted) => document.activeElement?.id === wanted, id)) return
  }
  throw new Error(`Tab never reached #${id}`)
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

test('a feedback survey from the builder to the event, the patron\'s phone and the results', async ({ page, browser }) => {
  test.setTimeout(180_000)

  // 1. Staff build the survey in the builder.
  await logIn(page, DEMO.staff, '/staf/survei/baru')
  await expect(page.getByRole('heading', { level: 1, name: 'Survei baru' })).toBeVisible()
  await type(page.getByLabel('Judul (Bahasa Indonesia)'), title)
  await type(page.getByLabel('Judul (English)'), `Storytelling feedback ${stamp}`)
  await type(page.getByLabel('Pengantar (Bahasa Indonesia)'), 'Bantu kami menyiapkan dongeng berikutnya.')
  await type(page.getByLabel('Pengantar (English)'), 'Help us prepare the next storytelling.')
  await page.getByRole('radio', { name: /Tautan kelola/ }).check()
  await page.getByLabel('Satu jawaban per orang').check()

  const section = page.getByRole('group', { name: 'Bagian 1' })
  const q1 = section.getByRole('group', { name: 'Pertanyaan 1' })
  await type(q1.getByLabel('Pertanyaan (Bahasa Indonesia)'), 'Dari mana Anda tahu acara ini?')
  await type(q1.getByLabel('Pertanyaan (English)'), 'How did you hear about this event?')
  await q1.getByLabel('Wajib dijawab').check()
  await type(q1.getByLabel('Pilihan 1 (Bahasa Indonesia)'), 'Media sosial')
  await type(q1.getByLabel('Pilihan 1 (English)'), 'Social media')
  await type(q1.getByLabel('Pilihan 2 (Bahasa Indonesia)'), 'Teman')
  await type(q1.getByLabel('Pilihan 2 (English)'), 'A friend')
  await q1.getByRole('button', { name: 'Tambah pilihan' }).click()
  await type(q1.getByLabel('Pilihan 3 (Bahasa Indonesia)'), 'Lainnya')
  await type(q1.getByLabel('Pilihan 3 (English)'), 'Other')

  await section.getByRole('button', { name: 'Tambah pertanyaan di bagian 1' }).click()
  const q2 = section.getByRole('group', { name: 'Pertanyaan 2' })
  await type(q2.getByLabel('Pertanyaan (Bahasa Indonesia)'), 'Dari mana tepatnya?')
  await type(q2.getByLabel('Pertanyaan (English)'), 'Where exactly?')
  await q2.getByLabel('Jenis jawaban').selectOption('SHORT_TEXT')
  await q2.getByLabel('Tampilkan hanya jika').selectOption({ label: 'Dari mana Anda tahu acara ini?' })
  await q2.getByLabel('dijawab dengan').selectOption({ label: 'Lainnya' })

  await section.getByRole('button', { name: 'Tambah pertanyaan di bagian 1' }).click()
  const q3 = section.getByRole('group', { name: 'Pertanyaan 3' })
  await type(q3.getByLabel('Pertanyaan (Bahasa Indonesia)'), 'Seberapa puas Anda?')
  await type(q3.getByLabel('Pertanyaan (English)'), 'How satisfied are you?')
  await q3.getByLabel('Jenis jawaban').selectOption('SCALE_5')
  await q3.getByLabel('Wajib dijawab').check()

  await section.getByRole('button', { name: 'Tambah pertanyaan di bagian 1' }).click()
  const q4 = section.getByRole('group', { name: 'Pertanyaan 4' })
  await type(q4.getByLabel('Pertanyaan (Bahasa Indonesia)'), 'Seberapa mungkin Anda merekomendasikan kami?')
  await type(q4.getByLabel('Pertanyaan (English)'), 'How likely are you to recommend us?')
  await q4.getByLabel('Jenis jawaban').selectOption('NPS')

  await page.getByRole('button', { name: 'Simpan survei' }).click()
  await expect(page).toHaveURL(/\/staf\/survei\/\d+$/)
  await expect(page.getByRole('status').filter({ hasText: 'draf' })).toHaveText('Survei disimpan sebagai draf.')
  const surveyId = Number(page.url().split('/').pop())
  await page.getByRole('button', { name: 'Terbitkan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'diterbitkan' })).toHaveText('Survei diterbitkan.')
  expect(query(`SELECT status || ' ' || access || ' ' || one_per_person FROM survey WHERE id = ${surveyId}`)).toBe('PUBLISHED MANAGE_LINK true')
  const keys = query(`SELECT string_agg(q ->> 'key', ',' ORDER BY n) FROM survey, jsonb_array_elements(sections -> 0 -> 'questions') WITH ORDINALITY AS x(q, n) WHERE id = ${surveyId}`).split(',')
  expect(keys).toHaveLength(4)
  const [source, exactly, satisfied, recommend] = keys as [string, string, string, string]
  expect(query(`SELECT (sections -> 0 -> 'questions' -> 1 -> 'condition' ->> 'questionKey') || '=' || (sections -> 0 -> 'questions' -> 1 -> 'condition' ->> 'optionKey') FROM survey WHERE id = ${surveyId}`)).toBe(`${source}=lainnya`)

  // 2. An event (made and published through the API), to which staff attach the survey in the event form.
  const token = (await (await page.request.post('/api/auth/login', { data: DEMO.staff })).json()).token as string
  const headers = { Authorization: `Bearer ${token}` }
  const start = new Date(Date.now() + (5 + Math.floor(Math.random() * 50)) * 86_400_000)
  const created = await page.request.post('/api/events', {
    headers,
    data: {
      title: eventTitle,
      description: 'Dongeng untuk keluarga bersama pendongeng perpustakaan, lewat Zoom.',
      type: 'BOOK_DISCUSSION',
      audience: 'ALL',
      language: 'id',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: `https://zoom.us/j/${stamp}`,
      capacity: 20,
    },
  })
  expect(created.status()).toBe(201)
  const eventId = (await created.json()).id as number
  expect((await page.request.post(`/api/events/${eventId}/publish`, { headers })).status()).toBe(200)

  await page.goto(`/staf/acara/${eventId}/ubah`)
  const select = page.getByLabel('Survei umpan balik')
  await expect(select.locator('option', { hasText: title })).toHaveCount(1)
  await select.selectOption({ label: title })
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan disimpan.' })).toBeVisible()
  expect(query(`SELECT feedback_survey_id FROM event WHERE id = ${eventId}`)).toBe(String(surveyId))

  // 3. A patron registers; the event ends (SQL: only time does that); the feedback request is e-mailed.
  const patron = newVisitor('survei')
  const registered = await page.request.post(`/api/events/${eventId}/registrations`, { data: { name: patron.displayName, email: patron.email } })
  expect(registered.status()).toBe(202)
  sql(`UPDATE event SET starts_at = now() - interval '5 hours', ends_at = now() - interval '3 hours' WHERE id = ${eventId}`)
  const sent = await page.request.post('/api/e2e/feedback-requests')
  expect(sent.status(), 'the e2e-only trigger of the feedback requests').toBe(200)
  let link = ''
  await expect
    .poll(async () => {
      const mails = (await (await page.request.get(`/api/e2e/mails?to=${encodeURIComponent(patron.email)}`)).json()) as { subject: string; text: string }[]
      const request = mails.find((m) => m.subject === `Bagaimana acaranya? ${eventTitle}`)
      link = request?.text.match(new RegExp(`/survei/${surveyId}\\?token=[\\w-]+`))?.[0] ?? ''
      return link
    }, { message: `the feedback request e-mailed to ${patron.email}` })
    .not.toBe('')

  // On a 360 px phone, by keyboard alone.
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true })
  const phone = await phoneContext.newPage()
  await phone.goto(link)
  await expect(phone.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(phone.locator(`#q-${exactly}`)).toHaveCount(0)
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(phone, 'the survey form on a phone')

  // "Lainnya" by the arrow keys: the follow-up appears after it.
  await tabUntil(phone, `q-${source}-media-sosial`)
  await phone.keyboard.press('Space')
  await phone.keyboard.press('ArrowDown')
  await phone.keyboard.press('ArrowDown')
  expect(await focusedId(phone)).toBe(`q-${source}-lainnya`)
  await expect(phone.locator(`#q-${exactly}`)).toBeVisible()
  await phone.keyboard.press('Tab')
  expect(await focusedId(phone)).toBe(`q-${exactly}`)
  await phone.keyboard.type('Poster di perpustakaan')

  await tabUntil(phone, `q-${satisfied}-1`)
  await phone.keyboard.press('Space')
  for (let i = 0; i < 3; i++) await phone.keyboard.press('ArrowRight')
  expect(await focusedId(phone)).toBe(`q-${satisfied}-4`)
  await tabUntil(phone, `q-${recommend}-0`)
  await phone.keyboard.press('Space')
  for (let i = 0; i < 9; i++) await phone.keyboard.press('ArrowRight')
  expect(await focusedId(phone)).toBe(`q-${recommend}-9`)
  await expectAccessible(phone, 'the answered survey form on a phone')
  await tabUntil(phone, 'survey-submit')
  await phone.keyboard.press('Enter')
  await expect(phone.getByRole('heading', { level: 1, name: 'Terima kasih!' })).toBeVisible()
  expect(query(`SELECT answers ->> '${source}', answers ->> '${exactly}', answers ->> '${satisfied}', answers ->> '${recommend}', event_id
                  FROM survey_response WHERE survey_id = ${surveyId}`)).toBe(`lainnya|Poster di perpustakaan|4|9|${eventId}`)

  // Once per person: the same link now says so, and a second answer is not stored.
  await phone.goto(link)
  await expect(phone.getByRole('heading', { level: 1, name: 'Anda sudah menjawab' })).toBeVisible()
  await expect(phone.getByRole('button', { name: 'Kirim jawaban' })).toHaveCount(0)
  await expectAccessible(phone, 'the already-answered page on a phone')
  expect(query(`SELECT count(*) FROM survey_response WHERE survey_id = ${surveyId}`)).toBe('1')
  await phoneContext.close()

  // 4. Staff read the results: the satisfaction chart, the condition's base, the Excel download.
  await page.goto(`/staf/survei/${surveyId}/hasil`)
  await expect(page.getByRole('heading', { level: 1, name: 'Hasil survei' })).toBeVisible()
  await expect(page.getByTestId('responses')).toContainText('1 tanggapan')
  const satisfaction = page.getByTestId(`question-${satisfied}`)
  await expect(satisfaction.getByRole('img', { name: /Seberapa puas Anda\?.*4: 1/ })).toBeVisible()
  await expect(satisfaction).toContainText('1 menjawab dari 1')
  const followUp = page.getByTestId(`question-${exactly}`)
  await expect(followUp).toContainText('1 menjawab dari 1 yang melihat pertanyaan ini')
  await expect(followUp).toContainText('Hanya ditampilkan jika "Dari mana Anda tahu acara ini?" dijawab "Lainnya".')
  await expectAccessible(page, 'the survey results')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel' }).click()])
  expect(download.suggestedFilename()).toBe(`survei-${surveyId}.xlsx`)
  const file = Buffer.concat(await (await download.createReadStream()).toArray())
  expect(file.subarray(0, 2).toString()).toBe('PK')
  const rows = await readSheet(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength))
  expect(rows).toHaveLength(2)
  const flat = rows.map((r) => r.map((c) => String(c ?? '')))
  expect(flat[1]).toContain('Poster di perpustakaan')
  expect(flat[1]!.some((c) => c === '4')).toBe(true)
  expect(flat[1]!.some((c) => c === '9')).toBe(true)
})
