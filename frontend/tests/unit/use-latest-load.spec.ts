import { describe, expect, it } from 'vitest'
import { useLatestLoad } from '@/lib/use-latest-load'

const t = (key: string) => key

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useLatestLoad', () => {
  it('keeps the answer of the latest request when an older one answers last', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    let call = 0
    const { data, loading, load } = useLatestLoad(() => answers[call++]!.promise, t)
    const first = load()
    const second = load()
    expect(loading.value).toBe(true)
    answers[1]!.resolve('new')
    await second
    expect(data.value).toBe('new')
    expect(loading.value).toBe(false)
    answers[0]!.resolve('old')
    await first
    expect(data.value).toBe('new')
    expect(loading.value).toBe(false)
  })

  it('ignores the failure of an older request, and clears the error on the next load', async () => {
    const answers = [deferred<string>(), deferred<string>(), deferred<string>()]
    let call = 0
    const { data, error, load } = useLatestLoad(() => answers[call++]!.promise, t)
    const first = load()
    const second = load()
    answers[0]!.reject(new Error('network down'))
    await first
    expect(error.value).toBeNull()
    answers[1]!.reject(new Error('network down'))
    await second
    expect(error.value).not.toBeNull()
    expect(data.value).toBeNull()
    const third = load()
    expect(error.value).toBeNull()
    answers[2]!.resolve('back')
    await third
    expect(data.value).toBe('back')
  })
})
