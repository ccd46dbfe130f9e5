/**
 * Issue 22: how campaigns' partners and funnel meet events, challenges and surveys without importing them
 * (eslint.config.js). app/ gives the partner page the lists a tracked link may point to, and gives the staff event
 * pages campaigns' funnel panel. The keys and their types live here, in the shared layer both sides may import.
 */
import { inject, type Component, type InjectionKey } from 'vue'
import type { PostSourceOption } from './post-drafting'

/** The kinds of target whose items are chosen from a list (a link to the home page needs none). */
export type ListedTargetKind = 'EVENT' | 'CHALLENGE' | 'SURVEY'

/** What a new link may point to: published events not yet over, published challenges, published surveys. */
export interface LinkTargets {
  options(kind: ListedTargetKind, locale: string): Promise<PostSourceOption[]>
}

export const LinkTargetsKey: InjectionKey<LinkTargets> = Symbol('link-targets')

export function useLinkTargets(): LinkTargets {
  const targets = inject(LinkTargetsKey, null)
  if (!targets) throw new Error('LinkTargets is not provided: app/wiring.ts provides it to the whole app')
  return targets
}

/** The funnel of one event (campaigns' FunnelPanel), provided by app/ to the staff event pages. */
export interface EventFunnelProps {
  eventId: number
}

export const EventFunnelKey: InjectionKey<Component<EventFunnelProps>> = Symbol('event-funnel')

/** The funnel panel app/ provides, or null where the app wires in none (the page then shows no funnel). */
export function useEventFunnel(): Component<EventFunnelProps> | null {
  return inject(EventFunnelKey, null)
}
