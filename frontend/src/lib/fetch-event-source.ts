/**
 * An EventSource that sends the API client's headers (the bearer token), for streams that need a login: the browser's
 * EventSource cannot send an Authorization header, and a token in the URL would end up in logs. It reads the
 * text/event-stream body with fetch() and hands events to the same handlers as EventSource, so `openLiveStream`
 * (lib/sse.ts) reconnects it with back-off. A 401 ends the session as the API client does.
 */
import { authHeaders, reportUnauthorized } from './api-client'
import type { EventSourceLike } from './sse'

export function createAuthorizedEventSource(url: string, fetchImpl: typeof fetch = fetch): EventSourceLike {
  const controller = new AbortController()
  const listeners = new Map<string, ((ev: MessageEvent) => void)[]>()
  let closed = false

  const source: EventSourceLike = {
    onopen: null,
    onmessage: null,
    onerror: null,
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener])
    },
    close() {
      closed = true
      controller.abort()
    },
  }

  function dispatch(name: string, data: string) {
    const event = new MessageEvent(name, { data })
    if (name === 'message') source.onmessage?.call(source, event)
    for (const listener of listeners.get(name) ?? []) listener(event)
  }

  function fail() {
    if (!closed) source.onerror?.call(source, new Event('error'))
  }

  async function run() {
    const headers = authHeaders()
    const sentToken = 'Authorization' in headers
    const response = await fetchImpl(url, {
      headers: { ...headers, Accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
    })
    if (response.status === 401 && sentToken) reportUnauthorized()
    if (!response.ok || !response.body) {
      fail()
      return
    }
    source.onopen?.call(source, new Event('open'))
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    let name = 'message'
    let data: string[] = []
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value
      let newline = buffer.search(/\r\n|\r|\n/)
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1))
        if (line === '') {
          if (data.length > 0) dispatch(name, data.join('\n'))
          name = 'message'
          data = []
        } else if (line.startsWith(':')) {
          // A comment (heartbeat): proves the stream is alive.
          source.onopen?.call(source, new Event('open'))
        } else {
          const colon = line.indexOf(':')
          const field = colon < 0 ? line : line.slice(0, colon)
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
          if (field === 'event') name = value
          else if (field === 'data') data.push(value)
        }
        newline = buffer.search(/\r\n|\r|\n/)
      }
    }
    fail() // the server ended the stream: reconnect
  }

  run().catch(() => fail())
  return source
}
