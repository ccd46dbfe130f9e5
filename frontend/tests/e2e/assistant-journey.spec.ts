import { expect, test, type Page } from '@playwright/test'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * Tanya Perpustakaan against the real backend and its demo knowledge base: a patron on a 360 px phone opens the
 * corner button's panel (its code loads only then), asks "perpus buka jam brp?" and gets the opening hours; a question
 * the knowledge base lacks is handed over. Staff find it in the unanswered list, make an entry of it, and the patron's
 * same question is now answered from that entry. The widget and the staff pages are checked with axe.
 */

const stamp = `${Date.now()}`.slice(-6)
// A question no demo entry answers, made unique per run (the unanswered list shows each text once).
const unknown = `Apakah ada kelas menulis puisi untuk lansia angkatan ${stamp}?`
const newAnswer = `Kelas menulis puisi untuk lansia dibuka setiap Rabu pagi (kode ${stamp}).`

async function askInWidget(page: Page, question: string) {
  const dialog = page.getByRole('dialog', { name: 'Tanya Perpustakaan' })
  const input = dialog.getByRole('textbox', { name: 'Pertanyaan Anda' })
  await input.fill(question)
  await input.press('Enter')
  await expect(dialog.locator('.chat__message--asker').last()).toHaveText(new RegExp(question.replace(/[?.()]/g, '\\$&')))
  return dialog
}

