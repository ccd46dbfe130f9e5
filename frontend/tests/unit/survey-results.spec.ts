import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import * as resultsApi from '@/features/surveys/results/api'
import SurveyResultsPage from '@/features/surveys/results/pages/SurveyResultsPage.vue'
import TextAnswers from '@/features/surveys/results/components/TextAnswers.vue'
import {
  comparedValues,
  emptyFilter,
  filterFromQuery,
  filterProblem,
  formatFigure,
  formatShare,
  questionChart,
  smallBase,
  conditionWords,
} from '@/features/surveys/results/model'
import { aUser } from './helpers'

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake Chart records whatever config it is given */
const charts = vi.hoisted(() => ({ made: [] as Array<{ canvas: HTMLCanvasElement; config: any }> }))
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    data: unknown
    options: unknown
    canvas: HTMLCanvasElement
    constructor(canvas: HTMLCanvasElement, config: any) {
      charts.made.push({ canvas, config })
      this.canvas = canvas
      this.data = config.data
      this.options = config.options
    }
    update() {}
    destroy() {}
  }
  const part = (name: string) => ({ id: name })
  return { Chart, BarController: part('bar'), BarElement: part('barElement'), CategoryScale: part('category'), LinearScale: part('linear'), Tooltip: part('tooltip') }
})

vi.mock('@/features/surveys/results/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/surveys/results/api')>()
  return { ...actual, getResults: vi.fn(), getComparison: vi.fn(), getTextAnswers: vi.fn(), downloadCsv: vi.fn(), downloadXlsx: vi.fn() }
})

const text = (id: string, en: string) => ({ id, en })
const none = { options: null, distribution: null, mean: null, nps: null, number: null, months: null, condition: null }

const choice: resultsApi.QuestionResult = {
  ...none,
  key: 'datang',
  text: text('Akan datang lagi?', 'Come again?'),
  type: 'SINGLE_CHOICE',
  shown: 5,
  answered: 5,
  options: [
    { key: 'ya', label: text('Ya', 'Yes'), count: 2, share: 0.4 },
    { key: 'tidak', label: text('Tidak', 'No'), count: 3, share: 0.6 },
  ],
}
const nps: resultsApi.QuestionResult = {
  ...none,
  key: 'nps',
  text: text('Rekomendasi?', 'Recommend?'),
  type: 'NPS',
  shown: 5,
  answered: 5,
  distribution: Array.from({ length: 11 }, (_, v) => ({ value: v, count: [0, 6, 8, 9, 10].includes(v) ? 1 : 0 })),
  mean: 6.6,
  nps: { promoters: 2, passives: 1, detractors: 2, score: 0 },
}
const reason: resultsApi.QuestionResult = {
  ...none,
  key: 'alasan',
  text: text('Mengapa tidak?', 'Why not?'),
  type: 'LONG_TEXT',
  shown: 3,
  answered: 3,
  condition: { questionKey: 'datang', optionKey: 'tidak' },
}
const results: resultsApi.SurveyResults = { surveyId: 4, title: text('Survei acara', 'Event survey'), responses: 5, questions: [choice, reason, nps] }

