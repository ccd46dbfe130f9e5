import { ref, type Ref } from 'vue'
import { describeError, type DisplayableError, type Translate } from './api-client'

/**
 * The data of a page whose query can change while a request is under way (filters, paging, a calendar's month):
 * each `load()` starts a request, and only the latest one's answer or error is kept, so a slow answer to an old
 * query never replaces a newer one. `loading` is true while the latest request runs.
 */
export function useLatestLoad<T>(fetch: () => Promise<T>, t: Translate) {
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
      if (mine === latest) data.value = answer
    } catch (e) {
      if (mine === latest) error.value = describeError(e, t)
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { data, loading, error, load }
}
