import { reactive } from 'vue'
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { DEFAULT_TIME_ZONE, setLibraryTimeZone } from '@/lib/format'

type Library = components['schemas']['Library']

/** The library this Serambi belongs to (GET /api/library): its name, time zone and default language. */
const library = reactive({
  name: '' as string,
  timeZone: DEFAULT_TIME_ZONE as string,
  defaultLanguage: null as string | null,
  loaded: false,
})

let pending: Promise<void> | null = null

export function loadLibrary(): Promise<void> {
  pending ??= api
    .GET('/api/library')
    .then((result) => {
      const info: Library = unwrap(result)
      library.name = info.name ?? ''
      if (info.timeZone) {
        setLibraryTimeZone(info.timeZone)
        library.timeZone = info.timeZone
      }
      library.defaultLanguage = info.defaultLanguage ?? null
      library.loaded = true
    })
    .catch(() => {
      // Not fatal: the app keeps the defaults (WITA) and tries again on the next call.
      pending = null
    })
  return pending
}

export function useLibrary() {
  return library
}
