import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/app/i18n'
import * as conversationsApi from '@/features/conversations/api'
import ThreadView from '@/features/conversations/components/ThreadView.vue'
import {
  CHANNELS,
  THREAD_STATUSES,
  channelName,
  defaultPeriod,
  deliveryKey,
  formatDuration,
  inUnit,
  NO_FILTERS,
  shiftDate,
  statusLabelKey,
  toQuery,
} from '@/features/conversations/model'
import { ApiError } from '@/lib/api-client'
import { auth } from '@/lib/auth-store'
import en from '@/locales/en.json'
import id from '@/locales/id.json'
import { aUser } from './helpers'

vi.mock('@/features/conversations/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/conversations/api')>()
  return {
    ...actual,
    setStatus: vi.fn(),
    setAssignee: vi.fn(),
    setMinor: vi.fn(),
    addNote: vi.fn(),
    reply: vi.fn(),
    fillSavedReply: vi.fn(),
    suggestReplies: vi.fn(),
  }
})

const t = (key: string) => key

function aThread(
  overrides: Partial<conversationsApi.ThreadSummary> = {},
  about: conversationsApi.ThreadAbout | null = null,
): conversationsApi.Thread {
  return {
    thread: {
      id: 31,
      channel: 'FACEBOOK',
      kind: 'DIRECT',
      contactId: '6543210987654321',
      contactName: 'Siti Rahma',
      postExternalId: null,
      status: 'NEW',
      assigneeId: null,
      assigneeName: null,
      minor: false,
      lastMessage: 'Masih bisa daftar?',
      lastMessageAt: '2026-12-03T02:00:00Z',
      firstResponseAt: null,
      resolvedAt: null,
      createdAt: '2026-12-03T02:00:00Z',
      version: 2,
      contentPurgedAt: null,
      ...overrides,
    },
    messages: [
      {
        id: 501,
        direction: 'IN',
        externalId: 'm_1',
        senderId: '6543210987654321',
        senderName: 'Siti Rahma',
        body: 'Masih bisa daftar?',
        sentAt: '2026-12-03T02:00:00Z',
        author: null,
        delivery: null,
        automatic: false,
      },
      {
        id: 502,
        direction: 'OUT',
        externalId: 'm_2',
        senderId: null,
        senderName: null,
        body: 'Masih, Kak!',
        sentAt: '2026-12-03T02:05:00Z',
        author: 'Rina',
        delivery: 'DELIVERED',
        automatic: false,
      },
    ],
    notes: [{ id: 12, author: 'Rina', body: 'Kuota masih 5 kursi.', createdAt: '2026-12-03T02:03:00Z' }],
    about,
  }
}

const savedReplies: conversationsApi.SavedReply[] = [
  { id: 3, title: 'Cara mendaftar', bodyId: 'Halo {nama}', bodyEn: 'Hi {nama}', updatedAt: '2026-12-01T00:00:00Z', version: 0 },
]

describe('conversations model', () => {
  it('names every channel and labels every status in both languages', () => {
    expect(CHANNELS.filter((c) => c !== 'WEB').map((c) => channelName(c, t))).toEqual([
      'Facebook',
      'Instagram',
      'X',
      'WhatsApp',
    ])
    expect(channelName('WEB', t)).toBe('conversations.channelWeb')
    for (const status of THREAD_STATUSES) {
      expect((id.conversations.status as Record<string, string>)[status]).toBeTruthy()
      expect((en.conversations.status as Record<string, string>)[status]).toBeTruthy()
    }
    expect(id.conversations.status.NEW).toBe('Baru')
    expect(id.conversations.status.DONE).toBe('Selesai')
    expect(statusLabelKey('SOMETHING_NEW')).toBe('conversations.status.NEW')
  })

  it('turns the filters into the query, leaving out the empty ones', () => {
    expect(toQuery(NO_FILTERS, 0, 20)).toEqual({ page: 0, size: 20 })
    expect(toQuery({ status: 'WAITING', channel: 'WHATSAPP', assignee: 'mine', q: '  bedah buku ' }, 2, 20)).toEqual({
      status: 'WAITING',
      channel: 'WHATSAPP',
      assignee: 'mine',
      q: 'bedah buku',
      page: 2,
      size: 20,
    })
    expect(toQuery({ ...NO_FILTERS, q: 'x'.repeat(300) }, 0, 20).q).toHaveLength(200)
  })

  it('labels only known delivery states', () => {
    expect(deliveryKey('READ')).toBe('conversations.delivery.READ')
    expect(deliveryKey(null)).toBeNull()
    expect(deliveryKey('WHATEVER')).toBeNull()
  })
})

