import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  configureApiClient,
  describeError,
  fieldName,
  getAsPreloaded,
  unwrap,
  type Translate,
} from '@/lib/api-client'
import { i18n } from '@/app/i18n'

const t: Translate = (key, named) => i18n.global.t(key, named ?? {})

describe('describeError', () => {
  it('turns a validation problem into a message and field errors', () => {
    const error = new ApiError(400, {
      type: 'https://serambi.id/problems/validation',
      title: 'Validation failed',
      status: 400,
      detail: 'The request has 2 invalid fields',
      errors: [
        { field: 'register.request.password', message: 'minimal 10 karakter' },
        { field: 'email', message: 'harus berupa alamat email' },
      ],
    })
    const shown = describeError(error, t)
    expect(shown.status).toBe(400)
    expect(shown.message).toBe('Periksa kembali isian yang ditandai.')
    expect(shown.fieldErrors).toEqual({ password: 'minimal 10 karakter', email: 'harus berupa alamat email' })
    expect(shown.detail).toBeNull()
  })

  it('joins several messages for the same field', () => {
    const error = new ApiError(400, {
      errors: [
        { field: 'password', message: 'terlalu pendek.' },
        { field: 'password', message: 'terlalu umum.' },
      ],
    })
    expect(describeError(error, t).fieldErrors.password).toBe('terlalu pendek. terlalu umum.')
  })

  it('prefers a page-specific message for a status', () => {
    const error = new ApiError(409, { status: 409, title: 'Conflict', detail: 'Email already registered' })
    const shown = describeError(error, t, { 409: 'Email ini sudah terdaftar.' })
    expect(shown.message).toBe('Email ini sudah terdaftar.')
    // The server's English detail does not appear under a translated message.
    expect(shown.detail).toBeNull()
  })

  it('falls back to the server’s detail for a status without a message of its own', () => {
    const shown = describeError(new ApiError(418, { status: 418, title: 'Teapot', detail: 'I am a teapot' }), t)
    expect(shown.message).toBe('Terjadi kesalahan yang tidak terduga. Silakan coba lagi.')
    expect(shown.detail).toBe('I am a teapot')
  })

  it('tells how long to wait after too many attempts (Retry-After)', () => {
    const shown = describeError(new ApiError(429, { status: 429 }, 90), t)
    expect(shown.message).toBe('Terlalu banyak percobaan. Coba lagi dalam 2 menit.')
  })

  it('has a message for forbidden and for server errors, in the current language', async () => {
    expect(describeError(new ApiError(403, null), t).message).toBe('Anda tidak memiliki izin untuk melakukan ini.')
    expect(describeError(new ApiError(599, null), t).message).toBe('Terjadi gangguan di server. Silakan coba lagi nanti.')
  })

  it('explains a network failure', () => {
    const shown = describeError(new TypeError('Failed to fetch'), t)
    expect(shown.status).toBeNull()
    expect(shown.message).toMatch(/Tidak dapat terhubung ke server/)
  })

  it('falls back to a generic message for anything else', () => {
    expect(describeError(new Error('boom'), t).message).toBe('Terjadi kesalahan yang tidak terduga. Silakan coba lagi.')
  })
})

describe('fieldName', () => {
  it('keeps the last segment of a property path', () => {
    expect(fieldName('register.arg0.birthYear')).toBe('birthYear')
    expect(fieldName('email')).toBe('email')
    expect(fieldName('items[2]')).toBe('items')
  })
})

describe('unwrap', () => {
  it('returns the data of a successful response', () => {
    expect(unwrap({ data: { ok: true }, response: new Response(null, { status: 200 }) })).toEqual({ ok: true })
  })

  it('throws an ApiError with the problem and Retry-After', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '30' } })
    try {
      unwrap({ error: { status: 429, title: 'Too Many Requests' }, response })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError)
      const error = e as ApiError
      expect(error.status).toBe(429)
      expect(error.retryAfterSeconds).toBe(30)
      expect(error.problem?.title).toBe('Too Many Requests')
    }
  })
})

describe('getAsPreloaded', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    configureApiClient({ getToken: () => null })
  })

  it('asks as the browser preloads (a bare same-origin fetch), so the page preloaded copy is the one used', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response('{"id":7,"title":"Bedah buku"}', { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    expect(await getAsPreloaded<{ id: number }>('/api/events/7')).toEqual({ id: 7, title: 'Bedah buku' })
    // No init at all: any header of the client's own (Accept-Language, Authorization) would miss the preload.
    expect(fetchMock).toHaveBeenCalledWith('/api/events/7')
  })

  it('turns an error into an ApiError with its problem', async () => {
    const problem = { status: 404, title: 'Not found', type: 'https://serambi.id/problems/not-found' }
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(problem), { status: 404 })))
    await expect(getAsPreloaded('/api/events/999')).rejects.toMatchObject({ status: 404, problem })
  })

  it('leaves a signed-in caller to the client (null), whose requests carry the token', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    configureApiClient({ getToken: () => 'tok-1' })
    expect(await getAsPreloaded('/api/events/7')).toBeNull()
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