test('a patron asks on a phone; an unknown question reaches the unanswered list; staff add the entry that answers it', async ({ browser, page: staff }) => {
  const patronContext = await browser.newContext({ viewport: { width: 360, height: 800 } })
  const patron = await patronContext.newPage()
  const panelRequests: string[] = []
  patron.on('request', (r) => {
    if (/AssistantPanel-.*\.js$/.test(r.url())) panelRequests.push(r.url())
  })
  await patron.goto('/')
  await expect(patron.getByRole('heading', { level: 1 })).toBeVisible()

  // Only the button comes with the page: the panel's code loads when it is first used.
  const launcher = patron.getByRole('button', { name: 'Tanya Perpustakaan' })
  await expect(launcher).toBeVisible()
  expect(panelRequests).toEqual([])
  const box = (await launcher.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(360)
  expect(box.width).toBeLessThanOrEqual(56)
  await launcher.click()
  const dialog = patron.getByRole('dialog', { name: 'Tanya Perpustakaan' })
  await expect(dialog).toBeVisible()
  expect(panelRequests.length).toBe(1)
  const panelBox = (await dialog.boundingBox())!
  expect(panelBox.x).toBeGreaterThanOrEqual(0)
  expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(360)
  expect(await patron.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expect(dialog.getByRole('textbox', { name: 'Pertanyaan Anda' })).toBeFocused()
  await expect(dialog.getByRole('button', { name: 'Jam buka?' })).toBeVisible()
  await expectAccessible(patron, 'the Tanya Perpustakaan panel')

  // The opening hours, in Bahasa Indonesia, from an informal question.
  await askInWidget(patron, 'perpus buka jam brp?')
  await expect(dialog.locator('.chat__message--assistant').last()).toContainText('Perpustakaan buka')

  // Something the knowledge base does not know is handed over to a librarian.
  await askInWidget(patron, unknown)
  await expect(dialog.locator('.chat__message--assistant').last()).toContainText('pustakawan')
  await expectAccessible(patron, 'the panel with a conversation')

  // Escape closes it and gives focus back to the button; the conversation is still there when it opens again.
  await patron.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(launcher).toBeFocused()
  await launcher.press('Enter')
  await expect(dialog.locator('.chat__message--asker')).toHaveCount(2)
  await patron.keyboard.press('Escape')

  // Staff: the question is in the unanswered list; an entry is made from it.
  await logIn(staff, DEMO.staff, '/staf/tanya-perpustakaan')
  await expect(staff.getByRole('heading', { level: 1, name: 'Tanya Perpustakaan' })).toBeVisible()
  await expect(staff.getByRole('heading', { level: 2, name: 'Jam berapa perpustakaan buka?' })).toBeVisible()
  await expectAccessible(staff, 'the knowledge base')
  await staff.getByLabel('Cari').fill('jam buka')
  await expect(staff.getByText(/^\d+ dari \d+ entri$/)).toBeVisible()

  await staff.getByRole('link', { name: 'Pertanyaan belum terjawab' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Pertanyaan belum terjawab' })).toBeVisible()
  const item = staff.getByRole('listitem').filter({ hasText: unknown })
  await expect(item).toBeVisible()
  await expect(item).toContainText('1 kali')
  await expectAccessible(staff, 'the unanswered questions')
  await item.getByRole('link', { name: /Buat entri dari pertanyaan ini/ }).click()

  await expect(staff.getByRole('heading', { level: 1, name: 'Entri baru' })).toBeVisible()
  await expect(staff.getByLabel('Pertanyaan (Bahasa Indonesia)')).toHaveValue(unknown)
  await expect(staff.getByLabel('Kunci', { exact: true })).toHaveValue(`apakah-ada-kelas-menulis-puisi-untuk-lansia-angkatan-${stamp}`)
  await staff.getByLabel('Pertanyaan (Inggris)').fill(`Is there a poetry writing class for seniors (${stamp})?`)
  await staff.getByRole('button', { name: 'Tambah variasi' }).click()
  await staff.getByLabel('Variasi 1').fill(`kelas puisi lansia ${stamp}`)
  await staff.getByLabel('Jawaban (Bahasa Indonesia)').fill(newAnswer)
  await staff.getByLabel('Jawaban (Inggris)').fill(`Poetry classes for seniors are held every Wednesday morning (code ${stamp}).`)
  await staff.getByRole('button', { name: 'Tambah tautan' }).click()
  await staff.getByLabel('Label (Bahasa Indonesia)').fill('Daftar acara')
  await staff.getByLabel('Label (Inggris)').fill('Events')
  await staff.getByLabel('Alamat', { exact: true }).fill('/acara')
  await staff.getByLabel('Tag').fill('kelas, puisi')
  await expectAccessible(staff, 'the entry form')
  await staff.getByRole('button', { name: 'Tambahkan entri' }).click()
  await expect(staff).toHaveURL(/\/staf\/tanya-perpustakaan\/\d+\/ubah$/)
  await expect(staff.getByRole('heading', { level: 1, name: 'Ubah entri' })).toBeVisible()
  await expect(staff.getByLabel('Jawaban (Bahasa Indonesia)')).toHaveValue(newAnswer)

  // The entry answers within a moment (the index is rebuilt after the change); then the patron's widget gets it.
  await expect
    .poll(async () => (await (await patron.request.post('/api/assistant/questions', { data: { question: unknown, language: 'id' } })).json()).answer, {
      timeout: 15_000,
    })
    .toBe(newAnswer)
  await launcher.click()
  await askInWidget(patron, unknown)
  const answer = dialog.locator('.chat__message--assistant').last()
  await expect(answer).toContainText(newAnswer)
  await answer.getByRole('link', { name: 'Daftar acara' }).click()
  await expect(patron).toHaveURL(/\/acara$/)

  // On an event page the phone's "Daftar" bar stays uncovered: the button sits above it.
  const events = (await (await patron.request.get('/api/events?size=50')).json()) as { items: Array<{ id: number; registrationOpen?: boolean }> }
  const openEvent = events.items.find((e) => e.registrationOpen)!
  await patron.goto(`/acara/${openEvent.id}`)
  const bar = patron.getByTestId('sticky-register')
  await expect(bar).toBeVisible()
  const barBox = (await bar.boundingBox())!
  const launcherBox = (await launcher.boundingBox())!
  expect(launcherBox.y + launcherBox.height).toBeLessThanOrEqual(barBox.y)
  await launcher.click()
  const panelOnEvent = (await dialog.boundingBox())!
  expect(panelOnEvent.y).toBeGreaterThanOrEqual(0)

  await patronContext.close()
})
