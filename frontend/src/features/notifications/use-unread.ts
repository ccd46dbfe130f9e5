/**
 * The unread count, shared by the bell and the notifications page: one live stream per tab while someone signed in
 * watches it. The stream sends the count now and after each change on any server instance; a local change (mark
 * read) sets it at once too.
 *
 * A count the stream sent just before a local change can arrive after it (mark all read, then a stale "2"), and it
 * would hold until the stream's next event. So each stream event is shown and then confirmed by asking the server,
 * and an answer is applied only when nothing changed here after it was asked (a generation counter).
 */
import { readonly, ref } from 'vue'
import { createAuthorizedEventSource } from '@/lib/fetch-event-source'
import { openLiveStream, type EventSourceLike, type LiveStream } from '@/lib/sse'
import { UNREAD_STREAM_URL, unreadCount } from './api'

const unread = ref(0)
let stream: LiveStream | null = null
let watchers = 0
/** Bumped by every local change and every question to the server: only the newest answer is applied. */
let generation = 0
let createSource: (url: string) => EventSourceLike = (url) => createAuthorizedEventSource(url)

/** Tests pass a fake event source. */
export function setUnreadEventSource(factory: (url: string) => EventSourceLike): void {
  createSource = factory
}

async function askServer(): Promise<void> {
  const asked = ++generation
  try {
    const count = await unreadCount()
    if (asked === generation && watchers > 0) unread.value = count
  } catch {
    /* the stream sends it again on the next change */
  }
}

function start() {
  stream = openLiveStream<{ unread?: number }>(UNREAD_STREAM_URL, {
    event: 'unread',
    onMessage: (data) => {
      if (typeof data.unread !== 'number') return
      unread.value = data.unread
      void askServer()
    },
    createEventSource: createSource,
  })
}

export function useUnread() {
  return {
    unread: readonly(unread),
    /** Starts watching (the first watcher opens the stream); returns the function that stops. */
    watch(): () => void {
      watchers += 1
      if (watchers === 1) start()
      let stopped = false
      return () => {
        if (stopped) return
        stopped = true
        watchers -= 1
        if (watchers === 0) {
          stream?.close()
          stream = null
          unread.value = 0
        }
      }
    },
    /** A change made here (mark all read): shown at once, before the stream confirms it. */
    set(count: number) {
      generation += 1
      unread.value = Math.max(0, count)
    },
    /**
     * Asks the server after a change made here (mark one read). Never counted down locally: the stream may already
     * have sent the new count, and both would count it.
     */
    refresh(): Promise<void> {
      return askServer()
    },
  }
}
