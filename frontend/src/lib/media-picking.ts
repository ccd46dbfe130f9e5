/**
 * How the post editor (campaigns) uses the media library (media) without either importing the other
 * (eslint.config.js): app/ provides media's picker component under this key.
 */
import { inject, type Component, type InjectionKey } from 'vue'

/** A file as the picker shows it: what a post's `media` list and the media library both give. */
export interface PickedMedia {
  id?: number
  kind?: 'IMAGE' | 'VIDEO'
  contentType?: string
  fileName?: string
  sizeBytes?: number
  width?: number
  height?: number
  durationMs?: number | null
  publicUrl?: string
}

export interface MediaPickerProps {
  /** The chosen files' ids, in order (v-model). */
  modelValue: number[]
  /** The files already attached (a post's `media`), so they show without a request each. */
  known?: PickedMedia[]
  /** At most this many files. */
  max?: number
  disabled?: boolean
}

/** The media picker (media's MediaPicker), provided by app/. */
export const MediaPickerKey: InjectionKey<Component<MediaPickerProps>> = Symbol('media-picker')

/** The picker app/ provides, or null where the app wires in none (the editor then shows no media section). */
export function useMediaPicker(): Component<MediaPickerProps> | null {
  return inject(MediaPickerKey, null)
}
