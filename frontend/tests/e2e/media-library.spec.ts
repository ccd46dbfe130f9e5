import { expect, test } from '@playwright/test'
import { PORTRAIT_JPEG, SQUARE_JPEG } from './media-files'
import { DEMO, expectAccessible, logIn } from './support'

/**
 * The media library and the post editor's media picker against the real backend: staff upload an image and see its
 * size and dimensions; a file that is not an image is refused; in the editor, Instagram's rule ("needs an image")
 * shows live without media, a 9:16 image brings the aspect-ratio message, and a square image clears both, after
 * which the post can be submitted for review.
 */

const stamp = `${Date.now()}`.slice(-7)
const square = `persegi-${stamp}.jpg`
const portrait = `tegak-${stamp}.jpg`

test('staff upload media, attach it to a post, and the platform rules follow live', async ({ page }) => {
  await logIn(page, DEMO.staff, '/staf/media')
  await expect(page.getByRole('heading', { level: 1, name: 'Pustaka media' })).toBeVisible()
  await expectAccessible(page, 'media library')

  const input = page.getByLabel('Pilih gambar atau video')
  await input.setInputFiles({ name: square, mimeType: 'image/jpeg', buffer: SQUARE_JPEG })
  await expect(page.getByText(`${square} berhasil diunggah.`)).toBeVisible()
  const files = page.getByRole('list', { name: 'Berkas' })
  const card = files.getByRole('listitem').filter({ hasText: square })
  await expect(card).toContainText('64 × 64 px')
  await expect(card).toContainText(`${(SQUARE_JPEG.length / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} KB`)
  await expect(card).toContainText('Gambar · image/jpeg')
  await expect(card.getByRole('img', { name: square })).toBeVisible()

  // Named .jpg, declared image/jpeg, but an HTML page: refused, and nothing is listed.
  await input.setInputFiles({ name: `bukan-gambar-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from('<!doctype html><p>hai</p>') })
  await expect(page.getByRole('alert')).toContainText(`bukan-gambar-${stamp}.jpg tidak diunggah: bukan gambar JPEG, PNG, WebP, atau video MP4.`)
  await expect(files.getByRole('listitem').filter({ hasText: `bukan-gambar-${stamp}` })).toHaveCount(0)
  await expectAccessible(page, 'media library with a file and an error')

  await page.setViewportSize({ width: 360, height: 740 })
  await expect(card).toBeVisible()
  await expectAccessible(page, 'media library on a phone')
  await page.setViewportSize({ width: 1280, height: 800 })

  // The editor: Instagram and X to write; without media, Instagram's rule shows at once.
  await page.goto('/staf/konten/pos/baru')
  await expect(page.getByRole('heading', { level: 1, name: 'Unggahan baru' })).toBeVisible()
  await page.getByLabel('Teks utama').fill(`Kunjungi perpustakaan akhir pekan ini (${stamp}).`)
  await page.getByTestId('variant-INSTAGRAM').getByLabel('Teks untuk Instagram').fill(`Ayo ke perpustakaan! ${stamp}`)
  await page.getByTestId('variant-X').getByLabel('Teks untuk X').fill(`Ayo ke perpustakaan! ${stamp}`)
  const check = page.getByTestId('media-check')
  await expect(check).toContainText('Instagram memerlukan setidaknya satu gambar atau video.')

  // A 9:16 picture uploaded from the picker is attached at once, and Instagram's aspect rule names it.
  await page.getByRole('button', { name: 'Pilih dari pustaka media' }).click()
  await page.getByLabel('Pilih gambar atau video').setInputFiles({ name: portrait, mimeType: 'image/jpeg', buffer: PORTRAIT_JPEG })
  await expect(check).toContainText(`"${portrait}" berukuran 36×64: Instagram memerlukan rasio antara 4:5 (tegak) dan 1,91:1 (melebar).`)
  await expect(check).not.toContainText('memerlukan setidaknya satu')

  // Swapped for the square one from the library: every rule holds.
  await page.getByRole('button', { name: `Lepaskan ${portrait}` }).click()
  await expect(check).toContainText('Instagram memerlukan setidaknya satu gambar atau video.')
  await page.getByRole('button', { name: `Pilih ${square}`, exact: true }).click()
  await expect(check).toContainText('Media memenuhi aturan semua platform.')
  await expect(check).not.toContainText('Instagram memerlukan')
  await expectAccessible(page, 'post editor with its media')

  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click()
  await expect(page).toHaveURL(/\/staf\/konten\/pos\/\d+\/ubah$/)
  await expect(page.getByText(`1. ${square}`)).toBeVisible()
  await page.getByRole('button', { name: 'Kirim untuk ditinjau' }).click()
  await expect(page.getByTestId('post-status')).toHaveText('Ditinjau')
})
