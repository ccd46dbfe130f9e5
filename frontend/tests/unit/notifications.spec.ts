import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/app/i18n'
import * as notificationsApi from '@/features/notifications/api'
import NotificationBell from '@/features/notifications/components/NotificationBell.vue'
import { allRead, badgeText, internalLink, kindLabelKey, NOTIFICATION_KINDS, withRead } from '@/features/notifications/model'
import { setUnreadEventSource } from '@/features/notifications/use-unread'
import { createAuthorizedEventSource } from '@/lib/fetch-event-source'
import { configureApiClient } from '@/lib/api-client'
import en from '@/locales/en.json'
import id from '@/locales/id.json'
import { FakeEventSource } from './fake-event-source'

vi.mock('@/features/notifications/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/notifications/api')>()
  return { ...actual, listNotifications: vi.fn(), markRead: vi.fn(), markAllRead: vi.fn(), unreadCount: vi.fn() }
})

vi.mock('vue-router', async (importOriginal) => {
  const actual = await importOriginal<typeof import('vue-router')>()
  return { ...actual, useRoute: () => ({ fullPath: '/staf/konten' }) }
})

const item = (n: number, readAt?: string) => ({
  id: n,
  kind: 'REVIEW_REQUESTED' as const,
  title: `Unggahan menunggu tinjauan ${n}`,
  body: 'Unggahan dikirim untuk ditinjau',
  link: `/staf/konten/pos/${n}/ubah`,
  createdAt: '2026-12-02T03:00:00.000Z',
  readAt: readAt ?? null,
})

describe('notification model', () => {
  it('shows the badge up to 99, then 99+, and nothing at 0', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(-2)).toBe('')
    expect(badgeText(7)).toBe('7')
    expect(badgeText(99)).toBe('99')
    expect(badgeText(100)).toBe('99+')
  })

  it('labels every kind in both languages, and an unknown kind generically', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(kindLabelKey(kind)).toBe(`notifications.kinds.${kind}`)
      expect((id.notifications.kinds as Record<string, string>)[kind]).toBeTruthy()
      expect((en.notifications.kinds as Record<string, string>)[kind]).toBeTruthy()
    }
    expect(kindLabelKey('SOMETHING_NEW')).toBe('notifications.kinds.OTHER')
  })

  it('marks one or all read without touching the others', () => {
    const items = [item(1), item(2, '2026-12-01T00:00:00Z')]
    expect(withRead(items, item(1, '2026-12-02T04:00:00Z')).map((i) => i.readAt)).toEqual([
      '2026-12-02T04:00:00Z',
      '2026-12-01T00:00:00Z',
    ])
    expect(allRead(items, 'now').map((i) => i.readAt)).toEqual(['now', '2026-12-01T00:00:00Z'])
  })

  it('follows links inside the app only', () => {
    expect(internalLink('/staf/konten/pos/3/ubah')).toBe('/staf/konten/pos/3/ubah')
    expect(internalLink('//evil.example/x')).toBeNull()
    expect(internalLink('https://evil.example/')).toBeNull()
    expect(internalLink(null)).toBeNull()
  })
})

