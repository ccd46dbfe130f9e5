import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n, setLanguage } from '@/app/i18n'
import type { Challenge } from '@/features/challenges/catalogue/api'
import * as participationApi from '@/features/challenges/participation/api'
import ReadingLogForm from '@/features/challenges/participation/components/ReadingLogForm.vue'
import { ApiError } from '@/lib/api-client'

vi.mock('@/features/challenges/participation/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/challenges/participation/api')>()
  return { ...actual, logReading: vi.fn(), editLog: vi.fn() }
})

const challenge: Challenge = {
  id: 4,
  version: 1,
  preSurveyId: null,
  postSurveyId: null,
  title: 'Pekan Literasi',
  description: '',
  audience: 'TEENS',
  startsOn: '2026-11-01',
  endsOn: '2026-12-31',
  goalType: 'BOOKS',
  goalValue: 10,
  pointsPerBook: 10,
  pointsPerPage: 1,
  pointsPerMinute: 0,
  maxBooksPerDay: null,
  maxMinutesPerDay: 300,
  maxPagesPerDay: 500,
  flagPagesPerDay: 1000,
  flagMinutesPerDay: 600,
  schools: [],
  badges: [],
  status: 'PUBLISHED',
  participants: 2,
}

function mountForm(rules: Partial<Challenge> = {}) {
  return mount(ReadingLogForm, { props: { challenge: { ...challenge, ...rules } }, global: { plugins: [i18n] }, attachTo: document.body })
}
const input = (w: ReturnType<typeof mountForm>, label: string) => {
  const l = w.findAll('label').find((x) => x.text().startsWith(label))!
  return w.get(`[id="${l.attributes('for')}"]`)
}

