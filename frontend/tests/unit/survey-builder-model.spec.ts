import { describe, expect, it } from 'vitest'
import type { Survey } from '@/features/surveys/builder/api'
import {
  changeType,
  conditionChoices,
  emptyForm,
  formOf,
  inputIdFor,
  move,
  newOption,
  newQuestion,
  newSection,
  pruneConditions,
  requestOf,
  slugOf,
  uniqueKey,
  type SurveyForm,
} from '@/features/surveys/builder/model'

function saved(): Survey {
  return {
    id: 4,
    title: { id: 'Survei acara', en: 'Event survey' },
    introduction: { id: 'Bantu kami.', en: 'Help us.' },
    access: 'ANONYMOUS',
    onePerPerson: false,
    status: 'PUBLISHED',
    responses: 3,
    updatedAt: '2026-12-04T02:00:00.000Z',
    version: 2,
    sections: [
      {
        title: { id: 'Tentang acara', en: 'About the event' },
        questions: [
          {
            key: 'datang-lagi',
            text: { id: 'Akan datang lagi?', en: 'Come again?' },
            type: 'SINGLE_CHOICE',
            required: true,
            options: [
              { key: 'ya', label: { id: 'Ya', en: 'Yes' } },
              { key: 'tidak', label: { id: 'Tidak', en: 'No' } },
            ],
            min: null,
            max: null,
            condition: null,
          },
          {
            key: 'alasan',
            text: { id: 'Mengapa tidak?', en: 'Why not?' },
            type: 'LONG_TEXT',
            required: false,
            options: [],
            min: null,
            max: null,
            condition: { questionKey: 'datang-lagi', optionKey: 'tidak' },
          },
        ],
      },
      {
        title: null,
        questions: [{ key: 'umur', text: { id: 'Umur', en: 'Age' }, type: 'NUMBER', required: false, options: [], min: 5, max: 99, condition: null }],
      },
    ],
  } as Survey
}

function filled(): SurveyForm {
  const form = emptyForm()
  form.title = { id: ' Survei baru ', en: 'New survey' }
  form.introduction = { id: 'Halo', en: 'Hello' }
  const q = form.sections[0]!.questions[0]!
  q.text = { id: 'Apakah Anda suka membaca?', en: 'Do you like reading?' }
  q.options[0]!.label = { id: 'Ya, sangat!', en: 'Yes' }
  q.options[1]!.label = { id: 'Tidak', en: 'No' }
  return form
}

