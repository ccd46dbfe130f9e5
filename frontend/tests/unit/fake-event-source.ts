import type { EventSourceLike } from '@/lib/sse'

/** An EventSource the test drives: open(), message(data), fail(). Every instance is kept in `all`. */
export class FakeEventSource implements EventSourceLike {
  static all: FakeEventSource[] = []
  static reset() {
    FakeEventSource.all = []
  }
  static get last(): FakeEventSource {
    return FakeEventSource.all[FakeEventSource.all.length - 1]!
  }

  onopen: EventSourceLike['onopen'] = null
  onmessage: EventSourceLike['onmessage'] = null
  onerror: EventSourceLike['onerror'] = null
  closed = false
  readonly listeners = new Map<string, ((ev: MessageEvent) => void)[]>()

  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
  }

  open() {
    this.onopen?.call(this, new Event('open'))
  }
  message(data: unknown) {
    this.onmessage?.call(this, new MessageEvent('message', { data: typeof data === 'string' ? data : JSON.stringify(data) }))
  }
  addEventListener(type: string, listener: (ev: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  /** A named event, as `event: <type>` in the stream. */
  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) })
    for (const listener of this.listeners.get(type) ?? []) listener(event)
  }
  fail() {
    this.onerror?.call(this, new Event('error'))
  }
  close() {
    this.closed = true
  }
}
