import { describe, expect, it } from 'vitest'
import { backoffDelay, openEventStream, type EventSourceLike, type StreamState } from '@/lib/sse'

/** A stand-in for EventSource that the test drives by hand. */
class FakeEventSource implements EventSourceLike {
  onopen: EventSourceLike['onopen'] = null
  onerror: EventSourceLike['onerror'] = null
  closed = false
  listeners = new Map<string, ((e: MessageEvent) => void)[]>()
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close() {
    this.closed = true
  }
  open() {
    this.onopen?.call(this, new Event('open'))
  }
  fail() {
    this.onerror?.call(this, new Event('error'))
  }
  emit(type: string, data: string) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }))
  }
}

function harness() {
  const sources: FakeEventSource[] = []
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = []
  const states: StreamState[] = []
  const data: unknown[] = []
  const stream = openEventStream<{ n: number }>('/api/x/stream', {
    event: 'board',
    onData: (d) => data.push(d),
    onState: (s) => states.push(s),
    open: (url) => {
      const s = new FakeEventSource(url)
      sources.push(s)
      return s
    },
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cleared: false }
      timers.push(timer)
      return timer
    },
    clearTimer: (h) => ((h as { cleared: boolean }).cleared = true),
  })
  const fire = () => {
    const timer = timers.find((x) => !x.cleared && !(x as { fired?: boolean }).fired)!
    ;(timer as { fired?: boolean }).fired = true
    timer.fn()
  }
  return { sources, timers, states, data, stream, fire }
}

describe('backoffDelay', () => {
  it('doubles from the first delay up to the longest', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(backoffDelay(2, 500, 1500)).toBe(1500)
  })
})

describe('openEventStream', () => {
  it('passes on the parsed data of the named events only, and ignores broken JSON', () => {
    const h = harness()
    h.sources[0]!.open()
    h.sources[0]!.emit('board', '{"n":1}')
    h.sources[0]!.emit('message', '{"n":2}')
    h.sources[0]!.emit('board', 'not json')
    expect(h.data).toEqual([{ n: 1 }])
    expect(h.states).toEqual(['connecting', 'open'])
  })

  it('reconnects after an error with a growing delay, and starts over once connected', () => {
    const h = harness()
    h.sources[0]!.fail()
    expect(h.sources[0]!.closed).toBe(true)
    expect(h.states.at(-1)).toBe('reconnecting')
    expect(h.timers.map((t) => t.ms)).toEqual([1000])

    h.fire()
    expect(h.sources).toHaveLength(2)
    h.sources[1]!.fail()
    h.fire()
    h.sources[2]!.fail()
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000, 4000])

    h.fire()
    h.sources[3]!.open()
    expect(h.states.at(-1)).toBe('open')
    h.sources[3]!.fail()
    expect(h.timers.at(-1)!.ms).toBe(1000)
  })

  it('ignores events from a connection it already dropped', () => {
    const h = harness()
    const first = h.sources[0]!
    first.fail()
    first.emit('board', '{"n":9}')
    expect(h.data).toEqual([])
  })

  it('stops for good on close: no pending retry, no new connection', () => {
    const h = harness()
    h.sources[0]!.fail()
    h.stream.close()
    expect(h.timers[0]!.cleared).toBe(true)
    expect(h.stream.state).toBe('closed')
    h.timers[0]!.fn()
    expect(h.sources).toHaveLength(1)
  })
})
