import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/app/i18n'
import LoadFailed from '@/components/LoadFailed.vue'

describe('LoadFailed', () => {
  it('announces why the page could not load and offers to try again', async () => {
    const wrapper = mount(LoadFailed, {
      props: { error: { status: 503, message: 'Layanan sedang tidak tersedia.', detail: null, fieldErrors: {} } },
      global: { plugins: [i18n] },
    })
    expect(wrapper.get('[role="alert"]').text()).toContain('Layanan sedang tidak tersedia.')
    const retry = wrapper.get('button')
    expect(retry.text()).toBe(i18n.global.t('common.retry'))
    await retry.trigger('click')
    await retry.trigger('click')
    expect(wrapper.emitted('retry')).toEqual([[], []])
  })

  it('offers no retry when trying again cannot help', () => {
    const wrapper = mount(LoadFailed, {
      props: { error: { status: 404, message: 'Tidak ditemukan.', detail: null, fieldErrors: {} }, final: true },
      global: { plugins: [i18n] },
    })
    expect(wrapper.get('[role="alert"]').text()).toContain('Tidak ditemukan.')
    expect(wrapper.find('button').exists()).toBe(false)
  })
})
