import { describe, expect, it } from 'vitest'
import type { CadenceWarning, CalendarItem } from '@/features/campaigns/calendar/api'
import { addMonths, bucketByDate, isIsoDate, shiftAnchor, summarizeWarnings, visibleDays, visibleRange } from '@/features/campaigns/calendar/model'
import { allowedActions, cannotReviewReason, counterState, countCharacters, parseHashtags, previewTokens, splitAtLimit, textFromBody, variantFieldError } from '@/features/campaigns/posts/model'
import { rateToPercent } from '@/features/campaigns/model'

describe('countCharacters counts like the backend (CharacterCount)', () => {
  it('counts user-perceived characters, not UTF-16 units', () => {
    expect(countCharacters('INSTAGRAM', '')).toBe(0)
    expect(countCharacters('INSTAGRAM', null)).toBe(0)
    expect(countCharacters('FACEBOOK', 'Baca buku')).toBe(9)
    expect('📚'.length).toBe(2)
    expect(countCharacters('INSTAGRAM', '📚')).toBe(1)
    expect(countCharacters('INSTAGRAM', '🇮🇩')).toBe(1) // a flag: two regional indicators
    expect(countCharacters('INSTAGRAM', '👍🏽')).toBe(1) // a skin tone modifier
  })

  it('counts a ZWJ sequence as one character', () => {
    const family = '👨‍👩‍👧'
    expect(family.length).toBe(8)
    expect(countCharacters('X', family)).toBe(1)
    expect(countCharacters('X', '🧑🏽‍💻 membaca')).toBe(9)
  })

  it('counts a letter with combining marks as one character', () => {
    expect(countCharacters('INSTAGRAM', 'e\u0301')).toBe(1)
    expect(countCharacters('INSTAGRAM', 'Cafe\u0301 baca')).toBe(9)
    expect(countCharacters('INSTAGRAM', 'a\u0308\u0323')).toBe(1) // two marks on one letter
  })

  it('mirrors the backend test: 279 emoji and a ZWJ family are exactly 280 on X', () => {
    const text = '📚'.repeat(279) + '👨‍👩‍👧'
    expect(counterState('X', text)).toEqual({ count: 280, limit: 280, remaining: 0, atLimit: true, over: false })
    expect(counterState('X', '🔍'.repeat(281))).toMatchObject({ count: 281, remaining: -1, atLimit: true, over: true })
    expect(counterState('INSTAGRAM', 'é'.repeat(2201))).toMatchObject({ count: 2201, limit: 2200, over: true })
    expect(counterState('FACEBOOK', 'a'.repeat(63_206))).toMatchObject({ limit: 63_206, atLimit: true, over: false })
    expect(counterState('X', 'a'.repeat(279))).toMatchObject({ remaining: 1, atLimit: false, over: false })
  })

  it('counts every link on X as 23, whatever its length, and only on X', () => {
    const text = 'a'.repeat(250) + ' https://perpustakaan.banjarbarukota.go.id/' + 'x'.repeat(200)
    expect(countCharacters('X', text)).toBe(274) // as in PostResourceTest
    expect(countCharacters('INSTAGRAM', text)).toBe(text.length)
    expect(countCharacters('X', 'http://a.id')).toBe(23) // a short link counts 23 too
    expect(countCharacters('X', 'Cek HTTPS://SERAMBI.ID/HOAKS dan https://x.com/a')).toBe(4 + 23 + 5 + 23)
    expect(countCharacters('X', 'http:// bukan tautan')).toBe(20)
  })

  it('ends a link where Java ends it: at ASCII whitespace only', () => {
    // Java's \S is ASCII-only, so a no-break space stays in the link; a newline ends it.
    expect(countCharacters('X', 'https://a.id\u00a0lanjut')).toBe(23)
    expect(countCharacters('X', 'https://a.id\nlanjut')).toBe(23 + 1 + 6)
  })

  it('splits X text where the limit is, for the preview to highlight the rest', () => {
    expect(splitAtLimit('X', 'pendek')).toEqual({ fits: 'pendek', overflow: '' })
    const { fits, overflow } = splitAtLimit('X', '📚'.repeat(282))
    expect(countCharacters('X', fits)).toBe(280)
    expect(overflow).toBe('📚📚')
  })
})

