import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/app/i18n'
import * as questionsApi from '@/features/events/questions/api'
import AskQuestionForm from '@/features/events/questions/components/AskQuestionForm.vue'
import { ApiError } from '@/lib/api-client'

vi.mock('@/features/events/questions/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/questions/api')>()
  return { ...actual, askQuestion: vi.fn() }
})

/** The question as the API answers it: PENDING, every property present. */
function asked(q: Pick<questionsApi.Question, 'id' | 'text'> & Partial<questionsApi.Question>): questionsApi.Question {
  return { eventId: 12, displayName: null, status: 'PENDING', upvotes: 0, answer: null, createdAt: '2026-12-05T11:00:00.000Z', answeredAt: null, ...q }
}

function mountForm() {
  return mount(AskQuestionForm, {
    props: { eventId: 12, token: 'tok-123' },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}

describe('AskQuestionForm', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('asks for the question before sending, and limits it to the API\'s 500 characters', async () => {
    const wrapper = mountForm()
    const text = wrapper.get('#qa-text')
    expect(text.attributes('maxlength')).toBe('500')
    expect(wrapper.get('#qa-name').attributes('maxlength')).toBe('40')
    expect(wrapper.get('#qa-text-hint').text()).toContain('500 karakter')
    await text.setValue('   ')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#qa-text').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#qa-text-error').text()).toContain('Tulis pertanyaan Anda dulu.')
    expect(document.activeElement?.id).toBe('qa-text')
    expect(questionsApi.askQuestion).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('sends the trimmed question with the manage token, then clears it and says it awaits approval', async () => {
    vi.mocked(questionsApi.askQuestion).mockResolvedValue(asked({ id: 41, text: 'Ada e-book?', displayName: 'Nadia' }))
    const wrapper = mountForm()
    await wrapper.get('#qa-text').setValue('  Ada e-book?  ')
    await wrapper.get('#qa-name').setValue(' Nadia ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(questionsApi.askQuestion).toHaveBeenCalledWith(12, { manageToken: 'tok-123', text: 'Ada e-book?', displayName: 'Nadia' })
    expect((wrapper.get('#qa-text').element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.get('[role="status"]').text()).toContain('tampil setelah disetujui staf')
    expect(wrapper.emitted('asked')?.[0]?.[0]).toMatchObject({ id: 41 })
    wrapper.unmount()
  })

  it('asks anonymously when the name is left empty', async () => {
    vi.mocked(questionsApi.askQuestion).mockResolvedValue(asked({ id: 42, text: 'Kapan mulai?' }))
    const wrapper = mountForm()
    await wrapper.get('#qa-text').setValue('Kapan mulai?')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(questionsApi.askQuestion).toHaveBeenCalledWith(12, { manageToken: 'tok-123', text: 'Kapan mulai?' })
    wrapper.unmount()
  })

  it('shows the server\'s field error next to the field, and keeps the text', async () => {
    vi.mocked(questionsApi.askQuestion).mockRejectedValue(
      new ApiError(400, { status: 400, title: 'Bad Request', errors: [{ field: 'ask.body.text', message: 'size must be between 0 and 500' }] }),
    )
    const wrapper = mountForm()
    await wrapper.get('#qa-text').setValue('Pertanyaan')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#qa-text-error').text()).toContain('size must be between 0 and 500')
    expect(wrapper.get('[role="alert"]').text()).toContain('Pertanyaan Anda')
    expect((wrapper.get('#qa-text').element as HTMLTextAreaElement).value).toBe('Pertanyaan')
    wrapper.unmount()
  })

  it('explains a 403 (not a registrant) and a 409 (too many questions) in plain words', async () => {
    const wrapper = mountForm()
    await wrapper.get('#qa-text').setValue('Pertanyaan')

    vi.mocked(questionsApi.askQuestion).mockRejectedValueOnce(new ApiError(403, { status: 403, detail: 'Only registrants of event 12 can ask' }))
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('Hanya peserta terdaftar yang bisa bertanya')

    vi.mocked(questionsApi.askQuestion).mockRejectedValueOnce(
      new ApiError(409, { status: 409, type: 'https://serambi.id/problems/too-many-questions' }),
    )
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('jumlah pertanyaan terbanyak')
    wrapper.unmount()
  })
})
