import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import ImportPage from '@/features/campaigns/analytics/pages/ImportPage.vue'
import { aUser } from './helpers'

/** An XMLHttpRequest that records what was sent and answers when the test says so. */
class FakeXhr {
  static last: FakeXhr | null = null
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown = null
  status = 0
  responseText = ''
  private listeners: Record<string, Array<(e: unknown) => void>> = {}
  private uploadListeners: Record<string, Array<(e: unknown) => void>> = {}
  upload = {
    addEventListener: (type: string, fn: (e: unknown) => void) => (this.uploadListeners[type] ??= []).push(fn),
  }
  constructor() {
    FakeXhr.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  getResponseHeader() {
    return null
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    ;(this.listeners[type] ??= []).push(fn)
  }
  send(body: unknown) {
    this.body = body
  }
  progress(loaded: number, total: number) {
    this.uploadListeners.progress?.forEach((fn) => fn({ lengthComputable: true, loaded, total }))
  }
  respond(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.listeners.load?.forEach((fn) => fn({}))
  }
}

async function mountPage() {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/staf/konten/impor')
  const wrapper = mount(ImportPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  return wrapper
}

async function chooseFile(wrapper: Awaited<ReturnType<typeof mountPage>>, text: string, name = 'metrik.csv') {
  const input = wrapper.get('#metrics-file')
  const file = new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'image/png' })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

describe('the metrics import page', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    i18n.global.locale.value = 'id'
    auth.useSession('token-staf', aUser({ role: 'STAFF' }))
    FakeXhr.last = null
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    auth.useSession(null)
  })

  it('uploads with the token and language, shows the progress, then lists every bad line and says nothing was imported', async () => {
    const wrapper = await mountPage()
    await chooseFile(wrapper, 'variantId,impressions\n31,-5\n', 'ekspor-meta.csv')
    await wrapper.get('form').trigger('submit')

    const xhr = FakeXhr.last!
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/metrics/import')
    expect(xhr.headers.Authorization).toBe('Bearer token-staf')
    expect(xhr.headers['Accept-Language']).toBe('id')
    expect((xhr.body as FormData).get('file')).toBeInstanceOf(File)

    xhr.progress(40, 100)
    await flushPromises()
    const bar = wrapper.get('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBe('40')
    expect(wrapper.text()).toContain('Mengunggah… 40 %')

    xhr.respond(422, {
      type: 'https://serambi.id/problems/invalid-csv',
      title: 'CSV not imported',
      status: 422,
      detail: '2 problems in the file; nothing was imported',
      errors: [
        { field: 'line 4', message: 'no published post has the URL https://x.com/perpus/status/1' },
        { field: 'line 2', message: 'impressions must not be negative (-5)' },
      ],
    })
    await flushPromises()

    expect(wrapper.find('[role="progressbar"]').exists()).toBe(false)
    const report = wrapper.get('.import-errors')
    expect(report.attributes('role')).toBe('alert')
    expect(report.text()).toContain('Tidak ada baris dari ekspor-meta.csv yang diimpor.')
    const rows = report.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      ['2', 'impressions tidak boleh negatif (-5).'],
      ['4', 'Tidak ada unggahan terbit dengan URL https://x.com/perpus/status/1.'],
    ])
    expect(wrapper.text()).not.toContain('Metrik berhasil diimpor')
    wrapper.unmount()
  })

  it('shows how many rows were imported, with a link to the dashboard', async () => {
    const wrapper = await mountPage()
    await chooseFile(wrapper, 'variantId,impressions\n31,1200\n')
    await wrapper.get('form').trigger('submit')
    FakeXhr.last!.progress(100, 100)
    await flushPromises()
    expect(wrapper.text()).toContain('Terkirim. Memeriksa dan menyimpan baris…')
    FakeXhr.last!.respond(200, { imported: 1, rows: [{ line: 2, variantId: 31, postId: 12, platform: 'INSTAGRAM' }] })
    await flushPromises()

    expect(wrapper.get('.import-success').text()).toContain('1 baris diimpor.')
    expect(wrapper.get('.import-success').text()).toContain('Baris 2: unggahan #12 di Instagram')
    expect(wrapper.get('.import-success a').attributes('href')).toBe('/staf/konten/dasbor')
    expect(wrapper.find('.import-errors').exists()).toBe(false)
    wrapper.unmount()
  })

  it('refuses a file that is not CSV and asks for one before uploading', async () => {
    const wrapper = await mountPage()
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#metrics-file-error').text()).toBe('Pilih file CSV dulu.')
    await chooseFile(wrapper, 'bukan csv', 'foto.png')
    expect(wrapper.get('#metrics-file-error').text()).toContain('foto.png bukan file CSV')
    await wrapper.get('form').trigger('submit')
    expect(FakeXhr.last).toBeNull()
    wrapper.unmount()
  })
})
