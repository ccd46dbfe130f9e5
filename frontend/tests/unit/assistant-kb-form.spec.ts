import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import * as assistantApi from '@/features/assistant/api'
import type { FaqEntry } from '@/features/assistant/api'
import FaqEntryPage from '@/features/assistant/pages/FaqEntryPage.vue'
import { api, ApiError } from '@/lib/api-client'

vi.mock('@/features/assistant/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/assistant/api')>()
  return { ...actual, getEntry: vi.fn(), createEntry: vi.fn(), updateEntry: vi.fn() }
})

function anEntry(overrides: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id: 5,
    key: 'jam-buka',
    questionId: 'Jam berapa perpustakaan buka?',
    questionEn: "What are the library's opening hours?",
    alternatives: ['perpus buka jam brp?'],
    answerId: 'Perpustakaan buka {jam_buka}.',
    answerEn: 'The library is open {jam_buka}.',
    links: [{ label: { id: 'Kontak', en: 'Contact' }, url: '/kontak' }],
    tags: ['jam', 'buka'],
    live: 'HOURS',
    active: true,
    updatedAt: '2026-12-04T02:00:00.000Z',
    version: 3,
    ...overrides,
  }
}

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/staf/tanya-perpustakaan', component: { template: '<div />' } },
      { path: '/staf/tanya-perpustakaan/baru', component: FaqEntryPage },
      { path: '/staf/tanya-perpustakaan/:id(\\d+)/ubah', component: FaqEntryPage },
    ],
  })
  await router.push(path)
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

const value = (wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], selector: string) =>
  (wrapper.get(selector).element as HTMLInputElement).value

