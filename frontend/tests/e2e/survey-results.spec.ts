import { expect, test, type APIRequestContext } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { sql } from './e2e-sql'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * Staff read a survey's results on a phone: the charts per question with the NPS figure, the text answers with a
 * search, a filter by age group, and the Excel download. Responses are stored through SQL in the shape answering
 * stores them (answering is its own slice).
 */

async function tokenFor(request: APIRequestContext, who: { email: string; password: string }): Promise<string> {
  const response = await request.post('/api/auth/login', { data: who })
  expect(response.status(), `login ${who.email}`).toBe(200)
  return (await response.json()).token
}

const option = (key: string, id: string, en: string) => ({ key, label: { id, en } })

test('staff read the results of a survey on a phone and download them', async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 780 })
  const staff = await tokenFor(request, DEMO.staff)
  const stamp = `${Date.now()}`
  const created = await request.post('/api/surveys', {
    headers: { Authorization: `Bearer ${staff}` },
    data: {
      title: { id: `Survei Dongeng ${stamp}`, en: `Storytelling survey ${stamp}` },
      introduction: { id: 'Bantu kami memperbaiki acara.', en: 'Help us improve.' },
      access: 'ANONYMOUS',
      onePerPerson: false,
      sections: [
        {
          title: null,
          questions: [
            { key: 'datang', text: { id: 'Akan datang lagi?', en: 'Come again?' }, type: 'SINGLE_CHOICE', required: true, options: [option('ya', 'Ya', 'Yes'), option('tidak', 'Tidak', 'No')] },
            { key: 'alasan', text: { id: 'Mengapa tidak?', en: 'Why not?' }, type: 'LONG_TEXT', required: false, condition: { questionKey: 'datang', optionKey: 'tidak' } },
            { key: 'puas', text: { id: 'Seberapa puas?', en: 'How satisfied?' }, type: 'SCALE_5', required: true },
            { key: 'nps', text: { id: 'Seberapa mungkin merekomendasikan?', en: 'How likely to recommend?' }, type: 'NPS', required: true },
          ],
        },
      ],
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id as number
  const answers = [
    ['ADULT', '{"datang":"ya","puas":5,"nps":10}'],
    ['ADULT', '{"datang":"ya","puas":4,"nps":9}'],
    ['TEEN', '{"datang":"tidak","alasan":"Ruangannya terlalu panas","puas":2,"nps":6}'],
    ['TEEN', '{"datang":"tidak","alasan":"Jadwalnya bentrok dengan sekolah","puas":3,"nps":8}'],
  ]
  for (const [group, body] of answers) {
    sql(`INSERT INTO survey_response (survey_id, age_group, answers) VALUES (${id}, '${group}', '${body}'::jsonb)`)
  }

  await logIn(page, DEMO.staff, `/staf/survei/${id}/hasil`)
  await expect(page.getByRole('heading', { level: 1, name: 'Hasil survei' })).toBeVisible()
  await expect(page.getByTestId('responses')).toContainText('4 tanggapan')
  await expect(page.getByRole('img', { name: /Akan datang lagi\?\. Ya: 2; Tidak: 2/ })).toBeVisible()
  // NPS: 2 promoters, 1 passive, 1 detractor of 4 → 25.
  await expect(page.getByTestId('question-nps').locator('.question__nps-figure')).toContainText('25')
  await expect(page.getByTestId('question-alasan')).toContainText('2 menjawab dari 2')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(page, 'the survey results')

  // The text answers, searched by keyboard.
  await page.getByTestId('question-alasan').getByRole('button', { name: 'Lihat jawaban teks' }).click()
  const search = page.getByLabel('Cari dalam jawaban')
  await search.fill('PANAS')
  await search.press('Enter')
  await expect(page.getByTestId('question-alasan')).toContainText('1 jawaban')
  await expect(page.getByTestId('question-alasan')).toContainText('Ruangannya terlalu panas')
  await expect(page.getByTestId('question-alasan')).not.toContainText('Jadwalnya')

  // Teens only.
  await page.getByLabel('Kelompok usia').selectOption('TEEN')
  await page.getByRole('button', { name: 'Terapkan' }).click()
  await expect(page).toHaveURL(/audience=TEEN/)
  await expect(page.getByTestId('responses')).toContainText('2 tanggapan')
  await expectAccessible(page, 'the survey results filtered')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel' }).click()])
  expect(download.suggestedFilename()).toBe(`survei-${id}.xlsx`)
  const file = readFileSync((await download.path())!)
  expect(file.subarray(0, 2).toString()).toBe('PK')
})
