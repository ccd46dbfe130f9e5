import { describe, expect, it } from 'vitest'
import type { SurveySection } from '@/features/surveys/answer/api'
import { checks, inputId, payload, shownKeys } from '@/features/surveys/answer/model'

const text = (s: string) => ({ id: s, en: s })
const option = (key: string) => ({ key, label: text(key) })

function question(key: string, type: string, required: boolean, extra: Record<string, unknown> = {}) {
  return { key, text: text(key), type, required, options: [], min: null, max: null, condition: null, ...extra }
}

/** alasan is shown when datang is tidak; film when topik includes film. */
const sections = [
  {
    title: null,
    questions: [
      question('datang', 'SINGLE_CHOICE', true, { options: [option('ya'), option('tidak')] }),
      question('alasan', 'LONG_TEXT', true, { condition: { questionKey: 'datang', optionKey: 'tidak' } }),
      question('topik', 'MULTIPLE_CHOICE', false, { options: [option('buku'), option('film')] }),
      question('film', 'SHORT_TEXT', false, { condition: { questionKey: 'topik', optionKey: 'film' } }),
    ],
  },
  {
    title: text('Nilai'),
    questions: [
      question('puas', 'SCALE_5', true),
      question('nps', 'NPS', false),
      question('umur', 'NUMBER', false, { min: 5, max: 99 }),
      question('tanggal', 'DATE', false),
    ],
  },
] as unknown as SurveySection[]

describe('survey answer model', () => {
  it('shows a conditional question only while its condition holds', () => {
    expect([...shownKeys(sections, {})]).toEqual(['datang', 'topik', 'puas', 'nps', 'umur', 'tanggal'])
    expect(shownKeys(sections, { datang: 'tidak' }).has('alasan')).toBe(true)
    expect(shownKeys(sections, { datang: 'ya' }).has('alasan')).toBe(false)
    expect(shownKeys(sections, { topik: ['buku', 'film'] }).has('film')).toBe(true)
    expect(shownKeys(sections, { topik: ['buku'] }).has('film')).toBe(false)
  })

  it('sends only the shown questions, without empty answers, with scores and numbers as numbers', () => {
    const draft = { datang: 'ya', alasan: 'terlalu pagi', topik: [], film: 'Laskar Pelangi', puas: '4', nps: '0', umur: ' 30,5 ', tanggal: '' }
    expect(payload(sections, draft)).toEqual({ datang: 'ya', puas: 4, nps: 0, umur: 30.5 })
    expect(payload(sections, { datang: 'tidak', alasan: '  Jadwal  ', topik: ['film'], film: ' Dilan ', puas: '5' })).toEqual({
      datang: 'tidak',
      alasan: 'Jadwal',
      topik: ['film'],
      film: 'Dilan',
      puas: 5,
    })
  })

  it('checks the required shown questions and the ranges before sending', () => {
    expect(checks(sections, {})).toMatchObject({
      datang: { key: 'surveys.answer.errors.required' },
      puas: { key: 'surveys.answer.errors.required' },
      topik: null,
    })
    expect(checks(sections, { datang: 'tidak', puas: '3' }).alasan).toEqual({ key: 'surveys.answer.errors.required' })
    expect(checks(sections, { datang: 'ya', puas: '3' }).alasan).toBeUndefined()
    expect(checks(sections, { datang: 'ya', puas: '3', umur: '4' }).umur).toEqual({
      key: 'surveys.answer.errors.number',
      params: { min: 5, max: 99 },
    })
    expect(checks(sections, { datang: 'ya', puas: '3', umur: 'abc' }).umur).not.toBeNull()
    expect(checks(sections, { datang: 'ya', puas: '3', umur: '99' }).umur).toBeNull()
    expect(checks(sections, { datang: 'ya', puas: '3', tanggal: '1/12/2026' }).tanggal).toEqual({ key: 'surveys.answer.errors.date' })
  })

  it('names the first input of each question, where a field error moves focus', () => {
    const [first, second] = sections
    expect(inputId(first!.questions[0]!)).toBe('q-datang-ya')
    expect(inputId(first!.questions[1]!)).toBe('q-alasan')
    expect(inputId(second!.questions[0]!)).toBe('q-puas-1')
    expect(inputId(second!.questions[1]!)).toBe('q-nps-0')
  })
})
