import { describe, expect, it } from 'vitest'
import { i18n } from '@/app/i18n'
import { conflictMessage, durationText, eventStatusLabel, seatsInfo, whatsappShareLink } from '@/features/events/catalogue/model'
import { registrationStatusLabel, registrationStatusTone } from '@/features/events/registration/model'
import { ApiError } from '@/lib/api-client'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string
const n = (v: number) => String(v)

describe('WhatsApp share link', () => {
  it('encodes the text and the page address for wa.me', () => {
    const link = whatsappShareLink('Diskusi Buku: Laskar Pelangi & Sang Pemimpi', 'https://serambi.id/acara/12')
    expect(link.startsWith('https://wa.me/?text=')).toBe(true)
    expect(link).toBe(
      'https://wa.me/?text=Diskusi%20Buku%3A%20Laskar%20Pelangi%20%26%20Sang%20Pemimpi%20https%3A%2F%2Fserambi.id%2Facara%2F12',
    )
    expect(decodeURIComponent(link.split('text=')[1]!)).toBe(
      'Diskusi Buku: Laskar Pelangi & Sang Pemimpi https://serambi.id/acara/12',
    )
  })

  it('keeps non-ASCII characters and drops empty parts', () => {
    const link = whatsappShareLink('  Kuis 📚 ', 'https://serambi.id/acara/3')
    expect(decodeURIComponent(link.split('text=')[1]!)).toBe('Kuis 📚 https://serambi.id/acara/3')
    expect(link).not.toMatch(/[ #?&](?!text=)/)
  })
})

describe('status labels', () => {
  it('names every registration status in Bahasa Indonesia', () => {
    expect(registrationStatusLabel('CONFIRMED', t)).toBe('Terkonfirmasi')
    expect(registrationStatusLabel('WAITLISTED', t)).toBe('Daftar tunggu')
    expect(registrationStatusLabel('CANCELLED', t)).toBe('Dibatalkan')
    expect(registrationStatusLabel('ATTENDED', t)).toBe('Hadir')
    expect(registrationStatusLabel(undefined, t)).toBe('')
  })

  it('gives each status a tone', () => {
    expect(registrationStatusTone('CONFIRMED')).toBe('success')
    expect(registrationStatusTone('WAITLISTED')).toBe('warning')
    expect(registrationStatusTone('CANCELLED')).toBe('danger')
  })

  it('names event statuses', () => {
    expect(eventStatusLabel('DRAFT', t)).toBe('Draf')
    expect(eventStatusLabel('PUBLISHED', t)).toBe('Terbit')
  })
})

describe('seats and duration', () => {
  it('says how many seats are left, unlimited, or that new registrants join the waitlist', () => {
    expect(seatsInfo({ capacity: 50, seatsLeft: 3, waitlistCount: 0 }, t, n)).toEqual({ text: 'Sisa 3 dari 50 kursi', waitlist: false })
    expect(seatsInfo({ capacity: null, seatsLeft: null, waitlistCount: 0 }, t, n)).toEqual({
      text: 'Kursi tidak terbatas',
      waitlist: false,
    })
    expect(seatsInfo({ capacity: 1, seatsLeft: 0, waitlistCount: 2 }, t, n)).toEqual({ text: 'Kursi penuh', waitlist: true })
  })

  it('writes durations in hours and minutes', () => {
    expect(durationText(90, t)).toBe('1 jam 30 menit')
    expect(durationText(120, t)).toBe('2 jam')
    expect(durationText(45, t)).toBe('45 menit')
  })
})

describe('409 problems', () => {
  it('explains known conflicts by their problem type', () => {
    const full = new ApiError(409, { type: 'https://serambi.id/problems/event-full', status: 409 })
    expect(conflictMessage(full, t)).toEqual({ 409: 'Semua kursi sudah terisi.' })
    const closed = new ApiError(409, { type: 'https://serambi.id/problems/registration-closed', status: 409 })
    expect(conflictMessage(closed, t)[409]).toBe('Pendaftaran untuk acara ini sudah ditutup.')
  })

  it('leaves unknown conflicts to the generic message', () => {
    expect(conflictMessage(new ApiError(409, { type: 'https://serambi.id/problems/something-new' }), t)).toEqual({})
    expect(conflictMessage(new ApiError(409, null), t)).toEqual({})
    expect(conflictMessage(new Error('x'), t)).toEqual({})
  })
})

describe('series and calendar helpers', () => {
  it('folds the sessions of a series into one card at its first session', async () => {
    const { foldSeries } = await import('@/features/events/catalogue/model')
    const list = [
      { id: 1, seriesId: 3 },
      { id: 2, seriesId: null },
      { id: 3, seriesId: 3 },
      { id: 4, seriesId: 7 },
      { id: 5, seriesId: 3 },
    ]
    expect(foldSeries(list).map((c) => [c.event.id, c.sessions])).toEqual([
      [1, 3],
      [2, 1],
      [4, 1],
    ])
  })

  it('builds a Google Calendar link with URLSearchParams and UTC dates', async () => {
    const { googleCalendarLink } = await import('@/features/events/catalogue/model')
    const link = new URL(
      googleCalendarLink({
        title: 'Diskusi & Tanya #1',
        startsAt: '2026-12-05T11:00:00.000Z',
        endsAt: '2026-12-05T12:30:00.000Z',
        description: 'Baris satu\nbaris dua',
        url: 'https://serambi.test/acara/12',
        location: 'Zoom',
      }),
    )
    expect(link.href.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true)
    expect(link.searchParams.get('text')).toBe('Diskusi & Tanya #1')
    expect(link.searchParams.get('dates')).toBe('20261205T110000Z/20261205T123000Z')
    expect(link.searchParams.get('details')).toBe('Baris satu\nbaris dua\n\nhttps://serambi.test/acara/12')
    expect(link.searchParams.get('location')).toBe('Zoom')
  })

  it('sends the WhatsApp confirmation to the patron’s own number', async () => {
    const { confirmationWhatsappLink } = await import('@/features/events/registration/validation')
    expect(confirmationWhatsappLink('0812-3456-7890', 'a b')).toBe('https://wa.me/6281234567890?text=a%20b')
    expect(confirmationWhatsappLink('+62 812 3456 7890', 'x')).toBe('https://wa.me/6281234567890?text=x')
    expect(confirmationWhatsappLink('', 'x')).toBe('https://wa.me/?text=x')
  })
})
