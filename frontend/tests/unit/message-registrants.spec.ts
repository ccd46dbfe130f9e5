import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/app/i18n'
import * as messagingApi from '@/features/events/messaging/api'
import MessageRegistrants from '@/features/events/messaging/components/MessageRegistrants.vue'

vi.mock('@/features/events/messaging/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/events/messaging/api')>()
  return { ...actual, countAudiences: vi.fn(), listMessages: vi.fn(), sendMessage: vi.fn() }
})

const COUNTS: messagingApi.MessageAudienceCount[] = [
  { audience: 'ALL', recipients: 12 },
  { audience: 'CONFIRMED', recipients: 10 },
  { audience: 'WAITLISTED', recipients: 2 },
  { audience: 'ATTENDED', recipients: 0 },
]

function sent(overrides: Partial<messagingApi.EventMessage> = {}): messagingApi.EventMessage {
  return {
    id: 7, eventId: 12, audience: 'CONFIRMED', subject: 'Tautan Zoom berubah', body: 'Tautan baru ada di halaman acara.',
    sentBy: 'Rina', recipients: 10, delivered: 0, whatsapp: false, byWhatsapp: 0, byEmail: 10, emailInstead: 0,
    sentAt: '2026-12-04T02:00:00.000Z', ...overrides,
  }
}

function mountForm() {
  return mount(MessageRegistrants, { props: { eventId: 12 }, global: { plugins: [i18n] }, attachTo: document.body })
}

describe('MessageRegistrants', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    vi.mocked(messagingApi.countAudiences).mockResolvedValue(COUNTS)
    vi.mocked(messagingApi.listMessages).mockResolvedValue([])
    vi.mocked(messagingApi.sendMessage).mockReset()
  })

  it('shows how many people each audience reaches before sending', async () => {
    const wrapper = mountForm()
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('Kirim pesan ke pendaftar')
    expect(wrapper.findAll('#message-audience option').map((o) => o.text())).toEqual([
      'Semua pendaftar aktif (12 orang)', 'Terkonfirmasi (10 orang)', 'Daftar tunggu (2 orang)', 'Hadir (0 orang)',
    ])
    expect(wrapper.get('.messages__count').text()).toBe('Akan dikirim ke 12 orang.')
    await wrapper.get('#message-audience').setValue('ATTENDED')
    expect(wrapper.get('.messages__count').text()).toBe('Akan dikirim ke 0 orang.')
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Belum ada pesan yang dikirim.')
    wrapper.unmount()
  })

  it('asks for a subject and a body, then sends to the chosen audience and lists it in the history', async () => {
    vi.mocked(messagingApi.sendMessage).mockResolvedValue(sent())
    const wrapper = mountForm()
    await flushPromises()
    await wrapper.get('input[type="checkbox"]').setValue(false)
    expect(wrapper.get('button[type="submit"]').text()).toBe('Kirim e-mail ke 12 orang')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#message-subject').attributes('aria-invalid')).toBe('true')
    expect(messagingApi.sendMessage).not.toHaveBeenCalled()

    await wrapper.get('#message-audience').setValue('CONFIRMED')
    await wrapper.get('#message-subject').setValue('  Tautan Zoom berubah ')
    await wrapper.get('#message-body').setValue('Tautan baru ada di halaman acara.')
    vi.mocked(messagingApi.listMessages).mockResolvedValue([sent({ delivered: 10 })])
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(messagingApi.sendMessage).toHaveBeenCalledWith(12, {
      audience: 'CONFIRMED', subject: 'Tautan Zoom berubah', body: 'Tautan baru ada di halaman acara.', whatsapp: false,
    })
    expect(wrapper.get('[role="status"]').text()).toContain('sedang dikirim ke 10 orang')
    expect((wrapper.get('#message-subject').element as HTMLInputElement).value).toBe('')
    const item = wrapper.get('.messages__history li')
    expect(item.text()).toContain('Tautan Zoom berubah')
    expect(item.text()).toContain('Kepada: Terkonfirmasi')
    expect(item.text()).toContain('oleh Rina')
    expect(item.text()).toContain('10 dari 10 e-mail terkirim')
    expect(item.text()).toContain('Hanya e-mail')
    wrapper.unmount()
  })

  it('sends by WhatsApp where registrants agreed (the default) and shows the split, fallbacks included', async () => {
    const split = { whatsapp: true, byWhatsapp: 4, byEmail: 6, emailInstead: 0 }
    vi.mocked(messagingApi.sendMessage).mockResolvedValue(sent(split))
    const wrapper = mountForm()
    await flushPromises()
    const box = wrapper.get('input[type="checkbox"]')
    expect((box.element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.get(`#${box.attributes('aria-describedby')}`).text()).toContain('24 jam terakhir')
    await wrapper.get('#message-audience').setValue('CONFIRMED')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Kirim ke 10 orang: WhatsApp bila setuju, selain itu e-mail')
    await wrapper.get('#message-subject').setValue('Ruang pindah')
    await wrapper.get('#message-body').setValue('Acara pindah ke ruang anak.')
    vi.mocked(messagingApi.listMessages).mockResolvedValue([sent({ ...split, byWhatsapp: 3, byEmail: 7, emailInstead: 1 })])
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(vi.mocked(messagingApi.sendMessage).mock.calls[0]![1]).toMatchObject({ whatsapp: true })
    expect(wrapper.get('[role="status"]').text()).toContain('4 lewat WhatsApp, 6 lewat e-mail')
    const item = wrapper.get('.messages__history li')
    expect(item.text()).toContain('3 lewat WhatsApp · 7 lewat e-mail')
    expect(item.text()).toContain('1 lewat e-mail karena WhatsApp gagal')
    wrapper.unmount()
  })
})
