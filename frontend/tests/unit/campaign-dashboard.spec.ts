import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { auth } from '@/lib/auth-store'
import * as analyticsApi from '@/features/campaigns/analytics/api'
import DashboardPage from '@/features/campaigns/analytics/pages/DashboardPage.vue'
import { aUser } from './helpers'

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake Chart records whatever config it is given */
// Chart.js draws on a canvas, which jsdom has not: record what each chart was given instead.
const charts = vi.hoisted(() => ({ made: [] as Array<{ canvas: HTMLCanvasElement; config: any }>, registered: [] as unknown[] }))
vi.mock('chart.js', () => {
  class Chart {
    static register(...items: unknown[]) {
      charts.registered.push(...items)
    }
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

vi.mock('@/features/campaigns/analytics/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/campaigns/analytics/api')>()
  return { ...actual, getAnalytics: vi.fn(), listCampaigns: vi.fn(), downloadAnalyticsCsv: vi.fn(), getFunnel: vi.fn() }
})

const group = (key: string, label: string, posts: number, impressions: number, engagements: number, rate?: number,
  averageReach?: number): analyticsApi.AnalyticsGroup => ({
  key,
  label,
  posts,
  impressions,
  engagements,
  engagementRate: rate ?? null,
  averageReach: averageReach ?? null,
  reactions: 0,
  comments: 0,
  shares: 0,
  saves: 0,
  clicks: 0,
})

/** A published variant's row as the API sends it: figures not reported are null. */
const row = (r: Pick<analyticsApi.PostMetricsRow, 'postId' | 'variantId' | 'platform' | 'contentType' | 'excerpt'
  | 'publishedUrl' | 'publishedAt' | 'impressions' | 'engagements' | 'engagementRate'> & Partial<analyticsApi.PostMetricsRow>,
): analyticsApi.PostMetricsRow => ({ campaignId: 5, reach: null, reactions: null, comments: null, shares: null, saves: null,
  clicks: null, videoViews: null, metricsSource: 'API', metricsCapturedAt: '2032-02-10T00:00:00.000Z', ...r })

const analytics: analyticsApi.Analytics = {
  from: '2032-02-01',
  to: '2032-02-29',
  timeZone: 'Asia/Makassar',
  campaignId: null,
  totals: group('ALL', 'Semua', 3, 3400, 350, 350 / 3400, 1000),
  byPlatform: [group('INSTAGRAM', 'Instagram', 2, 3000, 330, 0.11, 1000), group('X', 'X', 1, 400, 20, 0.05)],
  byContentType: [group('EDUCATIONAL_TIP', 'EDUCATIONAL_TIP', 2, 1400, 100, 100 / 1400), group('QUOTE', 'QUOTE', 1, 2000, 250, 0.125)],
  byCampaign: [group('5', 'Waspada Hoaks', 3, 3400, 350, 350 / 3400, 1000)],
  overTime: [group('2032-02-02', '2032-02-02', 3, 3400, 350, 350 / 3400)],
  byDayOfWeek: [group('TUESDAY', 'Selasa', 2, 1400, 100, 100 / 1400), group('SATURDAY', 'Sabtu', 1, 2000, 250, 0.125)],
  byHour: [group('19', '19:00', 2, 3000, 330, 0.11), group('20', '20:00', 1, 400, 20, 0.05)],
  bestDay: 'SATURDAY',
  bestHour: 19,
  posts: [
    row({ postId: 1, variantId: 11, platform: 'INSTAGRAM', contentType: 'EDUCATIONAL_TIP', excerpt: 'Tiga langkah cek hoaks', publishedUrl: 'https://www.instagram.com/p/A/', publishedAt: '2032-02-03T11:00:00Z', impressions: 1000, reach: 800, engagements: 80, engagementRate: 0.08 }),
    row({ postId: 2, variantId: 12, platform: 'X', contentType: 'EDUCATIONAL_TIP', excerpt: 'Cek sumbernya', publishedUrl: 'https://x.com/p/1', publishedAt: '2032-02-03T12:00:00Z', impressions: 400, engagements: 20, engagementRate: 0.05 }),
    row({ postId: 3, variantId: 13, platform: 'INSTAGRAM', contentType: 'QUOTE', excerpt: 'Membaca adalah jendela dunia', publishedUrl: 'https://www.instagram.com/p/B/', publishedAt: '2032-02-07T11:00:00Z', impressions: 2000, reach: 1200, engagements: 250, engagementRate: 0.125 }),
  ],
  kpis: [{ campaignId: 5, campaignTitle: 'Waspada Hoaks', metric: 'IMPRESSIONS', target: 5000, actual: 3400, progress: 0.68, achieved: false }],
  satisfaction: [],
}

async function mountDashboard(path = '/staf/konten/dasbor?from=2032-02-01&to=2032-02-29') {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(DashboardPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

describe('the campaign dashboard', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    charts.made.length = 0
    i18n.global.locale.value = 'id'
    auth.useSession('token-staf', aUser({ role: 'STAFF' }))
    vi.mocked(analyticsApi.listCampaigns).mockResolvedValue([{ id: 5, title: 'Waspada Hoaks', startsOn: '2032-02-01', endsOn: '2032-02-29' }])
  })

  it('builds the three charts from the analytics, each an image with its values in words', async () => {
    vi.mocked(analyticsApi.getAnalytics).mockResolvedValue(analytics)
    const { wrapper } = await mountDashboard()

    expect(analyticsApi.getAnalytics).toHaveBeenCalledWith({ from: '2032-02-01', to: '2032-02-29', campaignId: null })
    expect(charts.registered.length).toBeGreaterThan(0)
    expect(charts.made).toHaveLength(3)
    const [platform, type, time] = charts.made.map((c) => c.config)
    expect(platform.type).toBe('bar')
    expect(platform.data.labels).toEqual(['Instagram', 'X'])
    expect(platform.data.datasets[0].data).toEqual([0.11, 0.05])
    expect(type.type).toBe('bar')
    expect(type.options.indexAxis).toBe('y')
    expect(type.data.labels).toEqual(['Tips edukatif', 'Kutipan'])
    // One week alone is a bar, not a lone dot on a line.
    expect(time.type).toBe('bar')
    expect(time.data.labels).toEqual(['2 Feb'])
    expect(wrapper.get('#chart-time-title').element.closest('figure')!.getAttribute('data-kind')).toBe('bar')
    // The axis speaks percentages in the UI language.
    expect(platform.options.scales.y.ticks.callback(0.045)).toBe('4,5\u00a0%')

    const canvas = charts.made[0]!.canvas
    expect(canvas.getAttribute('role')).toBe('img')
    expect(canvas.getAttribute('aria-label')).toBe('Tingkat interaksi per platform. Instagram: 11\u00a0%; X: 5\u00a0%.')
    const table = wrapper.get('#chart-platform-title').element.closest('figure')!.querySelector('table')!
    expect(table.textContent).toContain('3.000')

    // Reach per post, newest first, and its average: never a sum.
    const rows = wrapper.findAll('#analytics-posts tbody tr')
    expect(rows.map((r) => r.find('th').text())).toEqual([
      expect.stringContaining('Membaca adalah jendela dunia'),
      expect.stringContaining('Cek sumbernya'),
      expect.stringContaining('Tiga langkah cek hoaks'),
    ])
    expect(rows[0]!.text()).toContain('1.200')
    expect(rows[1]!.findAll('td')[2]!.text()).toBe('–')
    expect(wrapper.text()).toContain('Rata-rata jangkauan: 1.000 per unggahan (dari 2 unggahan yang melaporkan jangkauan).')
    expect(wrapper.text()).not.toContain('2.000 per unggahan')

    expect(wrapper.text()).toContain('Hari terbaik: Sabtu (12,5\u00a0%). Jam terbaik: 19.00–20.00 WITA (11\u00a0%).')
    const kpi = wrapper.get('.dashboard__kpi [role="progressbar"]')
    expect(kpi.attributes('aria-valuenow')).toBe('68')
    expect(kpi.attributes('aria-valuetext')).toBe('3.400 dari target 5.000 (68 %)')
    wrapper.unmount()
  })

  it('lists the satisfaction of the promoted events, marking figures from fewer than 10 answers', async () => {
    vi.mocked(analyticsApi.getAnalytics).mockResolvedValue({
      ...analytics,
      satisfaction: [
        { campaignId: 5, campaignTitle: 'Waspada Hoaks', eventId: 7, eventTitle: 'Diskusi Buku', responses: 24, scaleAnswers: 20, meanScale: 4.25, npsAnswers: 8, nps: 37.5 },
        { campaignId: 5, campaignTitle: 'Waspada Hoaks', eventId: 8, eventTitle: null, responses: 0, scaleAnswers: 0, meanScale: null, npsAnswers: 0, nps: null },
      ],
    })
    const { wrapper } = await mountDashboard()
    const section = wrapper.get('[data-testid="satisfaction"]')
    expect(section.get('h2').text()).toBe('Kepuasan peserta acara')
    const rows = section.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('Diskusi Buku')
    expect(rows[0]!.text()).toContain('4,3')
    expect(rows[0]!.text()).toContain('37,5')
    // The mean rests on 20 answers, the NPS on 8: only the NPS is marked.
    expect(rows[0]!.findAll('td').filter((c) => c.text().includes('n < 10'))).toHaveLength(1)
    expect(rows[1]!.text()).toContain('Acara sudah dihapus')
    expect(rows[1]!.text()).toContain('–')
    wrapper.unmount()
  })

  it('draws no chart and says so when nothing was published', async () => {
    vi.mocked(analyticsApi.getAnalytics).mockResolvedValue({
      ...analytics,
      totals: group('ALL', 'Semua', 0, 0, 0),
      byPlatform: [],
      byContentType: [],
      overTime: [],
      posts: [],
      kpis: [],
    })
    const { wrapper } = await mountDashboard()
    expect(charts.made).toHaveLength(0)
    expect(wrapper.text()).toContain('Belum ada unggahan yang terbit pada periode ini')
    wrapper.unmount()
  })

  it('puts the chosen filters in the address and loads them', async () => {
    vi.mocked(analyticsApi.getAnalytics).mockResolvedValue(analytics)
    const { wrapper, router } = await mountDashboard()
    await wrapper.get('#analytics-from').setValue('2032-02-05')
    await wrapper.get('#analytics-campaign').setValue('5')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ from: '2032-02-05', to: '2032-02-29', campaignId: '5' })
    expect(analyticsApi.getAnalytics).toHaveBeenLastCalledWith({ from: '2032-02-05', to: '2032-02-29', campaignId: 5 })

    await wrapper.get('#analytics-to').setValue('2032-01-01')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#analytics-from-error').text()).toContain('Isi dua tanggal')
    wrapper.unmount()
  })

  it('shows the funnel of the chosen campaign for its period (issue 22), and asks for a campaign otherwise', async () => {
    vi.mocked(analyticsApi.getAnalytics).mockResolvedValue(analytics)
    vi.mocked(analyticsApi.getFunnel).mockResolvedValue({
      totals: { impressions: 3400, clicks: 12, botClicks: 3, registrations: 4, confirmed: 4, attended: 0, joined: 0 },
      rates: { clickThrough: 0.0035, registration: 0.3333, confirmation: null, attendance: null },
      byPlatform: [], byVariant: [], byPartner: [], byDay: [],
    } as unknown as analyticsApi.Funnel)
    const { wrapper } = await mountDashboard()
    expect(wrapper.find('[data-testid="campaign-funnel"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Pilih satu kampanye pada filter')

    await wrapper.get('#analytics-campaign').setValue('5')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(analyticsApi.getFunnel).toHaveBeenLastCalledWith({ kind: 'campaign', id: 5 }, { from: '2032-02-01', to: '2032-02-29' })
    const funnel = wrapper.get('[data-testid="campaign-funnel"]')
    expect(funnel.get('[data-testid="funnel-impressions"]').text()).toContain('3.400')
    expect(funnel.get('[data-testid="funnel-registrations"]').text()).toContain('33,3\u00a0%')
    expect(funnel.get('[data-testid="funnel-confirmed"]').text()).toContain('di bawah 10')
    wrapper.unmount()
  })

  it('draws weeks as a line from two weeks on, and a chart without figures says so', async () => {
    vi.mocked(analyticsApi.getAnalytics).mockResolvedValue({
      ...analytics,
      overTime: [group('2032-02-02', '2032-02-02', 2, 1400, 100, 100 / 1400), group('2032-02-09', '2032-02-09', 1, 2000, 250, 0.125)],
      byContentType: [group('QUOTE', 'QUOTE', 1, 0, 0)],
    })
    const { wrapper } = await mountDashboard()
    const time = charts.made.find((c) => c.canvas.id === 'chart-time-canvas')!.config
    expect(time.type).toBe('line')
    expect(time.data.labels).toEqual(['2 Feb', '9 Feb'])
    // Content types: no impressions, so no rate: words instead of an empty drawing.
    const type = wrapper.get('#chart-type-title').element.closest('figure')!
    expect(type.getAttribute('data-kind')).toBe('empty')
    expect(type.querySelector('canvas')).toBeNull()
    expect(type.textContent).toContain('Belum ada angka untuk grafik ini pada periode ini.')
    expect(charts.made).toHaveLength(2)
    wrapper.unmount()
  })
})
