import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/app/i18n'
import WhatsappState from '@/features/events/registration/components/WhatsappState.vue'

function text(state: InstanceType<typeof WhatsappState>['$props']['state']) {
  const wrapper = mount(WhatsappState, { props: { state }, global: { plugins: [i18n] } })
  const shown = wrapper.text().replace(/\s+/g, ' ').trim()
  const icons = wrapper.findAll('[aria-hidden="true"]').map((i) => i.text())
  wrapper.unmount()
  return { shown, icons }
}

describe('WhatsappState', () => {
  it('says the consent and the latest delivery in words; the icon is hidden from screen readers', () => {
    const read = text({ consent: 'OPTED_IN', notice: 'CONFIRMED', delivery: 'READ', emailInstead: false, at: '2026-12-04T02:00:00Z' })
    expect(read.shown).toBe('WhatsApp: setuju, ✓✓ pesan terakhir dibaca')
    expect(read.icons).toEqual(['✓✓'])
  })

  it('says when the latest message went by e-mail instead, and when the number said BERHENTI', () => {
    expect(text({ consent: 'OPTED_IN', notice: 'STAFF_MESSAGE', delivery: 'FAILED', emailInstead: true, at: null }).shown)
      .toBe('WhatsApp: setuju, ✕ pesan terakhir gagal, dikirim lewat e-mail sebagai gantinya')
    expect(text({ consent: 'NUMBER_STOPPED', notice: null, delivery: null, emailInstead: false, at: null }).shown)
      .toBe('WhatsApp: nomor membalas BERHENTI')
    expect(text({ consent: 'WITHDRAWN', notice: 'REMINDER', delivery: 'SENT', emailInstead: false, at: null }).shown)
      .toBe('WhatsApp: dimatikan pendaftar, ✓ pesan terakhir terkirim')
  })
})
