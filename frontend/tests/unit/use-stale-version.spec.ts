import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { ApiError } from '@/lib/api-client'
import { useStaleVersion } from '@/lib/use-stale-version'

const t = (key: string) => key

interface Thing {
  id: number
  version: number
  title: string
}

const staleVersion = () =>
  new ApiError(412, { type: 'https://serambi.id/problems/stale-version', title: 'Stale version', status: 412 })

function setup() {
  const current = ref<Thing | null>({ id: 1, version: 1, title: 'Mine' })
  const server = { id: 1, version: 2, title: 'Theirs' }
  const announcement = ref('')
  const errors = { clear: vi.fn(), fail: vi.fn() }
  const reload = vi.fn(async () => {
    current.value = { ...server }
  })
  const latest = vi.fn(async () => ({ ...server }))
  /** The server's rule: a save with an older version than its own is refused with 412 stale-version. */
  const write = vi.fn(async () => {
    if (current.value!.version !== server.version) throw staleVersion()
    server.version += 1
    current.value = { ...server }
  })
  const version = useStaleVersion({ current, latest, reload, errors, announcement, t })
  return { current, server, announcement, errors, reload, latest, write, version }
}

describe('useStaleVersion', () => {
  it('shows a 409 stale-version as a choice, then keeps mine: the next save goes over the newer version', async () => {
    const { current, announcement, errors, write, version } = setup()

    await version.save(write)
    expect(version.stale.value).toBe(true)
    expect(version.saving.value).toBe(false)
    expect(errors.clear).toHaveBeenCalled()
    expect(errors.fail).not.toHaveBeenCalled()

    await version.keepMine()
    expect(version.stale.value).toBe(false)
    expect(current.value?.version).toBe(2)
    expect(announcement.value).toBe('common.stale.keptMine')

    await version.save(write)
    expect(version.stale.value).toBe(false)
    expect(current.value?.version).toBe(3)
    expect(write).toHaveBeenCalledTimes(2)
  })

  it('shows a 409 stale-version as a choice, then reloads theirs', async () => {
    const { current, reload, write, version } = setup()

    await version.save(write)
    expect(version.stale.value).toBe(true)

    await version.reloadTheirs()
    expect(version.stale.value).toBe(false)
    expect(reload).toHaveBeenCalledOnce()
    expect(current.value).toEqual({ id: 1, version: 2, title: 'Theirs' })
  })

  it('gives any other error to the form, with the page own messages, and runs one save at a time', async () => {
    const { errors, version } = setup()
    const conflict = new ApiError(409, { type: 'https://serambi.id/problems/event-full', status: 409 })
    let finish!: () => void
    const slow = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))

    const first = version.save(slow)
    await version.save(slow)
    expect(slow).toHaveBeenCalledOnce()
    finish()
    await first

    await version.save(
      async () => {
        throw conflict
      },
      () => ({ 409: 'Penuh.' }),
    )
    expect(version.stale.value).toBe(false)
    expect(errors.fail).toHaveBeenCalledWith(conflict, { 409: 'Penuh.' })
  })

  it('reports a failed keep-mine in the form and stays stale', async () => {
    const { errors, latest, write, version } = setup()
    await version.save(write)
    const down = new TypeError('Failed to fetch')
    latest.mockRejectedValueOnce(down)

    await version.keepMine()
    expect(version.stale.value).toBe(true)
    expect(errors.fail).toHaveBeenCalledWith(down)
  })
})
