import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * Issue 17, point 13: "Butuh bantuan? Lihat panduan" on the event, challenge and campaign pages leads to a short guide
 * of numbered steps, readable on a 360 px phone (no sideways scrolling) and axe clean. Point 12: the "Daftar tunggu"
 * badge keeps its distance from "urutan ke-1" on the registrants list.
 */

async function firstId(request: APIRequestContext, path: string): Promise<number> {
  const body = (await (await request.get(path)).json()) as { id: number }[] | { items: { id: number }[] }
  const list = Array.isArray(body) ? body : body.items
  expect(list.length, `something at ${path}`).toBeGreaterThan(0)
  return list[0]!.id
}

async function followGuide(page: Page, from: string, guide: string, title: string, steps: number) {
  const link = page.getByTestId('guide-link').getByRole('link', { name: `Lihat panduan: ${title}` })
  await expect(link).toBeVisible()
  await link.click()
  await expect(page).toHaveURL(new RegExp(`/panduan/${guide}$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Langkah-langkah' }).getByRole('listitem')).toHaveCount(steps)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `sideways scrolling on the guide from ${from}`).toBeLessThanOrEqual(0)
  // The steps' text is at least 16 px: readable on a phone.
  const size = await page.locator('.guide__step').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(size).toBeGreaterThanOrEqual(16)
  await expectAccessible(page, `guide ${guide} at 360 px`)
}

test('a patron finds the registration guide from an event page, on a phone', async ({ page, request }) => {
  const eventId = await firstId(request, '/api/events')
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto(`/acara/${eventId}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await followGuide(page, 'the event page', 'daftar-acara', 'Cara mendaftar acara', 6)
  await page.getByRole('link', { name: 'Ke daftar acara' }).click()
  await expect(page).toHaveURL(/\/acara$/)
})

test('a teen finds the reading challenge guide from a challenge page, on a phone', async ({ page, request }) => {
  const challengeId = await firstId(request, '/api/challenges')
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto(`/tantangan/${challengeId}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await followGuide(page, 'the challenge page', 'tantangan-membaca', 'Cara ikut tantangan membaca', 6)
  // The other guides are one tap away.
  await page.getByRole('navigation', { name: 'Panduan lain' }).getByRole('link', { name: 'Kampanye pertama Anda' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kampanye pertama Anda' })).toBeVisible()
})

test('staff find the first-campaign guide from the campaigns page, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 })
  await logIn(page, DEMO.staff, '/staf/konten/kampanye')
  await expect(page.getByRole('heading', { level: 1, name: 'Kampanye' })).toBeVisible()
  await followGuide(page, 'the campaigns page', 'kampanye-pertama', 'Kampanye pertama Anda', 7)
})

test('the waitlist badge keeps its distance from the position beside it', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: DEMO.staff })
  const auth = { Authorization: `Bearer ${(await login.json()).token}` }
  const start = new Date(Date.now() + 30 * 86_400_000)
  const created = await request.post('/api/events', {
    headers: auth,
    data: {
      title: `Klub Baca Kecil ${Date.now()}`,
      description: 'Satu kursi saja.',
      type: 'BOOK_DISCUSSION',
      audience: 'ALL',
      language: 'id',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/5550002222',
      capacity: 1,
    },
  })
  expect(created.status()).toBe(201)
  const eventId = (await created.json()).id
  expect((await request.post(`/api/events/${eventId}/publish`, { headers: auth })).status()).toBe(200)
  for (const name of ['Siti Rahmah', 'Ahmad Fauzi']) {
    const email = `${name.split(' ')[0]!.toLowerCase()}.${Date.now()}@contoh.id`
    expect((await request.post(`/api/events/${eventId}/registrations`, { data: { name, email } })).status()).toBe(202)
  }

  await page.setViewportSize({ width: 1366, height: 768 })
  await logIn(page, DEMO.staff, `/staf/acara/${eventId}/pendaftar`)
  const badge = page.locator('.badge', { hasText: 'Daftar tunggu' }).first()
  await expect(badge).toBeVisible()
  const position = badge.locator('xpath=following-sibling::*[1]')
  await expect(position).toContainText('urutan ke-1')
  // Where the badge ends and the words beside it begin: on the same line, a visible gap; else the next line.
  const { gap, sameLine } = await badge.evaluate((el) => {
    const a = el.getBoundingClientRect()
    const first = el.nextElementSibling!.getClientRects()[0]!
    return { gap: first.left - a.right, sameLine: Math.abs(first.top + first.height / 2 - (a.top + a.height / 2)) < a.height / 2 }
  })
  expect(!sameLine || gap >= 4, `the words start ${gap} px after the badge`).toBe(true)
})
