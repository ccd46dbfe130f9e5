import { ref, type Ref } from 'vue'
import { describeError, type DisplayableError, type Translate } from './api-client'

export interface LatestLoadOptions<T> {
  /** A page's own message per status (e.g. 404: "no such event"), read when a request fails. */
  messages?: () => Partial<Record<number, string>>
  /** Runs with the latest answer once it is kept, before `loading` turns false (fill a form, set the title). */
  onLoaded?: (answer: T) => void
}

/**
 * The data of a page, loaded with the one recipe every page uses: `loading` while the request runs, the problem in
 * `error` (shown with LoadFailed, whose retry calls `load` again), the answer in `data`. The query can change while a
 * request is under way (filters, paging, a calendar's month, the id in the address): each `load()` starts a request,
 * and only the latest one's answer or error is kept, so a slow answer to an old query never replaces a newer one.
 */
export function useLatestLoad<T>(fetch: () => Promise<T>, t: Translate, options: LatestLoadOptions<T> = {}) {
  const data = ref<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const error = ref<DisplayableError | null>(null)
  let latest = 0

  async function load(): Promise<void> {
    const mine = ++latest
    loading.value = true
    error.value = null
    try {
      const answer = await fetch()
      if (mine !== latest) return
      data.value = answer
      options.onLoaded?.(answer)
    } catch (e) {
      if (mine === latest) error.value = describeError(e, t, options.messages?.())
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { data, loading, error, load }
}
