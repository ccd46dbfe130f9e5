import { ApiError, authHeaders, reportUnauthorized, type Problem } from '@/lib/api-client'

/**
 * POSTs one file as the multipart form field "file" with XMLHttpRequest, whose upload events report progress, which
 * fetch() cannot. Resolves with the JSON answer; rejects with an ApiError (its problem and Retry-After) or, when the
 * server cannot be reached or the upload is cancelled, a TypeError, as fetch() would.
 */
export function uploadWithProgress<T>(
  url: string,
  file: Blob,
  fileName: string,
  onProgress: (loaded: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
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
        resolve(body as T)
        return
      }
      if (xhr.status === 401 && headers.Authorization) reportUnauthorized()
      const retry = Number(xhr.getResponseHeader('Retry-After'))
      const problem = body && typeof body === 'object' ? (body as Problem) : null
      reject(new ApiError(xhr.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null))
    })
    xhr.addEventListener('error', () => reject(new TypeError('The server could not be reached')))
    xhr.addEventListener('abort', () => reject(new TypeError('The upload was cancelled')))
    const form = new FormData()
    form.append('file', file, fileName)
    xhr.send(form)
  })
}