describe('the survey results view-model', () => {
  it('reads only well-formed filters from the address', () => {
    expect(filterFromQuery({ event: '12', phase: 'POST', audience: 'TEEN', from: '2026-11-01', to: 'x', challenge: 'abc' })).toEqual({
      ...emptyFilter(),
      event: '12',
      phase: 'POST',
      audience: 'TEEN',
      from: '2026-11-01',
    })
    expect(resultsApi.filterQuery({ ...emptyFilter(), event: ' 12 ', audience: 'ADULT' })).toEqual({ event: '12', audience: 'ADULT' })
  })

  it('refuses a period that ends before it starts and ids that are not numbers', () => {
    expect(filterProblem({ ...emptyFilter(), from: '2026-11-10', to: '2026-11-01' })).toBe('surveys.results.filters.badPeriod')
    expect(filterProblem({ ...emptyFilter(), event: 'satu' })).toBe('surveys.results.filters.badId')
    expect(filterProblem({ ...emptyFilter(), from: '2026-11-01', to: '2026-11-01' })).toBeNull()
  })

  it('charts options by label in the UI language, and scales and NPS by value', () => {
    expect(questionChart(choice, 'id')).toEqual({ kind: 'options', labels: ['Ya', 'Tidak'], values: [2, 3] })
    expect(questionChart(choice, 'en').labels).toEqual(['Yes', 'No'])
    const n = questionChart(nps, 'id')
    expect(n.kind).toBe('distribution')
    expect(n.labels).toHaveLength(11)
    expect(n.values[10]).toBe(1)
    expect(questionChart(reason, 'id').kind).toBe('none')
  })

  it('words a condition by the source question\'s text and the option\'s label, not their keys', () => {
    expect(conditionWords(reason, results.questions, 'id')).toEqual({ question: 'Akan datang lagi?', option: 'Tidak' })
    expect(conditionWords(reason, results.questions, 'en')).toEqual({ question: 'Come again?', option: 'No' })
    expect(conditionWords(reason, [], 'id')).toEqual({ question: 'datang', option: 'tidak' })
    expect(conditionWords(choice, results.questions, 'id')).toBeNull()
  })

  it('marks bases under 10 and formats figures per language', () => {
    expect(smallBase(9)).toBe(true)
    expect(smallBase(10)).toBe(false)
    expect(formatFigure(33.333, 'id')).toBe('33,3')
    expect(formatFigure(null, 'id')).toBe('–')
    expect(formatShare(0.4, 'en')).toBe('40%')
  })

  it('lines up before and after on the same labels', () => {
    const post = { ...choice, options: [{ key: 'ya', label: text('Ya', 'Yes'), count: 4, share: 1 }, { key: 'tidak', label: text('Tidak', 'No'), count: 0, share: 0 }] }
    expect(comparedValues(choice, post, 'id')).toEqual({ labels: ['Ya', 'Tidak'], pre: [2, 3], post: [4, 0] })
  })
})

describe('the survey results page', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    charts.made.length = 0
    i18n.global.locale.value = 'id'
    auth.useSession('token-staf', aUser({ role: 'STAFF' }))
    vi.mocked(resultsApi.getResults).mockReset()
    vi.mocked(resultsApi.getComparison).mockReset()
  })

  async function mountPage(path: string) {
    const router = createAppRouter(createMemoryHistory())
    await router.push(path)
    const wrapper = mount(SurveyResultsPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
    await flushPromises()
    return { wrapper, router }
  }

  it('shows a card per question with a chart that has its values in words, and the NPS figure', async () => {
    vi.mocked(resultsApi.getResults).mockResolvedValue(results)
    const { wrapper } = await mountPage('/staf/survei/4/hasil?audience=TEEN')
    expect(resultsApi.getResults).toHaveBeenCalledWith(4, { ...emptyFilter(), audience: 'TEEN' })
    expect(resultsApi.getComparison).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="responses"]').text()).toContain('5 tanggapan')
    expect(wrapper.findAll('article.question')).toHaveLength(3)
    expect(charts.made).toHaveLength(2)
    const canvas = charts.made[0]!.canvas
    expect(canvas.getAttribute('role')).toBe('img')
    expect(canvas.getAttribute('aria-label')).toBe('Akan datang lagi?. Ya: 2; Tidak: 3')
    expect(wrapper.get('[data-testid="question-alasan"]').text()).toContain('3 menjawab dari 3 yang melihat')
    expect(wrapper.get('[data-testid="question-alasan"]').text()).toContain('Hanya ditampilkan jika "Akan datang lagi?" dijawab "Tidak".')
    expect(wrapper.get('[data-testid="question-alasan"]').text()).toContain('n < 10')
    expect(wrapper.get('[data-testid="question-nps"] .question__nps-figure').text()).toContain('0')
    expect(wrapper.get('[data-testid="question-nps"]').text()).toContain('Promotor (9–10): 2')
    wrapper.unmount()
  })

  it('shows the before/after comparison when a challenge is chosen', async () => {
    vi.mocked(resultsApi.getResults).mockResolvedValue(results)
    const post = { ...nps, mean: 9, nps: { promoters: 2, passives: 0, detractors: 0, score: 100 } }
    vi.mocked(resultsApi.getComparison).mockResolvedValue({
      surveyId: 4,
      challengeId: 3,
      preResponses: 2,
      postResponses: 2,
      participantsBoth: 1,
      questions: [{ key: 'nps', text: nps.text, type: 'NPS', pre: nps, post, answeredBoth: 1 }],
    })
    const { wrapper } = await mountPage('/staf/survei/4/hasil?challenge=3')
    expect(resultsApi.getComparison).toHaveBeenCalledWith(4, { ...emptyFilter(), challenge: '3' })
    expect(wrapper.text()).toContain('2 tanggapan sebelum, 2 sesudah; 1 peserta menjawab keduanya.')
    expect(wrapper.text()).toContain('NPS 100')
    const compared = charts.made.find((c) => c.canvas.id === 'cmp-chart-nps-canvas')!
    expect(compared.config.data.datasets.map((d: any) => d.label)).toEqual(['Sebelum', 'Sesudah'])
    wrapper.unmount()
  })

  it('refuses a reversed period without asking the server', async () => {
    vi.mocked(resultsApi.getResults).mockResolvedValue(results)
    const { wrapper } = await mountPage('/staf/survei/4/hasil')
    await wrapper.get('#results-from').setValue('2026-11-10')
    await wrapper.get('#results-to').setValue('2026-11-01')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(resultsApi.getResults).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toContain('Tanggal akhir tidak boleh sebelum tanggal awal.')
    wrapper.unmount()
  })
})

