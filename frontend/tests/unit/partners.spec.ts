import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import * as analyticsApi from '@/features/campaigns/analytics/api'
import * as partnersApi from '@/features/campaigns/partners/api'
import { qrFileName } from '@/features/campaigns/partners/model'
import PartnerPage from '@/features/campaigns/partners/pages/PartnerPage.vue'
import PartnersPage from '@/features/campaigns/partners/pages/PartnersPage.vue'
import { ApiError } from '@/lib/api-client'
import { LinkTargetsKey } from '@/lib/attribution-wiring'
import { auth } from '@/lib/auth-store'
import { aUser } from './helpers'

vi.mock('@/lib/auth-api', () => ({ fetchMe: vi.fn(), login: vi.fn() }))
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    destroy() {}
    update() {}
  }
  return { Chart, BarController: {}, BarElement: {}, CategoryScale: {}, LinearScale: {}, LineController: {}, LineElement: {}, PointElement: {}, Tooltip: {} }
})
vi.mock('@/features/campaigns/partners/api', () => ({
  listPartners: vi.fn(),
  getPartner: vi.fn(),
  createPartner: vi.fn(),
  updatePartner: vi.fn(),
  deletePartner: vi.fn(),
  listLinks: vi.fn(),
  createLink: vi.fn(),
  deleteLink: vi.fn(),
  downloadQr: vi.fn(),
}))
vi.mock('@/features/campaigns/analytics/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/campaigns/analytics/api')>()),
  getFunnel: vi.fn(),
  listCampaigns: vi.fn(),
}))

const PARTNER = {
  id: 3,
  version: 2,
  name: 'Radio Suara Banjar',
  kind: 'RADIO',
  contact: '0812 3456 7890',
  notes: 'Siaran Sabtu pagi',
  createdAt: '2032-02-01T02:00:00Z',
} as unknown as partnersApi.Partner

const LINK = {
  id: 11,
  code: 'ab23cd45ef',
  url: 'https://serambi.test/l/ab23cd45ef',
  targetKind: 'EVENT',
  targetId: 12,
  targetTitle: 'Klub Buku Remaja',
  campaignId: null,
  label: 'Poster kantin',
  createdAt: '2032-02-02T02:00:00Z',
} as unknown as partnersApi.PartnerLink

async function mountAt(path: string, component: typeof PartnersPage | typeof PartnerPage) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const targets = { options: vi.fn(async () => [{ value: '12', label: 'Klub Buku Remaja (12 Des 2032)' }]) }
  const wrapper = mount(component, {
    global: { plugins: [i18n, router], provide: { [LinkTargetsKey as symbol]: targets } },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router, targets }
}

