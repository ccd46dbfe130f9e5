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

  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
  }

  open() {
    this.onopen?.call(this, new Event('open'))
  }
  message(data: unknown) {
    this.onmessage?.call(this, new MessageEvent('message', { data: typeof data === 'string' ? data : JSON.stringify(data) }))
  }
  fail() {
    this.onerror?.call(this, new Event('error'))
  }
  close() {
    this.closed = true
  }
}