describe('the text answers of a question', () => {
  it('shows the newest search even when the first page arrives after it', async () => {
    i18n.global.locale.value = 'id'
    const page = (texts: string[]): resultsApi.TextAnswerPage => ({
      items: texts.map((t) => ({ text: t, submittedOn: '2026-12-05', eventId: null, challengeId: null })),
      page: 0,
      size: 10,
      total: texts.length,
    }) as resultsApi.TextAnswerPage
    let first: (p: resultsApi.TextAnswerPage) => void = () => {}
    vi.mocked(resultsApi.getTextAnswers).mockReset()
    vi.mocked(resultsApi.getTextAnswers)
      .mockImplementationOnce(() => new Promise((resolve) => (first = resolve)))
      .mockResolvedValueOnce(page(['Ruangannya terlalu panas']))
    const wrapper = mount(TextAnswers, {
      props: { surveyId: 4, questionKey: 'alasan', questionText: 'Mengapa tidak?', filter: emptyFilter() },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    await wrapper.get('button').trigger('click')
    await wrapper.get('input[type="search"]').setValue('panas')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('1 jawaban')
    first(page(['Jadwalnya bentrok dengan sekolah', 'Ruangannya terlalu panas']))
    await flushPromises()
    expect(resultsApi.getTextAnswers).toHaveBeenLastCalledWith(4, 'alasan', 'panas', 0, emptyFilter())
    expect(wrapper.text()).toContain('1 jawaban')
    expect(wrapper.text()).not.toContain('Jadwalnya')
    wrapper.unmount()
  })

  it('searches on Enter while the first page is still loading (its button is disabled then)', async () => {
    i18n.global.locale.value = 'id'
    vi.mocked(resultsApi.getTextAnswers).mockReset()
    vi.mocked(resultsApi.getTextAnswers).mockImplementationOnce(() => new Promise(() => {}))
      .mockResolvedValueOnce({ items: [{ text: 'Ruangannya terlalu panas', submittedOn: '2026-12-05', eventId: null,
        challengeId: null }], page: 0, size: 10, total: 1 } as resultsApi.TextAnswerPage)
    const wrapper = mount(TextAnswers, {
      props: { surveyId: 4, questionKey: 'alasan', questionText: 'Mengapa tidak?', filter: emptyFilter() },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    await wrapper.get('button').trigger('click')
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    await wrapper.get('input[type="search"]').setValue('panas')
    await wrapper.get('input[type="search"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(resultsApi.getTextAnswers).toHaveBeenLastCalledWith(4, 'alasan', 'panas', 0, emptyFilter())
    expect(wrapper.text()).toContain('1 jawaban')
    wrapper.unmount()
  })
})
