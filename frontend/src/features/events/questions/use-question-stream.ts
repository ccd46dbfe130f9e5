import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { openLiveStream, type LiveStream, type LiveStreamState } from '@/lib/sse'
import { questionStreamUrl, type QuestionUpdate } from './api'

/**
 * The live Q&A stream of one event while the component lives: opened when the id is known, reopened when it
 * changes, reconnected at once when the browser comes back online, closed on unmount.
 */
export function useQuestionStream(eventId: Ref<number | null>, onUpdate: (update: QuestionUpdate) => void) {
  const state = ref<LiveStreamState>('connecting')
  let stream: LiveStream | null = null

  function close() {
    stream?.close()
    stream = null
  }

  function open(id: number) {
    close()
    stream = openLiveStream<QuestionUpdate>(questionStreamUrl(id), {
      onMessage: onUpdate,
      onStateChange: (s) => (state.value = s),
    })
  }

  const online = () => stream?.reconnectNow()
  if (typeof window !== 'undefined') window.addEventListener('online', online)

  watch(
    eventId,
    (id) => {
      if (id !== null && Number.isInteger(id)) open(id)
      else close()
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    if (typeof window !== 'undefined') window.removeEventListener('online', online)
    close()
  })

  return { state }
}