describe('partners (issue 22)', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    await setLanguage('id', false)
    auth.useSession('token', aUser({ role: 'STAFF' }))
    vi.clearAllMocks()
    vi.mocked(partnersApi.listPartners).mockResolvedValue({ items: [PARTNER], page: 0, size: 20, total: 1 } as unknown as partnersApi.PartnerPage)
    vi.mocked(partnersApi.getPartner).mockResolvedValue(PARTNER)
    vi.mocked(partnersApi.listLinks).mockResolvedValue([LINK])
    vi.mocked(analyticsApi.listCampaigns).mockResolvedValue([{ id: 5, title: 'Waspada Hoaks', startsOn: '2032-02-01', endsOn: '2032-02-29' }])
    vi.mocked(analyticsApi.getFunnel).mockResolvedValue({
      totals: { impressions: 0, clicks: 0, botClicks: 0, registrations: 0, confirmed: 0, attended: 0, joined: 0 },
      rates: { clickThrough: null, registration: null, confirmation: null, attendance: null },
      byPlatform: [], byVariant: [], byPartner: [], byDay: [],
    } as unknown as analyticsApi.Funnel)
  })

  it('lists partners with their contact for staff, and searches by name on the server', async () => {
    const { wrapper, router } = await mountAt('/staf/mitra', PartnersPage)
    expect(partnersApi.listPartners).toHaveBeenCalledWith({ page: 0, size: 20 })
    expect(wrapper.get('[data-testid="partner-list"]').text()).toContain('Radio Suara Banjar')
    expect(wrapper.get('[data-testid="partner-list"]').text()).toContain('0812 3456 7890')

    await wrapper.get('#partners-search').setValue('radio')
    await wrapper.get('form[role="search"]').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: 'radio' })
    expect(partnersApi.listPartners).toHaveBeenLastCalledWith({ page: 0, size: 20, q: 'radio' })
  })

  it('checks the new partner before sending, then shows the server\'s field errors (problem+json)', async () => {
    const { wrapper } = await mountAt('/staf/mitra', PartnersPage)
    const form = wrapper.findAll('form').at(-1)!
    await form.trigger('submit')
    expect(wrapper.get('#partner-name-error').text()).toContain('Wajib diisi.')
    expect(wrapper.get('#partner-kind-error').text()).toContain('Pilih jenis mitra.')
    expect(partnersApi.createPartner).not.toHaveBeenCalled()

    vi.mocked(partnersApi.createPartner).mockRejectedValue(
      new ApiError(400, { status: 400, title: 'Bad Request', errors: [{ field: 'create.request.contact', message: 'size must be between 0 and 300' }] }),
    )
    await wrapper.get('#partner-name').setValue('Radio Suara Banjar')
    await wrapper.get('#partner-kind').setValue('RADIO')
    await wrapper.get('#partner-contact').setValue('0812')
    await form.trigger('submit')
    await flushPromises()
    expect(partnersApi.createPartner).toHaveBeenCalledWith({ name: 'Radio Suara Banjar', kind: 'RADIO', contact: '0812' })
    expect(wrapper.get('#partner-contact-error').text()).toContain('size must be between 0 and 300')
    expect(document.activeElement?.id).toBe('partner-contact')
  })

  it('says when the name is taken (409), and opens a new partner\'s page once created', async () => {
    const { wrapper, router } = await mountAt('/staf/mitra', PartnersPage)
    const form = wrapper.findAll('form').at(-1)!
    await wrapper.get('#partner-name').setValue('Radio Suara Banjar')
    await wrapper.get('#partner-kind').setValue('RADIO')
    vi.mocked(partnersApi.createPartner).mockRejectedValueOnce(new ApiError(409, { status: 409, title: 'Conflict' }))
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.get('#partner-name-error').text()).toContain('Sudah ada mitra dengan nama ini.')

    vi.mocked(partnersApi.createPartner).mockResolvedValueOnce({ ...PARTNER, id: 8 })
    await form.trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/staf/mitra/8?baru=1')
  })

  it('saves a change with the version read, and offers the choice when someone saved first (412)', async () => {
    const { wrapper } = await mountAt('/staf/mitra/3', PartnerPage)
    expect(wrapper.get('h1').text()).toBe('Radio Suara Banjar')
    expect((wrapper.get('#partner-contact').element as HTMLInputElement).value).toBe('0812 3456 7890')

    vi.mocked(partnersApi.updatePartner).mockResolvedValueOnce({ ...PARTNER, version: 3, notes: 'Sabtu dan Minggu' })
    await wrapper.get('#partner-notes').setValue('Sabtu dan Minggu')
    await wrapper.findAll('form')[0]!.trigger('submit')
    await flushPromises()
    expect(partnersApi.updatePartner).toHaveBeenCalledWith(3, 2, {
      name: 'Radio Suara Banjar', kind: 'RADIO', contact: '0812 3456 7890', notes: 'Sabtu dan Minggu',
    })

    vi.mocked(partnersApi.updatePartner).mockRejectedValueOnce(
      new ApiError(412, { status: 412, type: 'https://serambi.id/problems/stale-version', title: 'Precondition Failed' }),
    )
    await wrapper.findAll('form')[0]!.trigger('submit')
    await flushPromises()
    expect(partnersApi.updatePartner).toHaveBeenLastCalledWith(3, 3, expect.anything())
    expect(wrapper.text()).toContain('Mitra ini baru saja diubah orang lain.')
  })

  it('shows each link\'s address, copies it, downloads its QR code and creates a new link', async () => {
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const { wrapper, targets } = await mountAt('/staf/mitra/3', PartnerPage)

    const url = wrapper.get('[data-testid="partner-link-url"]')
    expect((url.element as HTMLInputElement).value).toBe('https://serambi.test/l/ab23cd45ef')
    expect(wrapper.get('[data-testid="partner-link"]').text()).toContain('Poster kantin')
    expect(wrapper.get('[data-testid="partner-link"]').text()).toContain('Acara: Klub Buku Remaja')

    await wrapper.findAll('button').find((b) => b.text().startsWith('Salin tautan'))!.trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('https://serambi.test/l/ab23cd45ef')

    vi.mocked(partnersApi.downloadQr).mockResolvedValue(new Blob(['png'], { type: 'image/png' }))
    await wrapper.findAll('button').find((b) => b.text().startsWith('Unduh kode QR'))!.trigger('click')
    await flushPromises()
    expect(partnersApi.downloadQr).toHaveBeenCalledWith(3, 11)

    expect(targets.options).toHaveBeenCalledWith('EVENT', 'id')
    vi.mocked(partnersApi.createLink).mockResolvedValue({ ...LINK, id: 12, code: 'zz23cd45ef', url: 'https://serambi.test/l/zz23cd45ef', label: null, campaignId: 5 } as unknown as partnersApi.PartnerLink)
    const linkForm = wrapper.findAll('form').find((f) => f.find('#link-target').exists())!
    await linkForm.trigger('submit')
    expect(wrapper.get('#link-target-error').text()).toContain('Pilih tujuan tautan.')
    await wrapper.get('#link-target').setValue('12')
    await wrapper.get('#link-campaign').setValue('5')
    await linkForm.trigger('submit')
    await flushPromises()
    expect(partnersApi.createLink).toHaveBeenCalledWith(3, { targetKind: 'EVENT', targetId: 12, campaignId: 5 })
    expect(wrapper.findAll('[data-testid="partner-link-url"]').map((i) => (i.element as HTMLInputElement).value)).toEqual([
      'https://serambi.test/l/zz23cd45ef',
      'https://serambi.test/l/ab23cd45ef',
    ])

    // A link to the home page needs no target.
    await wrapper.get('#link-target-kind').setValue('HOME')
    expect(wrapper.find('#link-target').exists()).toBe(false)
  })

  it('names a QR file after the partner and the code', () => {
    expect(qrFileName('Radio Suara Banjar!', LINK)).toBe('qr-radio-suara-banjar-ab23cd45ef.png')
    expect(qrFileName('***', LINK)).toBe('qr-ab23cd45ef.png')
  })
})
