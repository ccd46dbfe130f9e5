import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { i18n, setLanguage } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import GuideLink from '@/features/help/components/GuideLink.vue'
import GuidePage from '@/features/help/pages/GuidePage.vue'
import { GUIDE_SLUGS, GUIDES } from '@/features/help/guides'
import en from '@/locales/en.json'
import id from '@/locales/id.json'

/** Issue 17, point 13: short guides in plain words, reachable from the pages they help with. */

async function mountAt(path: string, component: unknown, props: Record<string, unknown> = {}) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const w = mount(component as Parameters<typeof mount>[0], { props, global: { plugins: [i18n, router] } } as never)
  await flushPromises()
  return { w, router }
}

describe('the guides', () => {
  afterEach(async () => {
    await setLanguage('id')
  })

  it('"Butuh bantuan? Lihat panduan" links to the guide', async () => {
    const { w } = await mountAt('/', GuideLink, { guide: 'daftar-acara' })
    expect(w.text()).toBe('?Butuh bantuan? Lihat panduan: Cara mendaftar acara')
    expect(w.get('a').attributes('href')).toBe('/panduan/daftar-acara')
    w.unmount()
  })

  it('shows a guide as numbered steps in plain words, then the way back', async () => {
    const { w } = await mountAt('/panduan/tantangan-membaca', GuidePage)
    expect(w.get('h1').text()).toContain('Cara ikut tantangan membaca')
    const steps = w.findAll('ol li')
    expect(steps).toHaveLength(6)
    expect(steps[0]!.text()).toMatch(/^1\s*Masuk dengan akunmu\./)
    expect(steps[3]!.text()).toContain('Tekan "Catat".')
    expect(w.get('.guide__actions a').attributes('href')).toBe('/tantangan')
    expect(w.findAll('nav a').map((a) => a.attributes('href'))).toEqual(['/panduan/daftar-acara', '/panduan/kampanye-pertama'])
    w.unmount()
  })

  it('has every step in Bahasa Indonesia and in English', async () => {
    for (const slug of GUIDE_SLUGS) {
      const { key, steps } = GUIDES[slug]
      for (const locale of [id, en]) {
        const guide = (locale.help.guides as Record<string, { title: string; intro: string; tip: string; back: string; steps: object }>)[key]!
        expect(Object.keys(guide.steps)).toHaveLength(steps)
        expect(guide.title && guide.intro && guide.tip && guide.back).toBeTruthy()
      }
    }
    await setLanguage('en')
    const { w } = await mountAt('/panduan/kampanye-pertama', GuidePage)
    expect(w.get('h1').text()).toContain('Your first campaign')
    expect(w.findAll('ol li')).toHaveLength(7)
    w.unmount()
  })

  it('is offered on the event, challenge and campaign pages (the layout reads the route)', () => {
    const router = createAppRouter(createMemoryHistory())
    expect(router.resolve('/acara/12').meta.guide).toBe('daftar-acara')
    expect(router.resolve('/acara').meta.guide).toBe('daftar-acara')
    expect(router.resolve('/tantangan/3').meta.guide).toBe('tantangan-membaca')
    expect(router.resolve('/staf/konten/kampanye').meta.guide).toBe('kampanye-pertama')
    expect(router.resolve('/panduan/kampanye-pertama').name).toBe('guide')
    expect(router.resolve('/panduan/tidak-ada').name).toBe('not-found')
  })
})