describe('the response-time report model', () => {
  const tr = (key: string, values?: Record<string, unknown>) => `${key.split('.').pop()}:${JSON.stringify(values)}`

  it('reads durations as people do, and no threads as a dash', () => {
    expect(formatDuration(45, tr)).toBe('seconds:{"n":45}')
    expect(formatDuration(1200, tr)).toBe('minutes:{"n":20}')
    expect(formatDuration(3240, tr)).toBe('minutes:{"n":54}')
    expect(formatDuration(7500, tr)).toBe('hours:{"h":2,"m":5}')
    expect(formatDuration(70560, tr)).toBe('hours:{"h":19,"m":36}')
    expect(formatDuration(97200, tr)).toBe('days:{"d":1,"h":3}')
    expect(formatDuration(null, tr)).toBe('—')
  })

  it('charts minutes or hours to one decimal', () => {
    expect(inUnit(3240, 'minutes')).toBe(54)
    expect(inUnit(70560, 'hours')).toBe(19.6)
    expect(inUnit(null, 'hours')).toBeNull()
  })

  it('moves dates by whole days across months and years, and defaults to the last twelve weeks', () => {
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28')
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01')
    expect(defaultPeriod('2026-12-04')).toEqual({ from: '2026-09-12', to: '2026-12-04' })
  })
})

const staff: conversationsApi.StaffMember[] = [
  { id: 4, name: 'Rina' },
  { id: 9, name: 'Budi' },
]

