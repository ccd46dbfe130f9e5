import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import * as surveysApi from '@/features/surveys/builder/api'
import type { Survey } from '@/features/surveys/builder/api'
import SurveyEditorPage from '@/features/surveys/builder/pages/SurveyEditorPage.vue'
import { ApiError } from '@/lib/api-client'

vi.mock('@/features/surveys/builder/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/surveys/builder/api')>()
  return { ...actual, getSurvey: vi.fn(), createSurvey: vi.fn(), updateSurvey: vi.fn(), publishSurvey: vi.fn(), draftPostFromSurvey: vi.fn() }
})

function aSurvey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: 4,
    title: { id: 'Survei acara', en: 'Event survey' },
    introduction: { id: 'Bantu kami.', en: 'Help us.' },
    access: 'ANONYMOUS',
    onePerPerson: false,
    status: 'DRAFT',
    responses: 0,
    updatedAt: '2026-12-04T02:00:00.000Z',
    version: 3,
    sections: [
      {
        title: null,
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
    ],
    ...overrides,
  } as Survey
}

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/staf/survei', name: 'surveys-builder-list', component: { template: '<div />' } },
      { path: '/staf/survei/baru', name: 'surveys-builder-new', component: SurveyEditorPage },
      { path: '/staf/survei/:id(\\d+)', name: 'surveys-builder-edit', component: SurveyEditorPage },
      { path: '/staf/survei/:id(\\d+)/hasil', component: { template: '<div />' } },
      { path: '/staf/konten/pos/:id(\\d+)/ubah', name: 'campaigns-post-edit', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

const inputs = (wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], suffix: string) =>
  wrapper.findAll(`[id$="${suffix}"]`).filter((w) => /^q-u\d+-/.test(w.attributes('id') ?? ''))

describe('the survey editor page', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    vi.mocked(surveysApi.getSurvey).mockReset()
    vi.mocked(surveysApi.updateSurvey).mockReset()
    await setLanguage('id', false)
  })

  it('loads the survey when opened at its address, and saves it with the version read', async () => {
    vi.mocked(surveysApi.getSurvey).mockResolvedValue(aSurvey())
    vi.mocked(surveysApi.updateSurvey).mockResolvedValue(aSurvey({ version: 4 }))
    const { wrapper } = await mountAt('/staf/survei/4')
    expect(surveysApi.getSurvey).toHaveBeenCalledWith(4)
    expect((wrapper.get('#survey-title-id').element as HTMLInputElement).value).toBe('Survei acara')
    const texts = inputs(wrapper, '-text-id')
    expect(texts.map((w) => (w.element as HTMLInputElement).value)).toEqual(['Akan datang lagi?', 'Mengapa tidak?'])
    await texts[0]!.setValue('Apakah Anda akan datang lagi?')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const [id, version, body] = vi.mocked(surveysApi.updateSurvey).mock.calls[0]!
    expect([id, version]).toEqual([4, 3])
    expect(body.sections[0]!.questions[0]!.key).toBe('datang-lagi')
    expect(body.sections[0]!.questions[0]!.text.id).toBe('Apakah Anda akan datang lagi?')
    expect(body.sections[0]!.questions[1]!.condition).toEqual({ questionKey: 'datang-lagi', optionKey: 'tidak' })
    expect(wrapper.get('[role="status"]').text()).toBe('Perubahan disimpan.')
    wrapper.unmount()
  })

  it('waits with publishing and duplicating until the changes are saved', async () => {
    vi.mocked(surveysApi.getSurvey).mockResolvedValue(aSurvey())
    const { wrapper } = await mountAt('/staf/survei/4')
    const publish = () => wrapper.findAll('button').find((b) => b.text() === 'Terbitkan')!
    expect(publish().attributes('disabled')).toBeUndefined()
    expect(wrapper.find('#survey-unsaved').exists()).toBe(false)
    await wrapper.get('#survey-title-id').setValue('Survei acara (baru)')
    expect(publish().attributes('disabled')).toBeDefined()
    expect(publish().attributes('aria-describedby')).toBe('survey-unsaved')
    expect(wrapper.get('#survey-unsaved').text()).toContain('belum disimpan')
    await wrapper.get('#survey-title-id').setValue('Survei acara ')
    expect(publish().attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('shows a 400 at the exact field the server names, and focuses it', async () => {
    vi.mocked(surveysApi.getSurvey).mockResolvedValue(aSurvey())
    vi.mocked(surveysApi.updateSurvey).mockRejectedValue(
      new ApiError(400, {
        type: 'https://serambi.id/problems/validation',
        status: 400,
        errors: [{ field: 'sections[0].questions[1].condition.questionKey', message: 'must be the key of an earlier question' }],
      }),
    )
    const { wrapper } = await mountAt('/staf/survei/4')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const conditions = inputs(wrapper, '-condition')
    expect(conditions[0]!.attributes('aria-invalid')).toBeUndefined()
    expect(conditions[1]!.attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(conditions[1]!.element)
    expect(wrapper.text()).toContain('must be the key of an earlier question')
    wrapper.unmount()
  })

  it('lists every reason of a 409 survey-answered by the question it is about', async () => {
    vi.mocked(surveysApi.getSurvey).mockResolvedValue(aSurvey({ responses: 2, status: 'PUBLISHED' }))
    vi.mocked(surveysApi.updateSurvey).mockRejectedValue(
      new ApiError(409, {
        type: 'https://serambi.id/problems/survey-answered',
        status: 409,
        errors: [
          { field: 'question datang-lagi', message: 'option ya was removed; earlier responses chose from it' },
          { field: 'access', message: 'who may answer cannot change from ANONYMOUS to ACCOUNT once there are responses' },
        ],
      }),
    )
    const { wrapper } = await mountAt('/staf/survei/4')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const alert = wrapper.get('.editor__alert')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('Perubahan ditolak')
    const items = alert.findAll('li').map((li) => li.text())
    expect(items).toEqual([
      'Pertanyaan “Akan datang lagi?”: option ya was removed; earlier responses chose from it',
      'Siapa yang boleh menjawab: who may answer cannot change from ANONYMOUS to ACCOUNT once there are responses',
    ])
    wrapper.unmount()
  })

  it('on a stale version (412) keeps what I typed and offers the newer version', async () => {
    vi.mocked(surveysApi.getSurvey)
      .mockResolvedValueOnce(aSurvey())
      .mockResolvedValueOnce(aSurvey({ version: 5, title: { id: 'Judul orang lain', en: 'Theirs' } }))
    vi.mocked(surveysApi.updateSurvey).mockRejectedValue(
      new ApiError(412, { type: 'https://serambi.id/problems/stale-version', status: 412 }),
    )
    const { wrapper } = await mountAt('/staf/survei/4')
    await wrapper.get('#survey-title-id').setValue('Judul saya')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Survei ini baru saja diubah orang lain.')
    expect((wrapper.get('#survey-title-id').element as HTMLInputElement).value).toBe('Judul saya')
    const reload = wrapper.findAll('button').find((b) => b.text() === i18n.global.t('common.stale.reloadTheirs'))!
    await reload.trigger('click')
    await flushPromises()
    expect((wrapper.get('#survey-title-id').element as HTMLInputElement).value).toBe('Judul orang lain')
    wrapper.unmount()
  })
})