describe('the calendar grid', () => {
  it('fills a month with whole Monday–Sunday weeks', () => {
    // 1 November 2026 is a Sunday and 30 November a Monday: six rows.
    const days = visibleDays('month', '2026-11-18', '2026-11-23')
    expect(days).toHaveLength(42)
    expect(days[0]).toEqual({ date: '2026-10-26', inMonth: false, isToday: false })
    expect(days[6]).toMatchObject({ date: '2026-11-01', inMonth: true })
    expect(days[41]).toMatchObject({ date: '2026-12-06', inMonth: false })
    expect(days.filter((d) => d.inMonth)).toHaveLength(30)
    expect(days.filter((d) => d.isToday).map((d) => d.date)).toEqual(['2026-11-23'])
  })

  it('needs only four rows when a month starts on a Monday and ends on a Sunday', () => {
    const days = visibleDays('month', '2027-02-10', '')
    expect(days).toHaveLength(28)
    expect(days[0]!.date).toBe('2027-02-01')
    expect(days.every((d) => d.inMonth)).toBe(true)
  })

  it('shows the Monday–Sunday week holding the anchor, across a month and a year', () => {
    expect(visibleDays('week', '2026-11-25', '').map((d) => d.date)).toEqual([
      '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
    ])
    expect(visibleRange('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' })
    expect(visibleRange('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' }) // a Sunday
    expect(visibleRange('month', '2026-11-05')).toEqual({ from: '2026-10-26', to: '2026-12-06' })
  })

  it('steps a month without skipping a short one, and a week by seven days', () => {
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01')
    expect(shiftAnchor('month', '2026-12-15', 1)).toBe('2027-01-01')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01')
    expect(shiftAnchor('week', '2026-12-30', 1)).toBe('2027-01-06')
    expect(shiftAnchor('week', '2026-03-02', -1)).toBe('2026-02-23')
  })

  it('accepts only real dates from the address bar', () => {
    expect(isIsoDate('2026-11-05')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('5-11-2026')).toBe(false)
    expect(isIsoDate(['2026-11-05'])).toBe(false)
  })

  it('buckets items by their WITA date, each day in time order', () => {
    const item = (over: Partial<CalendarItem>): CalendarItem => ({ kind: 'POST', at: '', localDate: '', localTime: '',
      title: '', postId: null, variantId: null, platform: null, postStatus: null, contentType: null, campaignId: null,
      published: null, eventId: null, eventStatus: null, delivery: null, publishedUrl: null, lastError: null, ...over })
    const items = [
      item({ at: '2026-11-05T12:00:00Z', localDate: '2026-11-05', variantId: 3, platform: 'X' }),
      // 16:30 UTC on the 4th is 00:30 WITA on the 5th: the backend's localDate decides the day.
      item({ at: '2026-11-04T16:30:00Z', localDate: '2026-11-05', variantId: 9, platform: 'INSTAGRAM' }),
      item({ kind: 'EVENT', at: '2026-11-05T12:00:00Z', localDate: '2026-11-05', eventId: 1 }),
      item({ at: '2026-11-06T01:00:00Z', localDate: '2026-11-06', variantId: 4 }),
    ]
    const byDate = bucketByDate(items)
    expect([...byDate.keys()].sort()).toEqual(['2026-11-05', '2026-11-06'])
    expect(byDate.get('2026-11-05')!.map((i) => i.variantId ?? `event ${i.eventId}`)).toEqual([9, 'event 1', 3])
  })
})

