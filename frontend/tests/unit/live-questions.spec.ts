import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/app/i18n'
import * as questionsApi from '@/features/events/questions/api'
import LiveQuestions from '@/features/events/questions/components/LiveQuestions.vue'
import { FakeEventSource } from './fake-event-source'

vi.mock('@/features/events/questions/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/questions/api')>()
  return { ...actual, upvoteQuestion: vi.fn() }
})

const question = (id: number, upvotes: number, extra = {}) => ({
  id,
  eventId: 12,
  text: `Pertanyaan nomor ${id}`,
  status: 'APPROVED' as const,
  upvotes,
  displayName: null,
  answer: null,
  createdAt: `2026-12-05T11:0${id}:00Z`,
  answeredAt: null,
  ...extra,
})

function mountPanel() {
  return mount(LiveQuestions, {
    props: { eventId: 12, token: 'tok-123', registrationId: 311, canTakePart: true },
    global: { plugins: [i18n], stubs: { RouterLink: true } },
    attachTo: document.body,
  })
}

describe('LiveQuestions', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
    FakeEventSource.reset()
    vi.stubGlobal('EventSource', FakeEventSource)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('shows the snapshot, then new and answered questions live, announced politely', async () => {
    const wrapper = mountPanel()
    expect(FakeEventSource.last.url).toBe('/api/events/12/questions/stream')
    FakeEventSource.last.open()
    FakeEventSource.last.message({ kind: 'SNAPSHOT', eventId: 12, questions: [question(1, 1), question(2, 4)] })
    await flushPromises()
    const items = () => wrapper.findAll('[data-testid="question"]').map((li) => li.text())
    expect(items()[0]).toContain('Pertanyaan nomor 2')
    expect(wrapper.get('[data-testid="qa-connection"]').text()).toBe('Langsung')
    const announcer = wrapper.get('[aria-live="polite"]')
    expect(announcer.text()).toBe('')

    FakeEventSource.last.message({ kind: 'UPSERT', eventId: 12, question: question(3, 0) })
    await flushPromises()
    expect(items()).toHaveLength(3)
    expect(announcer.text()).toBe('Pertanyaan baru: Pertanyaan nomor 3')

    FakeEventSource.last.message({ kind: 'UPSERT', eventId: 12, question: question(1, 1, { status: 'ANSWERED', answer: 'Ya, ada.' }) })
    await flushPromises()
    const answered = wrapper.findAll('[data-testid="question"]').find((li) => li.text().includes('Pertanyaan nomor 1'))!
    expect(answered.text()).toContain('Terjawab')
    expect(answered.text()).toContain('Ya, ada.')
    expect(announcer.text()).toContain('Pertanyaan sudah dijawab')
    wrapper.unmount()
    expect(FakeEventSource.last.closed).toBe(true)
  })

  it('upvotes once: the button shows the pressed state, and the vote is remembered', async () => {
    vi.mocked(questionsApi.upvoteQuestion).mockResolvedValue(question(1, 2))
    const wrapper = mountPanel()
    FakeEventSource.last.message({ kind: 'SNAPSHOT', eventId: 12, questions: [question(1, 1)] })
    await flushPromises()
    const button = () => wrapper.get('#qa-vote-1')
    expect(button().attributes('aria-pressed')).toBe('false')
    expect(button().attributes('aria-describedby')).toBe('qa-text-1')
    await button().trigger('click')
    await flushPromises()
    expect(questionsApi.upvoteQuestion).toHaveBeenCalledWith(12, 1, 'tok-123')
    expect(button().attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('[data-testid="upvotes"]').text()).toBe('2 dukungan')
    expect(JSON.parse(localStorage.getItem('serambi.qa.votes.311')!)).toEqual([1])

    await button().trigger('click')
    await flushPromises()
    expect(questionsApi.upvoteQuestion).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('says when the connection is lost', async () => {
    vi.useFakeTimers()
    const wrapper = mountPanel()
    FakeEventSource.last.fail()
    await flushPromises()
    expect(wrapper.get('[data-testid="qa-connection"]').text()).toContain('menyambung ulang')
    wrapper.unmount()
    vi.useRealTimers()
  })
})
