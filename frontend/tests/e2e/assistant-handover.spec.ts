import { expect, test } from '@playwright/test'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * Tanya Perpustakaan's hand-over on the web (issue 19): a patron's question the knowledge base cannot answer becomes a
 * thread in the staff inbox; staff open it in Percakapan and reply; the reply appears in the patron's open widget
 * without a reload (SSE), marked "Pustakawan", and after a reload the widget restores the conversation. Needs the web
 * hand-over API (the answer's conversationToken, /api/assistant/conversations/{token} and its stream).
 */

const stamp = `${Date.now()}`.slice(-6)
const question = `Bolehkah saya menitipkan sumbangan buku bekas nomor ${stamp}?`
const reply = `Boleh, Kak. Silakan bawa ke loket layanan (balasan ${stamp}).`

test('an unknown question is handed over; staff reply in the inbox; the patron sees it live, and again after a reload', async ({ browser, page: staff }) => {
  const patronContext = await browser.newContext({ viewport: { width: 360, height: 800 } })
  const patron = await patronContext.newPage()
  await patron.goto('/')
  const launcher = patron.getByRole('button', { name: 'Tanya Perpustakaan' })
  await launcher.click()
  const dialog = patron.getByRole('dialog', { name: 'Tanya Perpustakaan' })
  const input = dialog.getByRole('textbox', { name: 'Pertanyaan Anda' })
  await input.fill(question)
  await input.press('Enter')
  await expect(dialog.locator('.chat__message--assistant').last()).toContainText('pustakawan')
  await expect(dialog.getByText(/Pustakawan akan menjawab di sini/)).toBeVisible()
  expect(await patron.evaluate(() => localStorage.getItem('serambi.assistant.conversation'))).toMatch(/^[A-Za-z0-9_-]{43}$/)

  // Staff find the thread in the inbox and answer it.
  await logIn(staff, DEMO.staff, '/staf/percakapan')
  const row = staff.getByRole('button', { name: new RegExp(stamp) })
  await expect(row).toBeVisible({ timeout: 15_000 })
  await row.click()
  const thread = staff.getByRole('region', { name: 'Percakapan terbuka' })
  await expect(thread.getByText(question, { exact: true }).first()).toBeVisible()
  await thread.getByLabel('Balasan (terlihat oleh kontak)').fill(reply)
  await thread.getByRole('button', { name: 'Kirim balasan' }).click()
  await expect(thread.getByText(reply, { exact: true }).first()).toBeVisible()

  // The reply reaches the patron's open widget live.
  const fromLibrary = dialog.locator('.chat__message--librarian')
  await expect(fromLibrary).toContainText(reply, { timeout: 15_000 })
  await expect(fromLibrary.locator('.chat__who')).toHaveText('Pustakawan')
  await expectAccessible(patron, 'the widget with a librarian reply')

  // A reload: the widget restores the conversation from the server.
  await patron.reload()
  await launcher.click()
  await expect(dialog.locator('.chat__message--asker').first()).toContainText(question)
  await expect(dialog.locator('.chat__message--librarian')).toContainText(reply)

  await patronContext.close()
})
