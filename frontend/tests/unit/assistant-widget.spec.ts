import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import AssistantLauncher from '@/features/assistant/components/AssistantLauncher.vue'
import * as assistantApi from '@/features/assistant/api'
import type { Answer } from '@/features/assistant/api'
import { resetAssistantChat } from '@/features/assistant/use-assistant-chat'
import { ApiError } from '@/lib/api-client'

// The widget: what it asks and what it shows, with the API's answers given by the test.

vi.mock('@/features/assistant/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/assistant/api')>()
  return { ...actual, ask: vi.fn(), getConversation: vi.fn(), sendToConversation: vi.fn() }
})

// The conversation's live stream: the test sends the librarian's replies.
const streams: Array<{ url: string; onMessage: (m: unknown) => void; closed: boolean }> = []
vi.mock('@/lib/sse', () => ({
  openLiveStream: (url: string, options: { onMessage: (m: unknown) => void }) => {
    const stream = { url, onMessage: options.onMessage, closed: false }
    streams.push(stream)
    return { state: 'open', reconnectNow: () => {}, close: () => (stream.closed = true) }
  },
}))

/** Answers the widget's questions in turn. */
function respondWith(...answers: Array<Answer | ApiError>) {
  for (const a of answers) {
    if (a instanceof ApiError) vi.mocked(assistantApi.ask).mockRejectedValueOnce(a)
    else vi.mocked(assistantApi.ask).mockResolvedValueOnce(a)
  }
}
const sent = () => vi.mocked(assistantApi.ask).mock.calls

// `as Answer`: the answers before and after the hand-over API added conversationToken.
const HOURS = {
  answer: 'Perpustakaan buka Senin–Kamis pukul 08.00–15.30 WITA.',
  entryId: 1,
  confidence: 0.82,
  handedOver: false,
  links: [
    { label: 'Kontak', url: '/kontak' },
    { label: 'Peta', url: 'https://maps.example.org/perpus' },
  ],
  conversationToken: null,
} as Answer

async function mountWidget() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
  await router.push('/')
  const prepare = vi.fn(async () => {})
  const wrapper = mount(AssistantLauncher, { props: { prepare }, global: { plugins: [i18n, router] }, attachTo: document.body })
  return { wrapper, prepare }
}

async function open(wrapper: Awaited<ReturnType<typeof mountWidget>>['wrapper']) {
  await wrapper.get('button.ask__button').trigger('click')
  await vi.waitFor(() => expect(wrapper.find('[role="dialog"]').exists()).toBe(true))
  await flushPromises()
}