describe('cadence warnings', () => {
  it('summarises per platform: the target, the weeks under it and the longest gap', () => {
    // As the API sends them: a GAP has no posts or target, an UNDER_TARGET week no days.
    const warning = (w: Pick<CadenceWarning, 'platform' | 'kind' | 'from' | 'to'> & Partial<CadenceWarning>): CadenceWarning =>
      ({ days: null, posts: null, target: null, message: '', ...w })
    const warnings: CadenceWarning[] = [
      warning({ platform: 'INSTAGRAM', kind: 'GAP', from: '2026-11-02', to: '2026-11-05', days: 4 }),
      warning({ platform: 'INSTAGRAM', kind: 'UNDER_TARGET', from: '2026-11-02', to: '2026-11-08', posts: 1, target: 3 }),
      warning({ platform: 'INSTAGRAM', kind: 'GAP', from: '2026-11-10', to: '2026-11-15', days: 6 }),
      warning({ platform: 'INSTAGRAM', kind: 'UNDER_TARGET', from: '2026-11-09', to: '2026-11-15', posts: 0, target: 3 }),
      warning({ platform: 'FACEBOOK', kind: 'UNDER_TARGET', from: '2026-11-09', to: '2026-11-15', posts: 1, target: 2 }),
    ]
    const summary = summarizeWarnings(warnings)
    expect(summary.map((s) => s.platform)).toEqual(['FACEBOOK', 'INSTAGRAM'])
    expect(summary[1]).toMatchObject({ target: 3, weeksUnder: 2, longestGap: { days: 6, from: '2026-11-10', to: '2026-11-15' } })
    expect(summary[1]!.warnings).toHaveLength(4)
    expect(summary[0]).toMatchObject({ target: 2, weeksUnder: 1, longestGap: null })
    expect(summarizeWarnings([])).toEqual([])
  })
})

describe('the review workflow as the page offers it', () => {
  const post = (status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'SCHEDULED' | 'PUBLISHED') => ({ status, authorId: 5 })

  it('offers each role only what the API allows', () => {
    expect(allowedActions(post('DRAFT'), 'STAFF', 5)).toEqual(['submit'])
    expect(allowedActions(post('DRAFT'), 'REVIEWER', 8)).toEqual([])
    expect(allowedActions(post('IN_REVIEW'), 'REVIEWER', 8)).toEqual(['approve', 'reject'])
    expect(allowedActions(post('IN_REVIEW'), 'STAFF', 8)).toEqual([])
    expect(allowedActions(post('APPROVED'), 'STAFF', 5)).toEqual(['schedule', 'publish'])
    expect(allowedActions(post('SCHEDULED'), 'ADMIN', 1)).toEqual(['publish'])
    expect(allowedActions(post('PUBLISHED'), 'ADMIN', 1)).toEqual([])
  })

  it('never lets authors review their own post, even as admin', () => {
    expect(allowedActions(post('IN_REVIEW'), 'ADMIN', 5)).toEqual([])
    expect(cannotReviewReason(post('IN_REVIEW'), 'ADMIN', 5)).toBe('own')
    expect(cannotReviewReason(post('IN_REVIEW'), 'STAFF', 8)).toBe('role')
    expect(cannotReviewReason(post('IN_REVIEW'), 'REVIEWER', 8)).toBeNull()
    expect(cannotReviewReason(post('DRAFT'), 'REVIEWER', 5)).toBeNull()
  })
})

describe('editor helpers', () => {
  it('reads hashtags as typed', () => {
    expect(parseHashtags('#Literasi, baca  #BukuBaru #Literasi')).toEqual(['Literasi', 'baca', 'BukuBaru'])
    expect(parseHashtags('  ')).toEqual([])
  })

  it('starts a variant from the body and the hashtags', () => {
    expect(textFromBody(' Cek sumbernya. ', ['WaspadaHoaks', 'LiterasiDigital'])).toBe('Cek sumbernya.\n\n#WaspadaHoaks #LiterasiDigital')
    expect(textFromBody('', ['A'])).toBe('#A')
  })

  it('finds the variant a server field error belongs to', () => {
    expect(variantFieldError('variants[1].text')).toEqual({ index: 1, field: 'text' })
    expect(variantFieldError('mediaUrl')).toBeNull()
  })

  it('splits a preview into text, links, hashtags and mentions', () => {
    expect(previewTokens('Cek https://a.id #Hoaks @perpus!')).toEqual([
      { kind: 'text', value: 'Cek ' },
      { kind: 'link', value: 'https://a.id' },
      { kind: 'text', value: ' ' },
      { kind: 'tag', value: '#Hoaks' },
      { kind: 'text', value: ' ' },
      { kind: 'mention', value: '@perpus' },
      { kind: 'text', value: '!' },
    ])
  })

  it('shows an engagement-rate fraction as a percentage', () => {
    expect(rateToPercent(0.05)).toBe(5)
    expect(rateToPercent(0.07)).toBe(7)
    expect(rateToPercent(0.125)).toBe(12.5)
  })
})
