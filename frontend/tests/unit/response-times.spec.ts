import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/app/i18n'
import * as conversationsApi from '@/features/conversations/api'
import ResponseTimesPage from '@/features/conversations/pages/ResponseTimesPage.vue'

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake Chart records whatever config it is given */
// Chart.js draws on a canvas, which jsdom has not: record what each chart was given instead.
const charts = vi.hoisted(() => ({ made: [] as Array<{ config: any }> }))
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    constructor(_canvas: HTMLCanvasElement, config: any) {
      charts.made.push({ config })
    }
    destroy() {}
  }
  const part = (name: string) => ({ id: name })
  return {
    Chart,
    BarController: part('bar'),
    BarElement: part('barElement'),
    CategoryScale: part('category'),
    LinearScale: part('linear'),
    Legend: part('legend'),
    Tooltip: part('tooltip'),
  }
})

vi.mock('@/features/conversations/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/conversations/api')>()
  return { ...actual, getResponseTimes: vi.fn() }
})

const figures = (count: number, medianSeconds: number | null, p90Seconds: number | null) => ({ count, medianSeconds, p90Seconds })

const report: conversationsApi.ResponseTimeReport = {
  from: '2031-03-03',
  to: '2031-03-16',
  timeZone: 'Asia/Makassar',
  firstResponse: {
    overall: figures(3, 1800, 3240),
    weeks: [
      { week: '2031-03-03', figures: figures(2, 1200, 1680) },
      { week: '2031-03-10', figures: figures(1, 3600, 3600) },
    ],
    channels: [{ channel: 'WHATSAPP', figures: figures(3, 1800, 3240) }],
    staff: [{ staffId: 4, staffName: 'Rina', figures: figures(3, 1800, 3240) }],
  },
  resolution: {
    overall: figures(1, 7200, 7200),
    weeks: [{ week: '2031-03-03', figures: figures(1, 7200, 7200) }],
    channels: [{ channel: 'WEB', figures: figures(1, 7200, 7200) }],
    staff: [{ staffId: null, staffName: null, figures: figures(1, 7200, 7200) }],
  },
}

describe('the response-time report page', () => {
  beforeEach(() => {
    charts.made.length = 0
    i18n.global.locale.value = 'id'
    vi.mocked(conversationsApi.getResponseTimes).mockReset()
  })

  async function mountPage() {
    const wrapper = mount(ResponseTimesPage, { global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } })
    await flushPromises()
    return wrapper
  }

  it('asks for the last twelve weeks and shows each grouping as a table with counts, medians and p90', async () => {
    vi.mocked(conversationsApi.getResponseTimes).mockResolvedValue(report)
    const wrapper = await mountPage()
    const [from, to] = vi.mocked(conversationsApi.getResponseTimes).mock.calls[0]!
    expect(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)).toBe(83)

    const table = (caption: string) => wrapper.findAll('table').find((t) => t.find('caption').text() === caption)!
    const weeks = table('Respons pertama per minggu').findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(weeks).toEqual([
      ['3 Mar 2031', '2', '20 mnt', '28 mnt'],
      ['10 Mar 2031', '1', '1 j 0 mnt', '1 j 0 mnt'],
    ])
    expect(table('Respons pertama per kanal').text()).toContain('WhatsApp')
    expect(table('Respons pertama per staf').text()).toContain('Rina')
    expect(table('Penyelesaian per staf').text()).toContain('Tanpa petugas')
    expect(table('Penyelesaian: keseluruhan').text()).toContain('2 j 0 mnt')
    expect(wrapper.text()).toContain('p90 (persentil ke-90)')
  })

  it('draws the median and p90 per week, in minutes for first responses and hours for resolutions', async () => {
    vi.mocked(conversationsApi.getResponseTimes).mockResolvedValue(report)
    const wrapper = await mountPage()
    expect(charts.made).toHaveLength(2)
    const [first, resolution] = charts.made.map((c) => c.config)
    expect(first.data.datasets.map((d: any) => d.label)).toEqual(['Median', 'p90'])
    expect(first.data.datasets[0].data).toEqual([20, 60])
    expect(first.data.datasets[1].data).toEqual([28, 60])
    expect(resolution.data.datasets[0].data).toEqual([2])
    expect(wrapper.get('#chart-first-response-canvas').attributes('aria-label')).toContain(
      'Minggu 3 Mar 2031: 2 percakapan, median 20 mnt, p90 28 mnt',
    )
  })

  it('asks again for the period chosen', async () => {
    vi.mocked(conversationsApi.getResponseTimes).mockResolvedValue(report)
    const wrapper = await mountPage()
    await wrapper.get('#report-from').setValue('2031-03-03')
    await wrapper.get('#report-to').setValue('2031-03-16')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(conversationsApi.getResponseTimes).toHaveBeenLastCalledWith('2031-03-03', '2031-03-16')
  })
})