async function ask(wrapper: Awaited<ReturnType<typeof mountWidget>>['wrapper'], question: string) {
  await wrapper.get('#assistant-question').setValue(question)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('Tanya Perpustakaan widget', () => {
  beforeEach(async () => {
    resetAssistantChat()
    streams.length = 0
    localStorage.clear()
    document.body.innerHTML = ''
    await setLanguage('id', false)
  })


  it('is only a button until pressed; then the panel loads with its messages, and the question box has focus', async () => {
    const { wrapper, prepare } = await mountWidget()
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
    const button = wrapper.get('button.ask__button')
    expect(button.text()).toBe('Tanya Perpustakaan')
    expect(button.attributes('aria-expanded')).toBe('false')
    await open(wrapper)
    expect(prepare).toHaveBeenCalled()
    expect(wrapper.get('[role="dialog"]').attributes('aria-modal')).toBe('true')
    expect(wrapper.get('#assistant-title').text()).toBe('Tanya Perpustakaan')
    expect(document.activeElement?.id).toBe('assistant-question')
    // The starter questions
    expect(wrapper.findAll('.chat__starter').map((b) => b.text())).toEqual(['Jam buka?', 'Cara jadi anggota?', 'Acara minggu ini'])
    wrapper.unmount()
  })

  it('sends the question in the UI language and shows the answer with its links, announced to screen readers', async () => {
    respondWith(HOURS)
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await ask(wrapper, '  perpus buka jam brp?  ')
    expect(sent()).toEqual([['perpus buka jam brp?', 'id', null]])
    const messages = wrapper.findAll('.chat__message')
    expect(messages.map((m) => m.get('.chat__text').text())).toEqual(['perpus buka jam brp?', HOURS.answer])
    expect(messages[0]!.classes()).toContain('chat__message--asker')
    const links = messages[1]!.findAll('a')
    expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Kontak', '/kontak'],
      ['Peta', 'https://maps.example.org/perpus'],
    ])
    expect(wrapper.get('[aria-live="polite"]').text()).toBe(HOURS.answer)
    expect((wrapper.get('#assistant-question').element as HTMLInputElement).value).toBe('')
    // Starters give way to the conversation
    expect(wrapper.findAll('.chat__starter')).toHaveLength(0)
    wrapper.unmount()
  })

  it('asks in English when the UI is in English, and a starter question is sent as it reads', async () => {
    await setLanguage('en', false)
    respondWith({ ...HOURS, answer: 'The library is open Monday–Thursday.', links: [] })
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await wrapper.findAll('.chat__starter')[0]!.trigger('click')
    await flushPromises()
    expect(sent()).toEqual([['Opening hours?', 'en', null]])
    expect(wrapper.text()).toContain('The library is open Monday–Thursday.')
    wrapper.unmount()
  })

  it('says when a question was handed over to a librarian', async () => {
    const handedOver = {
      answer: 'Maaf, kami belum punya jawaban untuk pertanyaan itu. Pertanyaan Anda sudah diteruskan kepada pustakawan.',
      entryId: null,
      confidence: 0.12,
      handedOver: true,
      links: [],
      conversationToken: null,
    } as Answer
    respondWith(handedOver)
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await ask(wrapper, 'apakah ada kelas menulis puisi?')
    expect(wrapper.findAll('.chat__message')[1]!.text()).toContain('diteruskan kepada pustakawan')
    wrapper.unmount()
  })

  it('after a hand-over keeps the token, listens for the librarian, shows the reply as Pustakawan, and sends the token along', async () => {
    respondWith({ answer: 'Pertanyaan Anda sudah diteruskan kepada pustakawan.', entryId: null, confidence: 0.1, handedOver: true, links: [], conversationToken: 'tok-abc' } as Answer)
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await ask(wrapper, 'apakah ada kelas menulis puisi?')
    expect(localStorage.getItem('serambi.assistant.conversation')).toBe('tok-abc')
    expect(wrapper.get('.chat__handed-over').text()).toContain('Pustakawan akan menjawab di sini')
    expect(streams.map((s) => s.url)).toEqual(['/api/assistant/conversations/tok-abc/stream'])
    streams[0]!.onMessage({ id: 71, from: 'LIBRARY', text: 'Ada, setiap Rabu pukul 09.00.', sentAt: '2026-12-04T02:00:00Z' })
    await flushPromises()
    const reply = wrapper.get('.chat__message--librarian')
    expect(reply.get('.chat__who').text()).toBe('Pustakawan')
    expect(reply.get('.chat__text').text()).toBe('Ada, setiap Rabu pukul 09.00.')
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('Pustakawan: Ada, setiap Rabu pukul 09.00.')
    // The same reply twice (a reconnection) is shown once
    streams[0]!.onMessage({ id: 71, from: 'LIBRARY', text: 'Ada, setiap Rabu pukul 09.00.', sentAt: '2026-12-04T02:00:00Z' })
    await flushPromises()
    expect(wrapper.findAll('.chat__message--librarian')).toHaveLength(1)
    // Talking with the librarian now: the next message goes to the conversation
    vi.mocked(assistantApi.sendToConversation).mockResolvedValue({ id: 72, from: 'ASKER', text: 'Terima kasih!', sentAt: '2026-12-04T02:01:00Z' })
    await ask(wrapper, 'Terima kasih!')
    expect(assistantApi.sendToConversation).toHaveBeenCalledWith('tok-abc', 'Terima kasih!')
    expect(sent()).toHaveLength(1)
    wrapper.unmount()
  })

  it('sends a kept conversation token with a question before any reply', async () => {
    localStorage.setItem('serambi.assistant.conversation', 'tok-kept')
    vi.mocked(assistantApi.getConversation).mockResolvedValue([])
    respondWith(HOURS)
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await ask(wrapper, 'jam buka?')
    expect(sent()).toEqual([['jam buka?', 'id', 'tok-kept']])
    wrapper.unmount()
  })

  it('restores a handed-over conversation after a reload, and forgets a token the server no longer knows', async () => {
    localStorage.setItem('serambi.assistant.conversation', 'tok-abc')
    vi.mocked(assistantApi.getConversation).mockResolvedValue([
      { id: 70, from: 'ASKER', text: 'apakah ada kelas menulis puisi?', sentAt: '2026-12-04T01:00:00Z' },
      { id: 71, from: 'LIBRARY', text: 'Ada, setiap Rabu pukul 09.00.', sentAt: '2026-12-04T02:00:00Z' },
    ])
    const first = await mountWidget()
    await open(first.wrapper)
    expect(assistantApi.getConversation).toHaveBeenCalledWith('tok-abc')
    expect(first.wrapper.findAll('.chat__message').map((m) => m.get('.chat__text').text())).toEqual([
      'apakah ada kelas menulis puisi?',
      'Ada, setiap Rabu pukul 09.00.',
    ])
    expect(first.wrapper.get('.chat__message--librarian .chat__who').text()).toBe('Pustakawan')
    expect(streams.map((s) => s.url)).toEqual(['/api/assistant/conversations/tok-abc/stream'])
    first.wrapper.unmount()

    resetAssistantChat()
    localStorage.setItem('serambi.assistant.conversation', 'tok-gone')
    vi.mocked(assistantApi.getConversation).mockRejectedValue(new ApiError(404, { title: 'Not found', status: 404 }))
    const second = await mountWidget()
    await open(second.wrapper)
    await flushPromises()
    expect(localStorage.getItem('serambi.assistant.conversation')).toBeNull()
    expect(second.wrapper.find('.chat__handed-over').exists()).toBe(false)
    expect(second.wrapper.findAll('.chat__message')).toHaveLength(0)
    second.wrapper.unmount()
  })

  it('says "terlalu banyak pertanyaan" on a 429, keeps the question in the box, and sends it again', async () => {
    respondWith(new ApiError(429, { type: 'https://serambi.id/problems/too-many-requests', title: 'Too many requests', status: 429 }, 30), HOURS)
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await ask(wrapper, 'jam buka?')
    expect(wrapper.get('[role="alert"]').text()).toBe('Terlalu banyak pertanyaan, coba lagi sebentar.')
    expect(wrapper.findAll('.chat__message')).toHaveLength(0)
    expect((wrapper.get('#assistant-question').element as HTMLInputElement).value).toBe('jam buka?')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.findAll('.chat__message')).toHaveLength(2)
    expect(sent()).toEqual([['jam buka?', 'id', null], ['jam buka?', 'id', null]])
    wrapper.unmount()
  })

  it('closes on Escape with focus back on the button, and keeps the conversation when opened again', async () => {
    respondWith(HOURS)
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await ask(wrapper, 'jam buka?')
    await wrapper.get('#assistant-question').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.get('button.ask__button').element)
    await open(wrapper)
    expect(wrapper.findAll('.chat__message')).toHaveLength(2)
    // The close button does the same
    await wrapper.get('.chat__close').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.get('button.ask__button').element)
    wrapper.unmount()
  })

  it('keeps Tab inside the panel: from the last control to the first and back', async () => {
    const { wrapper } = await mountWidget()
    await open(wrapper)
    const close = wrapper.get('.chat__close').element as HTMLElement
    const input = wrapper.get('#assistant-question')
    await input.setValue('jam?')
    const send = wrapper.get('.chat__send').element as HTMLElement
    send.focus()
    await wrapper.get('.chat__send').trigger('keydown', { key: 'Tab' })
    expect(document.activeElement).toBe(close)
    await wrapper.get('.chat__close').trigger('keydown', { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(send)
    wrapper.unmount()
  })
})
