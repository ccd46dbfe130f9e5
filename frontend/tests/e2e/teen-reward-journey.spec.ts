import { expect, request, test } from '@playwright/test'
import { expectAccessible, newVisitor } from './support'

/**
 * Issue 17, a teen on a phone (360 × 800): logs in and lands on the challenges (theirs first), opens theirs, logs a book on the
 * "Catat" tab and sees the reward (+130 poin, a new badge) right under the button, announced politely; the form says
 * plainly that minutes earn nothing in this challenge; the board says "(kamu)" and keeps nicknames whole.
 */

test.use({ viewport: { width: 360, height: 800 } })

const DEMO_CHALLENGE = 'Tantangan Membaca Remaja: Pekan Literasi Banjarbaru'

test('a teen logging and seeing the reward', async ({ page, baseURL }) => {
  // A fresh teen who joined the demo challenge (10 points a finished book, 1 a page, none for minutes; a badge at 50).
  const teen = newVisitor('remaja-hadiah')
  const nickname = `Hadiah${Date.now().toString().slice(-6)}`
  const api = await request.newContext({ baseURL })
  expect((await api.post('/api/auth/register', { data: { ...teen, birthYear: 2011 } })).status()).toBe(202)
  const { token } = (await (await api.post('/api/auth/login', { data: { email: teen.email, password: teen.password } })).json()) as {
    token: string
  }
  const challenges = (await (await api.get('/api/challenges')).json()) as { id: number; title: string }[]
  const demo = challenges.find((c) => c.title === DEMO_CHALLENGE)!
  expect(demo, 'the demo challenge').toBeTruthy()
  const joined = await api.post(`/api/challenges/${demo.id}/participants`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { nickname, school: 'SMP Negeri 1 Banjarbaru' },
  })
  expect(joined.status()).toBe(201)
  await api.dispose()

  // Logging in (no ?next=) lands on the challenges, not on the account settings.
  await page.goto('/masuk')
  await page.getByLabel('Email').fill(teen.email)
  await page.getByLabel('Kata sandi').fill(teen.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page).toHaveURL(/\/tantangan$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Tantangan membaca' })).toBeVisible()
  // "Tantangan saya" first: the challenge this teen joined, with the nickname and a way straight to its log.
  const mine = page.getByRole('region', { name: 'Tantangan saya' })
  await expect(mine).toContainText(DEMO_CHALLENGE)
  await expect(mine).toContainText(`Kamu ikut sebagai ${nickname} · 0 poin`)
  await expect(mine.getByRole('link', { name: 'Catat bacaan' })).toHaveAttribute('href', `/tantangan/${demo.id}?tab=catat`)
  await expectAccessible(page, 'challenges after login (phone)')

  await page.getByRole('link', { name: DEMO_CHALLENGE }).click()
  await expect(page).toHaveURL(new RegExp(`/tantangan/${demo.id}$`))
  const tabs = page.getByRole('tablist', { name: 'Bagian tantangan' })
  await expect(tabs.getByRole('tab')).toHaveText(['Papan', 'Catat', 'Progres', 'Aturan'])
  await expect(tabs.getByRole('tab', { name: 'Papan' })).toHaveAttribute('aria-selected', 'true')
  // The board is on the first screen now (it started at 3,250 px).
  const board = page.getByTestId('leaderboard')
  await expect(board).toBeVisible()
  const boardTop = await board.evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
  expect(boardTop).toBeLessThan(800)
  await expectAccessible(page, 'challenge page, board tab (phone)')

  // The board: nicknames whole (no "RajaHalama/n"), and "(kamu)" beside mine, not "(Anda)".
  const broken = await board.locator('.board__nickname').evaluateAll((els) =>
    els
      .filter((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1
      })
      .map((el) => el.textContent),
  )
  expect(broken, 'nicknames broken across lines at 360 px').toEqual([])
  await expect(board.locator('.board__nickname', { hasText: 'RajaHalaman' })).toBeVisible()
  await expect(page.getByTestId('my-rank')).toBeVisible()

  // Keyboard: from the selected tab, the right arrow opens "Catat".
  await tabs.getByRole('tab', { name: 'Papan' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/tantangan/${demo.id}\\?tab=catat$`))
  await expect(tabs.getByRole('tab', { name: 'Catat' })).toBeFocused()

  const form = page.getByTestId('reading-log-form')
  // Minutes earn nothing here: the form does not offer them and says so.
  await expect(page.getByTestId('amount-note')).toContainText('Menit membaca tidak dihitung di tantangan ini.')
  await expect(page.getByTestId('amount-note')).toContainText(
    'Poin di tantangan ini: 10 poin untuk setiap buku yang selesai dibaca dan 1 poin per halaman.',
  )
  await expect(form.getByLabel('Menit')).toHaveCount(0)
  await form.getByLabel('Judul buku').fill('Laskar Pelangi')
  await form.getByLabel('Penulis').fill('Andrea Hirata')
  await form.getByLabel('Halaman').fill('120')
  const button = form.getByRole('button', { name: 'Catat' })
  await button.click()

  // The reward, right under the button and on screen, with the badge moment; the live region says it.
  const reward = page.getByTestId('log-reward')
  await expect(reward).toContainText('+130 poin')
  await expect(reward).toContainText('Total poinmu sekarang 130.')
  await expect(reward.getByTestId('reward-badge')).toContainText('Lencana baru: Pembaca Pemula')
  await expect(reward).toBeInViewport()
  const gap = (await reward.boundingBox())!.y - ((await button.boundingBox())!.y + (await button.boundingBox())!.height)
  expect(gap).toBeGreaterThanOrEqual(0)
  expect(gap).toBeLessThan(40)
  const announcer = page.getByTestId('log-announcer')
  await expect(announcer).toHaveAttribute('aria-live', 'polite')
  await expect(announcer).toHaveText('+130 poin! Lencana baru: Pembaca Pemula. Total poinmu sekarang 130.')
  await expectAccessible(page, 'challenge page, reward after logging (phone)')

  // Progress has the badge; Back returns to the log tab.
  await tabs.getByRole('tab', { name: 'Progres' }).click()
  await expect(page).toHaveURL(/\?tab=progres$/)
  await expect(page.getByTestId('my-points')).toHaveText('130')
  await expect(page.getByTestId('my-progress')).toContainText('Pembaca Pemula')
  await expectAccessible(page, 'challenge page, progress tab (phone)')
  await page.goBack()
  await expect(page).toHaveURL(/\?tab=catat$/)
  await expect(tabs.getByRole('tab', { name: 'Catat' })).toHaveAttribute('aria-selected', 'true')
  await tabs.getByRole('tab', { name: 'Papan' }).click()
  await expect(page).toHaveURL(new RegExp(`/tantangan/${demo.id}$`))
  await expect(board.locator(`[data-nickname="${nickname}"]`)).toContainText('(kamu)')
  await expect(board.locator(`[data-nickname="${nickname}"]`)).toContainText('130 poin')

  await tabs.getByRole('tab', { name: 'Aturan' }).click()
  await expect(page.getByRole('heading', { name: 'Aturan poin' })).toBeVisible()
  await expectAccessible(page, 'challenge page, rules tab (phone)')
})
