/**
 * How campaigns meets events and challenges without either importing the other (eslint.config.js): app/ provides
 * campaigns' "draft a post" button to the events and challenges pages, and the events and challenges lists to the
 * post editor. The keys and their types live here, in the shared layer both sides may import.
 */
import { inject, type Component, type InjectionKey } from 'vue'

/** What a post can be drafted from: an event, a challenge's leaderboard or a shared reading review. */
export type DraftSource = 'event' | 'challenge' | 'review'

export interface DraftButtonProps {
  source: DraftSource
  id: number
  /** The accessible name, when the visible text ("Buat draf unggahan") needs the item's title. */
  label?: string
}

/** The "draft a post" button (campaigns' DraftPostButton), provided by app/. */
export const DraftButtonKey: InjectionKey<Component<DraftButtonProps>> = Symbol('draft-button')

/** The draft button app/ provides, or null where the app wires in none (the pages then show no button). */
export function useDraftButton(): Component<DraftButtonProps> | null {
  return inject(DraftButtonKey, null)
}

/** One entry of a picker: the item's id as a string and what the picker shows. */
export interface PostSourceOption {
  value: string
  label: string
}

/** The events and challenges a post may link to or start from; events and challenges answer, app/ wires them in. */
export interface PostSources {
  /** Every event staff manage, to link a post to (staff only: the API answers 403 to others). */
  linkableEvents(): Promise<PostSourceOption[]>
  /** Every challenge, to link a post to. */
  linkableChallenges(): Promise<PostSourceOption[]>
  /** What a new draft can be written from: published events not yet over, published challenges, shared reviews. */
  draftOptions(source: DraftSource, locale: string): Promise<PostSourceOption[]>
}

export const PostSourcesKey: InjectionKey<PostSources> = Symbol('post-sources')

export function usePostSources(): PostSources {
  const sources = inject(PostSourcesKey, null)
  if (!sources) throw new Error('PostSources is not provided: app/wiring.ts provides it to the whole app')
  return sources
}
