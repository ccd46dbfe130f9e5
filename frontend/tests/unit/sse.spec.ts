import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, openLiveStream, type LiveStreamState } from '@/lib/sse'
import { FakeEventSource } from './fake-event-source'

function open(extra: Parameters<typeof openLiveStream>[1] extends infer O ? Partial<O> : never = {}) {
  const messages: unknown[] = []
  const states: LiveStreamState[] = []
  const stream = openLiveStream('/api/stream', {
    onMessage: (m) => messages.push(m),
    onStateChange: (s) => states.push(s),
    jitter: 0,
    createEventSource: (url) => new FakeEventSource(url),
    ...extra,
  })
  return { stream, messages, states }
}

describe('openLiveStream', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeEventSource.reset()
  })
  afterEach(() => vi.useRealTimers())

  it('connects to the URL and hands over each message, parsed as JSON', () => {
    const { stream, messages, states } = open()
    expect(FakeEventSource.all).toHaveLength(1)
    expect(FakeEventSource.last.url).toBe('/api/stream')
    FakeEventSource.last.open()
    FakeEventSource.last.message({ kind: 'SNAPSHOT', questions: [] })
    FakeEventSource.last.message('not json') // skipped, not fatal
    FakeEventSource.last.message({ kind: 'HEARTBEAT' })
    expect(messages).toEqual([{ kind: 'SNAPSHOT', questions: [] }, { kind: 'HEARTBEAT' }])
    expect(states).toEqual(['connecting', 'open'])
    expect(stream.state).toBe('open')
  })

  it('listens to a named event when asked, and not to unnamed messages', () => {
    const { messages } = open({ event: 'board' })
    FakeEventSource.last.open()
    FakeEventSource.last.message({ unnamed: true })
    FakeEventSource.last.emit('board', { entries: [{ rank: 1, nickname: 'KutuBuku88', points: 30 }] })
    FakeEventSource.last.emit('other', { ignored: true })
    expect(messages).toEqual([{ entries: [{ rank: 1, nickname: 'KutuBuku88', points: 30 }] }])
  })

  it('reconnects after an error with a growing delay, and starts over once connected', () => {
    const { states } = open()
    FakeEventSource.last.fail()
    expect(FakeEventSource.all[0]!.closed).toBe(true)
    expect(states.at(-1)).toBe('reconnecting')

    vi.advanceTimersByTime(999)
    expect(FakeEventSource.all).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.all).toHaveLength(2) // after 1 s

    FakeEventSource.last.fail()
    vi.advanceTimersByTime(1999)
    expect(FakeEventSource.all).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.all).toHaveLength(3) // after 2 s

    FakeEventSource.last.open()
    expect(states.at(-1)).toBe('open')
    FakeEventSource.last.fail()
    vi.advanceTimersByTime(1000)
    expect(FakeEventSource.all).toHaveLength(4) // back to 1 s after a good connection
  })

  it('caps the delay', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(backoffDelay(100, 500, 10_000)).toBe(10_000)
  })

  it('treats a stream that stays silent past staleAfterMs as broken', () => {
    open({ staleAfterMs: 5000 })
    FakeEventSource.last.open()
    vi.advanceTimersByTime(4000)
    FakeEventSource.last.message({ kind: 'HEARTBEAT' }) // keeps it alive
    vi.advanceTimersByTime(4000)
    expect(FakeEventSource.all).toHaveLength(1)
    vi.advanceTimersByTime(1000)
    expect(FakeEventSource.all[0]!.closed).toBe(true)
    vi.advanceTimersByTime(1000)
    expect(FakeEventSource.all).toHaveLength(2)
  })

  it('reconnectNow skips the wait; close stops for good', () => {
    const { stream, states } = open()
    FakeEventSource.last.fail()
    stream.reconnectNow()
    expect(FakeEventSource.all).toHaveLength(2)
    stream.close()
    expect(FakeEventSource.last.closed).toBe(true)
    expect(states.at(-1)).toBe('closed')
    FakeEventSource.last.fail()
    vi.advanceTimersByTime(60_000)
    stream.reconnectNow()
    expect(FakeEventSource.all).toHaveLength(2)
  })

  it('ignores events of a source it already dropped', () => {
    const { messages } = open()
    const first = FakeEventSource.last
    first.fail()
    first.message({ kind: 'UPSERT' })
    expect(messages).toEqual([])
  })
})
