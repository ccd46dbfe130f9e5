/** The media library: images and short videos staff upload and attach to posts. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { uploadWithProgress } from '@/lib/upload-with-progress'

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
 * Uploads one file (form field "file") with its progress. Rejects with an ApiError (415 not an image or video, 422
 * corrupt, 413 too large) or a TypeError when the server cannot be reached.
 */
export function uploadMedia(file: File, onProgress: (loaded: number, total: number) => void): Promise<MediaFile> {
  return uploadWithProgress<MediaFile>('/api/media', file, file.name, onProgress)
}
