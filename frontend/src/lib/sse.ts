/**
 * A Server-Sent Events subscription that survives a flaky phone connection: on an error it closes the
 * EventSource (so the browser's own fixed-interval retry does not pile up) and opens a new one after a delay that
 * doubles each time (1 s, 2 s, 4 s … up to 30 s). A successful open resets the delay.
 */

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed'

/** The parts of EventSource we use, so tests can pass a fake. */
export interface EventSourceLike {
  onopen: ((this: EventSourceLike, ev: Event) => unknown) | null
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null
  addEventListener(type: string, listener: (event: MessageEvent) => void): void
  close(): void
}
export type EventSourceFactory = (url: string) => EventSourceLike

export interface StreamOptions<T> {
  /** The event name to listen to (e.g. 'board'). */
  event: string
  /** Called with the parsed JSON data of each event. */
  onData: (data: T) => void
  /** Called whenever the connection state changes. */
  onState?: (state: StreamState) => void
  /** First retry delay in ms (default 1000). */
  initialDelayMs?: number
  /** Longest retry delay in ms (default 30000). */
  maxDelayMs?: number
  /** For tests: how to open a connection. */
  open?: EventSourceFactory
  /** For tests: timers. */
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export interface Stream {
  close(): void
  readonly state: StreamState
}

/** The delay before retry number `attempt` (0-based): initial · 2^attempt, at most max. */
export function backoffDelay(attempt: number, initialMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt))
}

const browserEventSource: EventSourceFactory = (url) => new EventSource(url) as unknown as EventSourceLike

export function openEventStream<T>(url: string, options: StreamOptions<T>): Stream {
  const open = options.open ?? browserEventSource
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  const initial = options.initialDelayMs ?? 1000
  const max = options.maxDelayMs ?? 30_000

  let source: EventSourceLike | null = null
  let timer: unknown = null
  let attempt = 0
  let state: StreamState = 'connecting'
  let stopped = false

  function setState(next: StreamState) {
    if (state === next) return
    state = next
    options.onState?.(next)
  }

  function connect() {
    timer = null
    if (stopped) return
    const current = open(url)
    source = current
    current.onopen = () => {
      if (source !== current) return
      attempt = 0
      setState('open')
    }
    current.onerror = () => {
      if (source !== current || stopped) return
      current.close()
      source = null
      setState('reconnecting')
      timer = setTimer(connect, backoffDelay(attempt++, initial, max))
    }
    current.addEventListener(options.event, (event: MessageEvent) => {
      if (source !== current) return
      // Data arriving proves the connection works, even where onopen is not fired.
      attempt = 0
      setState('open')
      let data: T
      try {
        data = JSON.parse(String(event.data)) as T
      } catch {
        return
      }
      options.onData(data)
    })
  }

  options.onState?.('connecting')
  connect()

  return {
    close() {
      stopped = true
      if (timer !== null) clearTimer(timer)
      timer = null
      source?.close()
      source = null
      setState('closed')
    },
    get state() {
      return state
    },
  }
}
