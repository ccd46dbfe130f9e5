import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n, setLanguage } from '@/app/i18n'
import * as analyticsApi from '@/features/campaigns/analytics/api'
import FunnelPanel from '@/features/campaigns/analytics/components/FunnelPanel.vue'

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake Chart records whatever config it is given */
// Chart.js draws on a canvas, which jsdom has not: record what each chart was given instead.
const charts = vi.hoisted(() => ({ made: [] as Array<{ canvas: HTMLCanvasElement; config: any }> }))
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    data: unknown
    options: unknown
    canvas: HTMLCanvasElement
    config: any
    constructor(canvas: HTMLCanvasElement, config: any) {
      charts.made.push({ canvas, config })
      this.canvas = canvas
      this.config = config
      this.data = config.data
      this.options = config.options
    }
    update() {}
    destroy() {}
  }
  const part = (name: string) => ({ id: name })
  return {
    Chart,
    BarController: part('bar'),
    BarElement: part('barElement'),
    CategoryScale: part('category'),
    LinearScale: part('linear'),
    LineController: part('line'),
    LineElement: part('lineElement'),
    PointElement: part('point'),
    Tooltip: part('tooltip'),
  }
})
vi.mock('@/features/campaigns/analytics/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/campaigns/analytics/api')>()),
  getFunnel: vi.fn(),
  downloadFunnel: vi.fn(),
}))

function funnel(overrides: Partial<analyticsApi.Funnel> = {}): analyticsApi.Funnel {
  return {
    totals: { impressions: null, clicks: 1, botClicks: 4, registrations: 1, confirmed: 1, attended: 0, joined: 0 },
    rates: { clickThrough: null, registration: null, confirmation: null, attendance: null },
    byPlatform: [],
    byVariant: [],
    byPartner: [],
    byDay: [],
    ...overrides,
  } as analyticsApi.Funnel
}