describe('survey builder model: keys', () => {
  it('makes a key of lower-case words from a label, without accents, within 40 characters', () => {
    expect(slugOf('Apakah Anda suka membaca?')).toBe('apakah-anda-suka-membaca')
    expect(slugOf('  Café & Résumé!! ')).toBe('cafe-resume')
    expect(slugOf('???')).toBe('')
    const long = slugOf('Seberapa mungkin Anda merekomendasikan perpustakaan kepada teman')
    expect(long.length).toBeLessThanOrEqual(40)
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('keeps keys unique with -2, -3 and falls back when a label has no letter', () => {
    expect(uniqueKey('ya', 'pilihan-1', new Set(['ya']))).toBe('ya-2')
    expect(uniqueKey('ya', 'pilihan-1', new Set(['ya', 'ya-2']))).toBe('ya-3')
    expect(uniqueKey('', 'pertanyaan-3', new Set())).toBe('pertanyaan-3')
    expect(uniqueKey('a'.repeat(40), 'x', new Set(['a'.repeat(40)]))).toHaveLength(40)
  })

  it('gives new questions and options keys from their Indonesian labels, and never changes a saved key', () => {
    const request = requestOf(filled())
    const q = request.sections[0]!.questions[0]!
    expect(q.key).toBe('apakah-anda-suka-membaca')
    expect(q.options!.map((o) => o.key)).toEqual(['ya-sangat', 'tidak'])

    const form = formOf(saved())
    form.sections[0]!.questions[0]!.text.id = 'Apakah Anda akan datang lagi?'
    form.sections[0]!.questions[0]!.options[0]!.label.id = 'Tentu saja'
    const extra = newOption()
    extra.label = { id: 'Tidak', en: 'No (again)' }
    form.sections[0]!.questions[0]!.options.push(extra)
    const again = requestOf(form).sections[0]!.questions[0]!
    expect(again.key).toBe('datang-lagi')
    expect(again.options!.map((o) => o.key)).toEqual(['ya', 'tidak', 'tidak-2'])
  })

  it('makes two new questions with the same text unique in the whole survey', () => {
    const form = filled()
    const twin = newQuestion('SHORT_TEXT')
    twin.text = { id: 'Apakah Anda suka membaca?', en: 'Same' }
    form.sections.push({ ...newSection(), questions: [twin] })
    expect(requestOf(form).sections.flatMap((s) => s.questions.map((q) => q.key))).toEqual([
      'apakah-anda-suka-membaca',
      'apakah-anda-suka-membaca-2',
    ])
  })
})

describe('survey builder model: moving and conditions', () => {
  it('moves an item up and down and refuses past either end', () => {
    const list = ['a', 'b', 'c']
    expect(move(list, 0, -1)).toBe(false)
    expect(move(list, 0, 1)).toBe(true)
    expect(list).toEqual(['b', 'a', 'c'])
    expect(move(list, 2, 1)).toBe(false)
    expect(move(list, 2, -1)).toBe(true)
    expect(list).toEqual(['b', 'c', 'a'])
  })

  it('offers only earlier choice questions as conditions, across sections', () => {
    const form = formOf(saved())
    const [datang, alasan] = form.sections[0]!.questions
    const umur = form.sections[1]!.questions[0]!
    expect(conditionChoices(form, datang!.uid)).toEqual([])
    expect(conditionChoices(form, alasan!.uid).map((q) => q.key)).toEqual(['datang-lagi'])
    expect(conditionChoices(form, umur.uid).map((q) => q.key)).toEqual(['datang-lagi'])
    const later = newQuestion('MULTIPLE_CHOICE')
    form.sections[1]!.questions.push(later)
    expect(conditionChoices(form, umur.uid).map((q) => q.key)).toEqual(['datang-lagi'])
    expect(conditionChoices(form, later.uid)).toHaveLength(1)
  })

  it('reads a saved condition and writes it back by key; drops it when the question moves above its source', () => {
    const form = formOf(saved())
    const alasan = form.sections[0]!.questions[1]!
    expect(alasan.conditionQuestion).toBe(form.sections[0]!.questions[0]!.uid)
    expect(requestOf(form).sections[0]!.questions[1]!.condition).toEqual({ questionKey: 'datang-lagi', optionKey: 'tidak' })
    move(form.sections[0]!.questions, 1, -1)
    expect(pruneConditions(form)).toBe(1)
    expect(requestOf(form).sections[0]!.questions[0]!.condition).toBeNull()
  })

  it('drops a condition whose question is no longer a choice question', () => {
    const form = formOf(saved())
    changeType(form.sections[0]!.questions[0]!, 'SHORT_TEXT')
    expect(form.sections[0]!.questions[0]!.options).toEqual([])
    expect(pruneConditions(form)).toBe(1)
  })
})

describe('survey builder model: the request', () => {
  it('trims texts, leaves an untitled section without title, sends a range only for NUMBER and one-per-person only when not anonymous', () => {
    const form = filled()
    form.onePerPerson = true
    const number = newQuestion('NUMBER')
    number.text = { id: 'Berapa buku?', en: 'How many books?' }
    number.min = '0'
    number.max = ' 100 '
    form.sections[0]!.questions.push(number)
    const request = requestOf(form)
    expect(request.title).toEqual({ id: 'Survei baru', en: 'New survey' })
    expect(request.onePerPerson).toBe(false)
    expect(request.sections[0]!.title).toBeNull()
    expect(request.sections[0]!.questions[0]!.min).toBeNull()
    expect(request.sections[0]!.questions[1]).toMatchObject({ type: 'NUMBER', min: 0, max: 100, options: [], condition: null })
    form.access = 'ACCOUNT'
    expect(requestOf(form).onePerPerson).toBe(true)
  })

  it('points a server field name at the input that shows it', () => {
    const form = formOf(saved())
    const alasan = form.sections[0]!.questions[1]!
    const ya = form.sections[0]!.questions[0]!.options[0]!
    expect(inputIdFor(form, 'title.en')).toBe('survey-title-en')
    expect(inputIdFor(form, 'sections[0].questions[1].key')).toBe(`q-${alasan.uid}-text-id`)
    expect(inputIdFor(form, 'sections[0].questions[1].condition.questionKey')).toBe(`q-${alasan.uid}-condition`)
    expect(inputIdFor(form, 'sections[0].questions[0].options[0].label.en')).toBe(`o-${ya.uid}-en`)
    expect(inputIdFor(form, 'sections[9].questions[0].key')).toBeNull()
    expect(inputIdFor(form, 'question datang-lagi')).toBeNull()
  })
})

describe('survey builder model: moving questions between sections', () => {
  it('moves past the top of a section to the end of the one before, and never empties a section', async () => {
    const { moveQuestion } = await import('@/features/surveys/builder/model')
    const form = formOf(saved())
    const umur = form.sections[1]!.questions[0]!
    expect(moveQuestion(form, 1, 0, -1)).toBeNull()
    form.sections[1]!.questions.push(newQuestion('DATE'))
    expect(moveQuestion(form, 1, 0, -1)).toEqual({ section: 0, index: 2 })
    expect(form.sections[0]!.questions[2]).toBe(umur)
    expect(moveQuestion(form, 0, 2, 1)).toEqual({ section: 1, index: 0 })
    expect(form.sections[1]!.questions[0]).toBe(umur)
    expect(moveQuestion(form, 0, 0, -1)).toBeNull()
  })
})