describe('the knowledge-base entry form', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    await setLanguage('id', false)
  })

  it('loads the entry, and saves the change with the version read (If-Match), the lists cleaned up', async () => {
    vi.mocked(assistantApi.getEntry).mockResolvedValue(anEntry())
    vi.mocked(assistantApi.updateEntry).mockResolvedValue(anEntry({ version: 4, alternatives: ['perpus buka jam brp?', 'jam operasional?'] }))
    const { wrapper } = await mountAt('/staf/tanya-perpustakaan/5/ubah')
    expect(assistantApi.getEntry).toHaveBeenCalledWith(5)
    expect(value(wrapper, '#faq-question-id')).toBe('Jam berapa perpustakaan buka?')
    expect(value(wrapper, '#faq-alternative-0')).toBe('perpus buka jam brp?')
    expect(value(wrapper, '#faq-link-0-label-en')).toBe('Contact')
    expect(value(wrapper, '#faq-tags')).toBe('jam, buka')
    expect(value(wrapper, '#faq-live')).toBe('HOURS')
    // The placeholders are explained
    expect(wrapper.text()).toContain('{jam_buka} jam buka')
    await wrapper.get('#faq-add-alternative').trigger('click')
    expect(document.activeElement?.id).toBe('faq-alternative-1')
    await wrapper.get('#faq-alternative-1').setValue('  jam operasional?  ')
    await wrapper.get('#faq-add-alternative').trigger('click')
    await wrapper.get('#faq-tags').setValue('jam, , buka , waktu')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(assistantApi.updateEntry).toHaveBeenCalledWith(5, 3, {
      key: 'jam-buka',
      questionId: 'Jam berapa perpustakaan buka?',
      questionEn: "What are the library's opening hours?",
      alternatives: ['perpus buka jam brp?', 'jam operasional?'],
      answerId: 'Perpustakaan buka {jam_buka}.',
      answerEn: 'The library is open {jam_buka}.',
      links: [{ label: { id: 'Kontak', en: 'Contact' }, url: '/kontak' }],
      tags: ['jam', 'buka', 'waktu'],
      live: 'HOURS',
      active: true,
    })
    expect(wrapper.get('[role="status"]').text()).toBe('Entri disimpan.')
    // The next save sends the new version
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(vi.mocked(assistantApi.updateEntry).mock.calls[1]![1]).toBe(4)
    wrapper.unmount()
  })

  it('on a stale version (412) offers the newer one, and reloading shows it', async () => {
    vi.mocked(assistantApi.getEntry)
      .mockResolvedValueOnce(anEntry())
      .mockResolvedValueOnce(anEntry({ version: 4, answerId: 'Buka setiap hari {jam_buka}.' }))
    vi.mocked(assistantApi.updateEntry).mockRejectedValue(
      new ApiError(412, { type: 'https://serambi.id/problems/stale-version', title: 'Stale version', status: 412 }),
    )
    const { wrapper } = await mountAt('/staf/tanya-perpustakaan/5/ubah')
    await wrapper.get('#faq-answer-id').setValue('Jawaban saya.')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Entri ini baru saja diubah orang lain.')
    expect(value(wrapper, '#faq-answer-id')).toBe('Jawaban saya.')
    const reload = wrapper.findAll('button').find((b) => b.text() === i18n.global.t('common.stale.reloadTheirs'))!
    await reload.trigger('click')
    await flushPromises()
    expect(assistantApi.getEntry).toHaveBeenCalledTimes(2)
    expect(value(wrapper, '#faq-answer-id')).toBe('Buka setiap hari {jam_buka}.')
    expect(wrapper.text()).not.toContain('Entri ini baru saja diubah orang lain.')
    wrapper.unmount()
  })

  it("shows the server's field errors at their fields (problem+json errors)", async () => {
    vi.mocked(assistantApi.createEntry).mockRejectedValue(
      new ApiError(400, {
        type: 'https://serambi.id/problems/validation',
        title: 'Invalid request',
        status: 400,
        errors: [
          { field: 'create.body.answerEn', message: 'must not be blank' },
          { field: 'create.body.key', message: 'must be lower-case words joined by -' },
        ],
      }),
    )
    const { wrapper } = await mountAt('/staf/tanya-perpustakaan/baru')
    await wrapper.get('#faq-question-id').setValue('Ada kelas menulis puisi?')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#faq-answer-en').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#faq-answer-en-error').text()).toContain('must not be blank')
    expect(wrapper.get('#faq-key-error').text()).toContain('must be lower-case words joined by -')
    expect(wrapper.find('#faq-question-id-error').exists()).toBe(false)
    wrapper.unmount()
  })

  it('starts a new entry from a visitor\'s question, with a key made from it, and opens the saved entry', async () => {
    vi.mocked(assistantApi.createEntry).mockResolvedValue(anEntry({ id: 9, key: 'ada-kelas-menulis-puisi', version: 0 }))
    vi.mocked(assistantApi.getEntry).mockResolvedValue(anEntry({ id: 9, key: 'ada-kelas-menulis-puisi', version: 0 }))
    const { wrapper, router } = await mountAt('/staf/tanya-perpustakaan/baru?pertanyaan=Ada%20kelas%20menulis%20puisi%3F')
    expect(value(wrapper, '#faq-question-id')).toBe('Ada kelas menulis puisi?')
    expect(value(wrapper, '#faq-key')).toBe('ada-kelas-menulis-puisi')
    expect(wrapper.text()).toContain('Dari pertanyaan pengunjung: “Ada kelas menulis puisi?”')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(vi.mocked(assistantApi.createEntry).mock.calls[0]![0]).toMatchObject({ key: 'ada-kelas-menulis-puisi', questionId: 'Ada kelas menulis puisi?', live: null, active: true })
    expect(router.currentRoute.value.path).toBe('/staf/tanya-perpustakaan/9/ubah')
    wrapper.unmount()
  })
})

describe('the knowledge base API calls', () => {
  it('send the version as If-Match when changing an entry', async () => {
    const put = vi.spyOn(api, 'PUT').mockResolvedValue({ data: { id: 5 }, error: undefined, response: new Response(null, { status: 200 }) } as never)
    const { updateEntry } = await vi.importActual<typeof import('@/features/assistant/api')>('@/features/assistant/api')
    const body = { ...anEntry(), id: undefined, version: undefined, updatedAt: undefined }
    await updateEntry(5, 3, body)
    expect(put).toHaveBeenCalledWith('/api/faq/{id}', { params: { path: { id: 5 } }, headers: { 'If-Match': '"3"' }, body })
  })
})
