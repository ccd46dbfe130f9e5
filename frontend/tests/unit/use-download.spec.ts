import { afterEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { useDownload } from '@/lib/download'
import type { DisplayableError } from '@/lib/api-client'

const t = (key: string) => key
const messages = { downloading: 'Mengunduh…', downloaded: 'Selesai diunduh.' }

describe('useDownload', () => {
  afterEach(() => vi.restoreAllMocks())

  it('saves the file under its name and announces the start and the end', async () => {
    const created = vi.fn(() => 'blob:csv')
    vi.stubGlobal('URL', { ...URL, createObjectURL: created, revokeObjectURL: vi.fn() })
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    const announcement = ref('')
    const error = ref<DisplayableError | null>(null)
    const { downloading, download } = useDownload(t, announcement, error)
    const running = download(() => Promise.resolve(new Blob(['a,b\n'])), 'hasil.csv', messages)
    expect(downloading.value).toBe(true)
    expect(announcement.value).toBe('Mengunduh…')
    await running
    expect(clicked).toEqual(['hasil.csv'])
    expect(announcement.value).toBe('Selesai diunduh.')
    expect(downloading.value).toBe(false)
    expect(error.value).toBeNull()
    vi.unstubAllGlobals()
  })

  it('shows a failure as a problem, clears the announcement, and ignores a second click while one runs', async () => {
    const announcement = ref('')
    const error = ref<DisplayableError | null>(null)
    const { downloading, download } = useDownload(t, announcement, error)
    let fail!: (e: unknown) => void
    const fetch = vi.fn(() => new Promise<Blob>((_, reject) => (fail = reject)))
    const first = download(fetch, 'x.csv', messages)
    await download(fetch, 'x.csv', messages)
    expect(fetch).toHaveBeenCalledTimes(1)
    fail(new Error('network down'))
    await first
    expect(error.value).not.toBeNull()
    expect(announcement.value).toBe('')
    expect(downloading.value).toBe(false)
  })
})