describe('ReadingLogForm', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    vi.useFakeTimers({ toFake: ['Date'] })
    // 23:30 WITA on 23 Nov 2026: still the 23rd in Banjarbaru (UTC says 15:30).
    vi.setSystemTime(new Date('2026-11-23T15:30:00Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.mocked(participationApi.logReading).mockReset()
  })

  it('starts on today in WITA with "finished" ticked and sharing off', () => {
    const w = mountForm()
    expect((input(w, 'Tanggal membaca').element as HTMLInputElement).value).toBe('2026-11-23')
    expect((input(w, 'Buku ini selesai kubaca').element as HTMLInputElement).checked).toBe(true)
    expect((input(w, 'Boleh dibagikan petugas').element as HTMLInputElement).disabled).toBe(true)
    w.unmount()
  })

  it('asks for a title, an author and pages or minutes before sending, and refuses a future date', async () => {
    const w = mountForm()
    await input(w, 'Tanggal membaca').setValue('2026-11-30')
    await w.get('form').trigger('submit')
    expect(w.get('[role="alert"]').text()).toContain('Periksa kembali isian yang ditandai.')
    expect(input(w, 'Judul buku').attributes('aria-invalid')).toBe('true')
    // Minutes earn nothing in this challenge, so pages are what it asks for.
    expect(w.text()).toContain('Isi jumlah halaman yang kamu baca.')
    expect(w.text()).toContain('Tanggal membaca tidak boleh di masa depan.')
    expect(document.activeElement).toBe(input(w, 'Judul buku').element)
    expect(participationApi.logReading).not.toHaveBeenCalled()
    w.unmount()
  })

  it('sends the log (the review shared only when ticked) and starts over', async () => {
    vi.mocked(participationApi.logReading).mockResolvedValue({
      log: {
        id: 1, title: 'Laskar Pelangi', author: 'Andrea Hirata', isbn: null, pages: 120, minutes: null, finished: true,
        readOn: '2026-11-23', review: 'Menyentuh.', points: 130, status: 'VALID', flagReason: null, shareReview: true,
        createdAt: '2026-11-23T03:00:00.000Z',
      },
      pointsAwarded: 130,
      totalPoints: 130,
    })
    const w = mountForm()
    await input(w, 'Judul buku').setValue(' Laskar Pelangi ')
    await input(w, 'Penulis').setValue('Andrea Hirata')
    await input(w, 'Halaman').setValue('120')
    await input(w, 'Ulasan singkat').setValue('Menyentuh.')
    await input(w, 'Boleh dibagikan petugas').setValue(true)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(participationApi.logReading).toHaveBeenCalledWith(4, {
      title: 'Laskar Pelangi',
      author: 'Andrea Hirata',
      pages: 120,
      readOn: '2026-11-23',
      finished: true,
      review: 'Menyentuh.',
      shareReview: true,
    })
    expect(w.emitted('logged')?.[0]?.[0]).toMatchObject({ pointsAwarded: 130 })
    expect((input(w, 'Judul buku').element as HTMLInputElement).value).toBe('')
    w.unmount()
  })

  it('shows a daily cap (409) next to the field it concerns', async () => {
    vi.mocked(participationApi.logReading).mockRejectedValue(
      new ApiError(409, { type: 'https://serambi.id/problems/daily-cap-exceeded', status: 409, detail: 'At most 500 pages count per day' }),
    )
    const w = mountForm()
    await input(w, 'Judul buku').setValue('Bumi Manusia')
    await input(w, 'Penulis').setValue('Pramoedya Ananta Toer')
    await input(w, 'Halaman').setValue('600')
    await w.get('form').trigger('submit')
    await flushPromises()
    const pages = input(w, 'Halaman')
    expect(pages.attributes('aria-invalid')).toBe('true')
    expect(w.get(`[id="${pages.attributes('id')}-error"]`).text()).toContain('Paling banyak 500 halaman dihitung per hari')
    expect(w.get('[role="alert"]').text()).toContain('Batas harian tantangan ini sudah tercapai.')
    w.unmount()
  })

  it('shows a date the server refuses (400) next to the date', async () => {
    vi.mocked(participationApi.logReading).mockRejectedValue(
      new ApiError(400, { status: 400, errors: [{ field: 'log.body.readOn', message: 'must lie within the challenge, 2026-11-01 to 2026-12-31' }] }),
    )
    const w = mountForm()
    await input(w, 'Judul buku').setValue('Ronggeng Dukuh Paruk')
    await input(w, 'Penulis').setValue('Ahmad Tohari')
    await input(w, 'Halaman').setValue('45')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(input(w, 'Tanggal membaca').attributes('aria-invalid')).toBe('true')
    expect(w.text()).toContain('Tanggal membaca harus di dalam masa tantangan.')
    w.unmount()
  })

  describe('says plainly what counts in this challenge (issue 17: 45 minutes earned "+0 poin")', () => {
    const labels = (w: ReturnType<typeof mountForm>) => w.findAll('label').map((l) => l.text())

    it('offers no minutes where minutes earn nothing, and says so', () => {
      const w = mountForm()
      expect(labels(w)).toContain('Halaman')
      expect(labels(w)).not.toContain('Menit')
      const note = w.get('[data-testid="amount-note"]').text()
      expect(note).toContain('Isi jumlah halaman yang kamu baca. Menit membaca tidak dihitung di tantangan ini.')
      expect(note).toContain('Poin di tantangan ini: 10 poin untuk setiap buku yang selesai dibaca dan 1 poin per halaman.')
      expect(note).not.toContain('atau keduanya')
      w.unmount()
    })

    it('offers only minutes in a minutes challenge that pays for minutes, and asks for them', async () => {
      const w = mountForm({ goalType: 'MINUTES', pointsPerBook: 0, pointsPerPage: 0, pointsPerMinute: 2 })
      expect(labels(w)).toContain('Menit')
      expect(labels(w)).not.toContain('Halaman')
      const note = w.get('[data-testid="amount-note"]').text()
      expect(note).toContain('Isi berapa menit kamu membaca. Jumlah halaman tidak dihitung di tantangan ini.')
      expect(note).toContain('Poin di tantangan ini: 2 poin per menit membaca.')
      await w.get('form').trigger('submit')
      expect(input(w, 'Menit').attributes('aria-invalid')).toBe('true')
      expect(w.text()).toContain('Isi berapa menit kamu membaca.')
      w.unmount()
    })

    it('offers both where both earn points, and says what each earns', () => {
      const w = mountForm({ pointsPerMinute: 1 })
      expect(labels(w)).toEqual(expect.arrayContaining(['Halaman', 'Menit']))
      const note = w.get('[data-testid="amount-note"]').text()
      expect(note).toContain('Isi jumlah halaman, menit membaca, atau keduanya.')
      expect(note).toContain('10 poin untuk setiap buku yang selesai dibaca, 1 poin per halaman, dan 1 poin per menit membaca')
      w.unmount()
    })

    it('says when an amount moves the goal without earning points', () => {
      const w = mountForm({ goalType: 'PAGES', pointsPerPage: 0 })
      expect(labels(w)).toContain('Halaman')
      expect(labels(w)).not.toContain('Menit')
      expect(w.get('[data-testid="amount-note"]').text()).toContain('Halaman dihitung untuk target, tetapi tidak menambah poin.')
      w.unmount()
    })

    it('speaks English too', async () => {
      await setLanguage('en', false)
      try {
        const w = mountForm()
        const note = w.get('[data-testid="amount-note"]').text()
        expect(note).toContain('Enter the pages you read. Minutes of reading do not count in this challenge.')
        expect(note).toContain('Points in this challenge: 10 points for every book you finish and 1 points per page.')
        w.unmount()
      } finally {
        await setLanguage('id', false)
      }
    })
  })
})
