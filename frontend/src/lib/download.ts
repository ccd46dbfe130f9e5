import { ref, type Ref } from 'vue'
import { describeError, type DisplayableError, type Translate } from './api-client'

/** Saves a file the SPA fetched itself (with the bearer token), as a download under the given name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * A file download behind a button: one at a time, announced to screen readers while it runs and when it is done,
 * and a failure shown as a problem in `error`.
 */
export function useDownload(t: Translate, announcement: Ref<string>, error: Ref<DisplayableError | null>) {
  const downloading = ref(false)

  async function download(
    fetch: () => Promise<Blob>,
    fileName: string,
    messages: { downloading: string; downloaded: string },
  ): Promise<void> {
    if (downloading.value) return
    downloading.value = true
    error.value = null
    announcement.value = messages.downloading
    try {
      saveBlob(await fetch(), fileName)
      announcement.value = messages.downloaded
    } catch (e) {
      announcement.value = ''
      error.value = describeError(e, t)
    } finally {
      downloading.value = false
    }
  }

  return { downloading, download }
}