describe('the thread view', () => {
  beforeEach(() => {
    vi.mocked(conversationsApi.setMinor).mockReset()
    vi.mocked(conversationsApi.setStatus).mockReset()
    vi.mocked(conversationsApi.setAssignee).mockReset()
    vi.mocked(conversationsApi.reply).mockReset()
    vi.mocked(conversationsApi.fillSavedReply).mockReset()
    vi.mocked(conversationsApi.suggestReplies).mockReset().mockResolvedValue([])
    auth.useSession('token', aUser({ id: 4, role: 'STAFF' }))
  })

  function mountThread(thread = aThread()) {
    return mount(ThreadView, {
      props: { thread, savedReplies, staff },
      global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } },
    })
  }

  async function replyWith(text: string) {
    const wrapper = mountThread()
    await wrapper.find('#thread-reply-31').setValue(text)
    await wrapper.find('.thread__reply form').trigger('submit')
    await flushPromises()
    return wrapper
  }

  const replyBox = (wrapper: ReturnType<typeof mountThread>) =>
    (wrapper.find('#thread-reply-31').element as HTMLTextAreaElement).value

  it('shows messages in and out, and the notes as internal', () => {
    const wrapper = mountThread()
    expect(wrapper.findAll('.message--in')).toHaveLength(1)
    expect(wrapper.find('.message--out').text()).toContain('Masih, Kak!')
    expect(wrapper.find('.message--out').text()).toContain(id.conversations.delivery.DELIVERED)
    const notes = wrapper.find('.thread__notes')
    expect(notes.text()).toContain('Catatan internal: tidak terlihat oleh publik')
    expect(notes.text()).toContain('Kuota masih 5 kursi.')
  })

  it('assigns the thread to the signed-in member of staff with the version read', async () => {
    vi.mocked(conversationsApi.setAssignee).mockResolvedValue(aThread({ assigneeId: 4, assigneeName: 'Rina', version: 3 }))
    const wrapper = mountThread()
    await wrapper.findAll('button').find((b) => b.text() === id.conversations.thread.assignMe)!.trigger('click')
    await flushPromises()
    expect(conversationsApi.setAssignee).toHaveBeenCalledWith(31, 2, 4)
    expect(wrapper.emitted('changed')?.[0]?.[0]).toMatchObject({ thread: { assigneeId: 4 } })
  })

  it('sends the reply and empties the box', async () => {
    vi.mocked(conversationsApi.reply).mockResolvedValue({})
    const wrapper = await replyWith('Halo Siti')
    expect(conversationsApi.reply).toHaveBeenCalledWith(31, 'Halo Siti')
    expect(replyBox(wrapper)).toBe('')
  })

  it('explains a 409 channel-not-connected in plain Indonesian and keeps the text', async () => {
    vi.mocked(conversationsApi.reply).mockRejectedValue(
      new ApiError(409, { status: 409, title: 'Conflict', type: 'https://serambi.id/problems/channel-not-connected' }),
    )
    const wrapper = await replyWith('Halo Siti')
    expect(wrapper.text()).toContain(id.conversations.thread.notConnected)
    expect(replyBox(wrapper)).toBe('Halo Siti')
  })

  it('fills the picked saved reply through the server into the reply box', async () => {
    vi.mocked(conversationsApi.fillSavedReply).mockResolvedValue('Halo Siti Rahma')
    const wrapper = mountThread()
    await wrapper.find('#thread-saved-31').setValue('3')
    await wrapper.find('#thread-acara-31').setValue('Bedah Buku')
    await wrapper.findAll('button').find((b) => b.text() === id.conversations.thread.useSaved)!.trigger('click')
    await flushPromises()
    expect(conversationsApi.fillSavedReply).toHaveBeenCalledWith(31, 3, { language: 'id', acara: 'Bedah Buku', tautan: null })
    expect(replyBox(wrapper)).toBe('Halo Siti Rahma')
  })

  it("offers Tanya Perpustakaan's suggestions as buttons that fill the reply box without sending", async () => {
    vi.mocked(conversationsApi.suggestReplies).mockResolvedValue([
      { entryId: 1, question: 'Bagaimana cara mendaftar acara?', answer: 'Daftar di halaman acara.', confidence: 0.82 },
      { entryId: 7, question: 'Jam berapa perpustakaan buka?', answer: 'Buka pukul 08.00.', confidence: 0.41 },
    ])
    const wrapper = mountThread()
    await flushPromises()
    expect(conversationsApi.suggestReplies).toHaveBeenCalledWith(31, 'id')
    const group = wrapper.find('.thread__suggestions')
    expect(group.text()).toContain(id.conversations.thread.suggestions)
    const buttons = group.findAll('button')
    expect(buttons.map((b) => b.text())).toEqual(['Bagaimana cara mendaftar acara?', 'Jam berapa perpustakaan buka?'])
    expect(buttons[1]!.attributes('type')).toBe('button')
    await buttons[1]!.trigger('click')
    await flushPromises()
    expect(replyBox(wrapper)).toBe('Buka pukul 08.00.')
    expect(conversationsApi.reply).not.toHaveBeenCalled()
  })

  it('shows no suggestions when there are none, and marks the answers the assistant sent', async () => {
    const thread = aThread()
    thread.messages[1] = { ...thread.messages[1]!, author: null, automatic: true }
    const wrapper = mountThread(thread)
    await flushPromises()
    expect(wrapper.find('.thread__suggestions').exists()).toBe(false)
    expect(wrapper.find('.message--out').text()).toContain(id.conversations.thread.automatic)
  })

  it('reloads the thread when someone else changed it first (412)', async () => {
    vi.mocked(conversationsApi.setStatus).mockRejectedValue(
      new ApiError(412, { status: 412, title: 'Precondition Failed', type: 'https://serambi.id/problems/stale-version' }),
    )
    const wrapper = mountThread()
    await wrapper.find('#thread-status-31').setValue('DONE')
    await flushPromises()
    expect(conversationsApi.setStatus).toHaveBeenCalledWith(31, 2, 'DONE')
    expect(wrapper.text()).toContain(id.conversations.thread.stale)
    expect(wrapper.emitted('changed')?.[0]?.[0]).toBeNull()
  })

  it('assigns the thread to another member of staff picked by name, never offering its assignee', async () => {
    vi.mocked(conversationsApi.setAssignee).mockResolvedValue(aThread({ assigneeId: 9, assigneeName: 'Budi', version: 3 }))
    const wrapper = mountThread(aThread({ assigneeId: 4, assigneeName: 'Rina' }))
    const options = wrapper.findAll('#thread-assignee-31 option').map((o) => o.text())
    expect(options).toContain('Budi')
    expect(options).not.toContain('Rina')
    await wrapper.find('#thread-assignee-31').setValue('9')
    await wrapper.find('#thread-assignee-31').element.closest('form')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(conversationsApi.setAssignee).toHaveBeenCalledWith(31, 2, 9)
    expect(wrapper.text()).toContain('Percakapan ditugaskan ke Budi.')
  })

  it('marks the contact as a minor with the version read', async () => {
    vi.mocked(conversationsApi.setMinor).mockResolvedValue(aThread({ minor: true, version: 3 }))
    const wrapper = mountThread()
    await wrapper.find('#thread-minor-31').setValue(true)
    await flushPromises()
    expect(conversationsApi.setMinor).toHaveBeenCalledWith(31, 2, true)
    expect(wrapper.emitted('changed')?.[0]?.[0]).toMatchObject({ thread: { minor: true } })
  })

  it('links to the post the thread is about, its event and the platform', () => {
    const wrapper = mountThread(
      aThread({}, {
        kind: 'POST',
        postId: 12,
        campaignId: 3,
        campaignTitle: 'Klub Buku Bulanan',
        eventId: 7,
        eventTitle: 'Bedah Buku',
        title: 'Klub Buku Bulanan',
        url: 'https://www.facebook.com/1/posts/2',
      }),
    )
    const links = wrapper.findAllComponents(RouterLinkStub).map((l) => [l.props('to'), l.text()])
    expect(links).toEqual([
      ['/staf/konten/pos/12/ubah', 'Klub Buku Bulanan'],
      ['/acara/7', 'Bedah Buku'],
    ])
    expect(wrapper.find('.thread__about a[href="https://www.facebook.com/1/posts/2"]').exists()).toBe(true)
    expect(wrapper.find('.thread__about').text()).toContain(id.conversations.about.post)
  })
})
