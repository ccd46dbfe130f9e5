/** The media library: images and short videos staff upload and attach to posts. */
import type { components } from '@/api/schema'
import { api, ApiError, authHeaders, reportUnauthorized, unwrap, type Problem } from '@/lib/api-client'

export type MediaFile = components['schemas']['MediaFile']
export type MediaPage = components['schemas']['MediaPage']
export type MediaKind = components['schemas']['MediaKind']

export async function listMedia(query: { page: number; size: number; kind?: MediaKind }): Promise<MediaPage> {
  return unwrap(await api.GET('/api/media', { params: { query } }))
}

export async function getMedia(id: number): Promise<MediaFile> {
  return unwrap(await api.GET('/api/media/{id}', { params: { path: { id } } }))
}

export async function deleteMedia(id: number): Promise<void> {
  unwrap(await api.DELETE('/api/media/{id}', { params: { path: { id } } }))
}

/**
 * Uploads one file (form field "file") with XMLHttpRequest, whose upload events report progress, which fetch()
 * cannot. Rejects with an ApiError (415 not an image or video, 422 corrupt, 413 too large) or a TypeError when the
 * server cannot be reached.
 */
export function uploadMedia(file: File, onProgress: (loaded: number, total: number) => void): Promise<MediaFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/media')
    const headers = authHeaders()
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total)
    })
    xhr.addEventListener('load', () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as MediaFile)
        return
      }
      if (xhr.status === 401 && headers.Authorization) reportUnauthorized()
      const problem = body && typeof body === 'object' ? (body as Problem) : null
      reject(new ApiError(xhr.status, problem))
    })
    xhr.addEventListener('error', () => reject(new TypeError('The server could not be reached')))
    xhr.addEventListener('abort', () => reject(new TypeError('The upload was cancelled')))
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
}
