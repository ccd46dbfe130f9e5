/**
 * What the home page (home) shows from other features without importing them (eslint.config.js): app/ provides
 * the events' "next events" section under this key.
 */
import { inject, type Component, type InjectionKey } from 'vue'

/** The next events, as cards linking to each event (events' UpcomingEvents), provided by app/. */
export const UpcomingEventsKey: InjectionKey<Component> = Symbol('UpcomingEvents')

export function useUpcomingEvents(): Component | null {
  return inject(UpcomingEventsKey, null)
}
