import { expect, test, type Page } from '@playwright/test'
import { DEMO, expectAccessible } from './support'
import { query } from './e2e-sql'

/**
 * Issue 20, answering: staff create and publish a survey with a condition through the API; a patron on a 360 px phone
 * opens its public page and answers it with the keyboard alone (the conditional question appears when its answer is
 * chosen; a missing required answer is shown at its field and focused), sees the thank-you, and the response is in
 * the database, linked to nobody.
 */
test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true })

const text = (id: string, en: string) => ({ id, en })

async function tabUntil(page: Page, id: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((wanted) => document.activeElement?.id === wanted, id)) return
  }
  throw new Error(`Tab never reached #${id}`)
}

async function focusedId(page: Page) {
  return page.evaluate(() => document.activeElement?.id ?? '')
}

test('a patron answers a survey on a phone by keyboard alone', async ({ page }) => {
  test.setTimeout(120_000)
  const login = await page.request.post('/api/auth/login', { data: DEMO.staff })
  expect(login.status()).toBe(200)
  const headers = { Authorization: `Bearer ${(await login.json()).token}` }
  const title = `Survei Acara ${Date.now()}`
  const created = await page.request.post('/api/surveys', {
    headers,
    data: {
      title: text(title, `Event survey ${Date.now()}`),
      introduction: text('Bantu kami memperbaiki acara kami.', 'Help us improve our events.'),
      access: 'ANONYMOUS',
      onePerPerson: false,
      sections: [
        {
          title: text('Tentang acara', 'About the event'),
          questions: [
            {
              key: 'datang-lagi',
              text: text('Akan datang lagi?', 'Would you come again?'),
              type: 'SINGLE_CHOICE',
              required: true,
              options: [
                { key: 'ya', label: text('Ya', 'Yes') },
                { key: 'tidak', label: text('Tidak', 'No') },
              ],
            },
            {
              key: 'alasan',
              text: text('Mengapa tidak?', 'Why not?'),
              type: 'LONG_TEXT',
              required: true,
              condition: { questionKey: 'datang-lagi', optionKey: 'tidak' },
            },
          ],
        },
        {
          title: null,
          questions: [{ key: 'puas', text: text('Seberapa puas Anda?', 'How satisfied are you?'), type: 'SCALE_5', required: true }],
        },
      ],
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id as number
  expect((await page.request.post(`/api/surveys/${id}/publish`, { headers })).status()).toBe(200)

  await page.goto(`/survei/${id}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.locator('#q-alasan')).toHaveCount(0)
  await expectAccessible(page, 'the survey form')

  // "Tidak" by the arrow key: the conditional question appears after it.
  await tabUntil(page, 'q-datang-lagi-ya')
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowDown')
  expect(await focusedId(page)).toBe('q-datang-lagi-tidak')
  await expect(page.locator('#q-alasan')).toBeVisible()
  await page.keyboard.press('Tab')
  expect(await focusedId(page)).toBe('q-alasan')
  await page.keyboard.type('Jadwalnya terlalu pagi untuk saya.')

  // Sent without the required score: the error is at the field, and the field has the focus.
  await tabUntil(page, 'q-puas-1')
  await tabUntil(page, 'survey-submit')
  await page.keyboard.press('Enter')
  await expect(page.locator('#q-puas-error')).toHaveText('Pertanyaan ini wajib dijawab.')
  expect(await focusedId(page)).toBe('q-puas-1')
  await expectAccessible(page, 'the survey form with an error')
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  expect(await focusedId(page)).toBe('q-puas-4')
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  await tabUntil(page, 'survey-submit')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1, name: 'Terima kasih!' })).toBeVisible()
  await expectAccessible(page, 'the thank-you')
  expect(query(`SELECT answers ->> 'datang-lagi', answers ->> 'alasan', answers ->> 'puas', account_id IS NULL
                  FROM survey_response WHERE survey_id = ${id}`)).toBe('tidak|Jadwalnya terlalu pagi untuk saya.|4|t')
})
