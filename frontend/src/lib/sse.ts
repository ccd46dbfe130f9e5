/**
 * Server-Sent Events with reconnection. The browser's EventSource retries some failures by itself but gives up
 * for good on others (an HTTP error, a proxy that closes the stream), so this wrapper closes it on any error and
 * opens a new one after a growing delay (1 s, 2 s, 4 s … up to 30 s, with a little jitter). A stream that stays
 * silent longer than `staleAfterMs` (the server sends heartbeats) is treated as broken too.
 */

export type LiveStreamState = 'connecting' | 'open' | 'reconnecting' | 'closed'

/** The part of EventSource the wrapper uses, so tests can pass a fake. */
export interface EventSourceLike {
  onopen: ((this: EventSourceLike, ev: Event) => unknown) | null
  onmessage: ((this: EventSourceLike, ev: MessageEvent) => unknown) | null
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void
  close(): void
}

export interface LiveStreamOptions<T> {
  /** Called with each message's data, parsed by `parse` (JSON by default). */
  onMessage: (data: T) => void
  /** A named event to listen to (e.g. 'board'); without it, unnamed messages. */
  event?: string
  onStateChange?: (state: LiveStreamState) => void
  parse?: (raw: string) => T
  /** First reconnect delay; doubles per failed attempt. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** Up to this fraction of the delay is added at random, so many clients do not reconnect at once. */
  jitter?: number
  /** Reconnect when nothing (not even a heartbeat) arrived for this long; 0 turns it off. */
  staleAfterMs?: number
  createEventSource?: (url: string) => EventSourceLike
}

export interface LiveStream {
  readonly state: LiveStreamState
  /** Reconnects now instead of waiting out the delay (e.g. when the browser comes back online). */
  reconnectNow(): void
  close(): void
}

/** The delay before reconnect attempt `attempt` (0-based), without jitter. */
export function backoffDelay(attempt: number, initialDelayMs = 1000, maxDelayMs = 30_000): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempt, 30))
}

export function openLiveStream<T = unknown>(url: string, options: LiveStreamOptions<T>): LiveStream {
  const {
    onMessage,
    event: eventName,
    onStateChange,
    parse = (raw: string) => JSON.parse(raw) as T,
    initialDelayMs = 1000,
    maxDelayMs = 30_000,
    jitter = 0.2,
    staleAfterMs = 60_000,
    createEventSource = (u: string) => new EventSource(u) as unknown as EventSourceLike,
  } = options

  let source: EventSourceLike | null = null
  let state: LiveStreamState = 'connecting'
  let attempt = 0
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let staleTimer: ReturnType<typeof setTimeout> | null = null

  function setState(next: LiveStreamState) {
    if (state === next) return
    state = next
    onStateChange?.(next)
  }

  function clearTimers() {
    if (retryTimer !== null) clearTimeout(retryTimer)
    if (staleTimer !== null) clearTimeout(staleTimer)
    retryTimer = null
    staleTimer = null
  }

  function dropSource() {
    if (!source) return
    source.onopen = null
    source.onmessage = null
    source.onerror = null
    source.close()
    source = null
  }

  function watchStaleness() {
    if (!staleAfterMs) return
    if (staleTimer !== null) clearTimeout(staleTimer)
    staleTimer = setTimeout(() => scheduleReconnect(), staleAfterMs)
  }

  function connect() {
    if (state === 'closed') return
    clearTimers()
    dropSource()
    const es = createEventSource(url)
    source = es
    es.onopen = () => {
      attempt = 0
      setState('open')
      watchStaleness()
    }
    const receive = (event: MessageEvent) => {
      if (source !== es) return // a message of a stream already dropped
      watchStaleness()
      let data: T
      try {
        data = parse(String(event.data))
      } catch {
        return // a malformed message is skipped, not fatal
      }
      onMessage(data)
    }
    if (eventName) es.addEventListener(eventName, receive)
    else es.onmessage = receive
    es.onerror = () => scheduleReconnect()
    watchStaleness()
  }

  function scheduleReconnect() {
    if (state === 'closed') return
    clearTimers()
    dropSource()
    setState('reconnecting')
    const base = backoffDelay(attempt, initialDelayMs, maxDelayMs)
    attempt += 1
    retryTimer = setTimeout(connect, base + Math.random() * jitter * base)
  }

  onStateChange?.(state)
  connect()

  return {
    get state() {
      return state
    },
    reconnectNow() {
      if (state === 'closed') return
      connect()
    },
    close() {
      clearTimers()
      dropSource()
      setState('closed')
    },
  }
}