async function mountPanel(source: analyticsApi.FunnelSource = { kind: 'partner', id: 3 }, period: analyticsApi.FunnelPeriod = {}) {
  const wrapper = mount(FunnelPanel, { props: { source, period }, global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const row = (wrapper: Awaited<ReturnType<typeof mountPanel>>, stage: string) => wrapper.get(`[data-testid="funnel-${stage}"]`)

describe('FunnelPanel (issue 22)', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    charts.made.length = 0
    await setLanguage('id', false)
    vi.mocked(analyticsApi.getFunnel).mockReset()
    vi.mocked(analyticsApi.downloadFunnel).mockReset()
  })

  it('shows every stage\'s figure, and "—" with "di bawah 10" instead of a percentage on a small base', async () => {
    vi.mocked(analyticsApi.getFunnel).mockResolvedValue(funnel())
    const wrapper = await mountPanel()

    expect(analyticsApi.getFunnel).toHaveBeenCalledWith({ kind: 'partner', id: 3 }, {})
    expect(row(wrapper, 'clicks').get('[data-testid="funnel-count"]').text()).toBe('1')
    expect(row(wrapper, 'registrations').get('[data-testid="funnel-count"]').text()).toBe('1')
    expect(row(wrapper, 'registrations').text()).toContain('—')
    expect(row(wrapper, 'registrations').text()).toContain('di bawah 10')
    expect(row(wrapper, 'registrations').text()).not.toContain('%')
    // A partner's funnel has no impressions, so clicks are its first stage, without a rate.
    expect(wrapper.find('[data-testid="funnel-impressions"]').exists()).toBe(false)
    expect(row(wrapper, 'clicks').text()).not.toContain('—')
    expect(wrapper.get('[data-testid="funnel-small-base"]').text()).toContain('di bawah 10')
    // Bots are reported apart, never as people.
    expect(wrapper.text()).toContain('tidak dihitung: 4')
  })

  it('names the chart with every figure, for a screen reader', async () => {
    vi.mocked(analyticsApi.getFunnel).mockResolvedValue(funnel())
    const wrapper = await mountPanel()

    const label = wrapper.get('canvas').attributes('aria-label')
    expect(label).toBe('Corong pendaftaran: Klik 1; Pendaftaran 1 (di bawah 10); Terkonfirmasi 1 (di bawah 10); Hadir 0 (di bawah 10)')
    expect(charts.made).toHaveLength(1)
    expect(charts.made[0]!.config.data.datasets[0].data).toEqual([1, 1, 1, 0])
  })

  it('shows a rate as a percentage when its base is 10 or more', async () => {
    vi.mocked(analyticsApi.getFunnel).mockResolvedValue(
      funnel({
        totals: { impressions: 2000, clicks: 40, botClicks: 0, registrations: 10, confirmed: 8, attended: 6, joined: 0 },
        rates: { clickThrough: 0.02, registration: 0.25, confirmation: 0.8, attendance: null },
      } as Partial<analyticsApi.Funnel>),
    )
    const wrapper = await mountPanel()

    expect(row(wrapper, 'impressions').get('[data-testid="funnel-count"]').text()).toBe('2.000')
    expect(row(wrapper, 'registrations').text()).toContain('25\u00a0%')
    expect(row(wrapper, 'registrations').text()).not.toContain('di bawah 10')
    expect(row(wrapper, 'attended').text()).toContain('di bawah 10')
  })

  it('breaks the figures down by partner', async () => {
    vi.mocked(analyticsApi.getFunnel).mockResolvedValue(
      funnel({
        byPartner: [{
          partnerId: 3, name: 'Radio Suara Banjar', kind: 'RADIO',
          totals: { impressions: null, clicks: 7, botClicks: 1, registrations: 2, confirmed: 2, attended: 1, joined: 0 },
          rates: { clickThrough: null, registration: null, confirmation: null, attendance: null },
        }],
        byPlatform: [{
          platform: 'INSTAGRAM',
          totals: { impressions: 1500, clicks: 30, botClicks: 2, registrations: 6, confirmed: 5, attended: 4, joined: 0 },
          rates: { clickThrough: 0.02, registration: 0.2, confirmation: null, attendance: null },
        }],
      } as Partial<analyticsApi.Funnel>),
    )
    const wrapper = await mountPanel({ kind: 'campaign', id: 5 }, { from: '2032-02-01', to: '2032-02-29' })

    expect(analyticsApi.getFunnel).toHaveBeenCalledWith({ kind: 'campaign', id: 5 }, { from: '2032-02-01', to: '2032-02-29' })
    const table = wrapper.get('[data-testid="funnel-by-partner"]')
    expect(table.get('tbody th').text()).toBe('Radio Suara Banjar')
    expect(table.findAll('tbody td').map((c) => c.text())).toEqual(['7', '2', '2', '1'])
    const platform = wrapper.get('[data-testid="funnel-by-platform"]')
    expect(platform.get('tbody th').text()).toBe('Instagram')
    expect(platform.findAll('tbody td').map((c) => c.text())).toEqual(['1.500', '30', '6', '5', '4'])
    expect(wrapper.find('[data-testid="funnel-by-variant"]').exists()).toBe(false)
  })

  it('downloads the CSV and the Excel file of the same funnel', async () => {
    vi.mocked(analyticsApi.getFunnel).mockResolvedValue(funnel())
    vi.mocked(analyticsApi.downloadFunnel).mockResolvedValue(new Blob(['x']))
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const wrapper = await mountPanel({ kind: 'event', id: 9 })

    const [csv, xlsx] = wrapper.findAll('button').filter((b) => /Unduh/.test(b.text()))
    await csv!.trigger('click')
    await flushPromises()
    await xlsx!.trigger('click')
    await flushPromises()

    expect(analyticsApi.downloadFunnel).toHaveBeenNthCalledWith(1, { kind: 'event', id: 9 }, {}, 'csv')
    expect(analyticsApi.downloadFunnel).toHaveBeenNthCalledWith(2, { kind: 'event', id: 9 }, {}, 'xlsx')
  })
})