describe('NotificationBell', () => {
  let serverUnread = 0
  beforeEach(() => {
    document.body.innerHTML = ''
    FakeEventSource.reset()
    setUnreadEventSource((url) => new FakeEventSource(url))
    vi.mocked(notificationsApi.listNotifications).mockResolvedValue({ items: [item(1), item(2)], page: 0, size: 8, total: 2 })
    // The server's count: what unread-count answers, changed by marking read as the real server's is.
    serverUnread = 0
    vi.mocked(notificationsApi.markRead).mockImplementation(async (n) => {
      serverUnread = Math.max(0, serverUnread - 1)
      return item(n, '2026-12-02T04:00:00Z')
    })
    vi.mocked(notificationsApi.markAllRead).mockImplementation(async () => {
      const marked = serverUnread
      serverUnread = 0
      return marked
    })
    vi.mocked(notificationsApi.unreadCount).mockImplementation(async () => serverUnread)
  })
  afterEach(() => vi.clearAllMocks())

  function mountBell() {
    return mount(NotificationBell, {
      global: { plugins: [i18n], stubs: { RouterLink: { template: '<a :href="String(to)"><slot /></a>', props: ['to'] } } },
      attachTo: document.body,
    })
  }

  it('shows the live unread count and announces it politely', async () => {
    const wrapper = mountBell()
    expect(FakeEventSource.last.url).toBe('/api/me/notifications/stream')
    expect(wrapper.find('[data-testid="notification-badge"]').exists()).toBe(false)
    FakeEventSource.last.open()
    serverUnread = 3
    FakeEventSource.last.emit('unread', { unread: 3 })
    await flushPromises()
    expect(wrapper.get('[data-testid="notification-badge"]').text()).toBe('3')
    expect(wrapper.get('[data-testid="notification-bell"]').attributes('aria-label')).toBe('Notifikasi, 3 belum dibaca')
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('3 notifikasi belum dibaca')
    serverUnread = 0
    FakeEventSource.last.emit('unread', { unread: 0 })
    await flushPromises()
    expect(wrapper.find('[data-testid="notification-badge"]').exists()).toBe(false)
    wrapper.unmount()
    expect(FakeEventSource.last.closed).toBe(true)
  })

  it('opens the list with focus on its heading, marks read, and Escape closes it back to the bell', async () => {
    const wrapper = mountBell()
    FakeEventSource.last.open()
    serverUnread = 2
    FakeEventSource.last.emit('unread', { unread: 2 })
    const bell = wrapper.get('[data-testid="notification-bell"]')
    await bell.trigger('click')
    await flushPromises()
    expect(bell.attributes('aria-expanded')).toBe('true')
    expect(document.activeElement?.id).toBe('notification-panel-title')
    expect(wrapper.findAll('[data-testid^="notification-"]').filter((w) => /^notification-\d+$/.test(w.attributes('data-testid') ?? ''))).toHaveLength(2)
    expect(wrapper.get('[data-testid="notification-1"] a').attributes('href')).toBe('/staf/konten/pos/1/ubah')

    await wrapper.get('[data-testid="notification-1"] button').trigger('click')
    await flushPromises()
    expect(notificationsApi.markRead).toHaveBeenCalledWith(1)
    expect(wrapper.get('[data-testid="notification-badge"]').text()).toBe('1')
    expect(wrapper.find('[data-testid="notification-1"] button').exists()).toBe(false)

    await wrapper.get('#notification-panel').trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('#notification-panel').exists()).toBe(false)
    expect(document.activeElement).toBe(bell.element)
    wrapper.unmount()
  })

  /** Two unread, then "Tandai semua dibaca" from the opened list. */
  async function markAllFromTwo() {
    const wrapper = mountBell()
    serverUnread = 2
    FakeEventSource.last.emit('unread', { unread: 2 })
    await wrapper.get('[data-testid="notification-bell"]').trigger('click')
    await flushPromises()
    await wrapper.get('#notification-panel .bell__action').trigger('click')
    await flushPromises()
    return wrapper
  }

  it('marks all read', async () => {
    const wrapper = await markAllFromTwo()
    expect(notificationsApi.markAllRead).toHaveBeenCalled()
    expect(wrapper.find('[data-testid="notification-badge"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('a count the stream sent before "mark all read" but delivered after it does not bring the badge back', async () => {
    const wrapper = await markAllFromTwo()
    expect(serverUnread).toBe(0)
    FakeEventSource.last.emit('unread', { unread: 2 }) // stale: sent before the change, delivered after it
    await flushPromises()
    expect(wrapper.find('[data-testid="notification-badge"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('an answer asked before a local change is not applied after it', async () => {
    const wrapper = mountBell()
    let answer: (count: number) => void = () => {}
    vi.mocked(notificationsApi.unreadCount).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    serverUnread = 2
    FakeEventSource.last.emit('unread', { unread: 2 }) // asks the server; the answer is slow
    await wrapper.get('[data-testid="notification-bell"]').trigger('click')
    await flushPromises()
    await wrapper.get('#notification-panel .bell__action').trigger('click') // mark all read: 0 at once
    await flushPromises()
    answer(2) // the slow answer, from before the change
    await flushPromises()
    expect(wrapper.find('[data-testid="notification-badge"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('createAuthorizedEventSource', () => {
  it('sends the bearer token and parses named events and comments', async () => {
    configureApiClient({ getToken: () => 'tok-9' })
    const encoder = new TextEncoder()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('event: unread\ndata: {"unread":'))
        controller.enqueue(encoder.encode('4}\n\n:heartbeat\n\nevent: unread\ndata: {"unread":5}\n\n'))
        controller.close()
      },
    })
    const fetchImpl = vi.fn().mockResolvedValue(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }))
    const source = createAuthorizedEventSource('/api/me/notifications/stream', fetchImpl as unknown as typeof fetch)
    const received: string[] = []
    let errors = 0
    source.addEventListener('unread', (e) => received.push(String(e.data)))
    source.onerror = () => {
      errors += 1
    }
    await vi.waitFor(() => expect(errors).toBe(1)) // the stream ended: reconnect
    expect(received).toEqual(['{"unread":4}', '{"unread":5}'])
    const init = fetchImpl.mock.calls[0]![1] as RequestInit
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-9')
    configureApiClient({ getToken: () => null })
  })
})
