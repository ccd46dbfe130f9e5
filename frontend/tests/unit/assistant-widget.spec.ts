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
  return { ...actual, ask: vi.fn() }
})

/** Answers the widget's questions in turn. */
function respondWith(...answers: Array<Answer | ApiError>) {
  for (const a of answers) {
    if (a instanceof ApiError) vi.mocked(assistantApi.ask).mockRejectedValueOnce(a)
    else vi.mocked(assistantApi.ask).mockResolvedValueOnce(a)
  }
}
const sent = () => vi.mocked(assistantApi.ask).mock.calls

const HOURS: Answer = {
  answer: 'Perpustakaan buka Senin–Kamis pukul 08.00–15.30 WITA.',
  entryId: 1,
  confidence: 0.82,
  handedOver: false,
  links: [
    { label: 'Kontak', url: '/kontak' },
    { label: 'Peta', url: 'https://maps.example.org/perpus' },
  ],
}

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
    expect(sent()).toEqual([['perpus buka jam brp?', 'id']])
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
    expect(sent()).toEqual([['Opening hours?', 'en']])
    expect(wrapper.text()).toContain('The library is open Monday–Thursday.')
    wrapper.unmount()
  })

  it('says when a question was handed over to a librarian', async () => {
    const handedOver: Answer = {
      answer: 'Maaf, kami belum punya jawaban untuk pertanyaan itu. Pertanyaan Anda sudah diteruskan kepada pustakawan.',
      entryId: null,
      confidence: 0.12,
      handedOver: true,
      links: [],
    }
    respondWith(handedOver)
    const { wrapper } = await mountWidget()
    await open(wrapper)
    await ask(wrapper, 'apakah ada kelas menulis puisi?')
    expect(wrapper.findAll('.chat__message')[1]!.text()).toContain('diteruskan kepada pustakawan')
    wrapper.unmount()
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
    expect(sent()).toEqual([['jam buka?', 'id'], ['jam buka?', 'id']])
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
