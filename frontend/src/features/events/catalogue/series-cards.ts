/** The catalogue's cards, with a series folded into one card that says how many sessions are still ahead. */
import { ref, watch, type Ref } from 'vue'
import * as seriesApi from '../series/api'
import type { EventSummary } from './api'
import { foldSeries, type CatalogueEntry } from './model'

/** Sessions still ahead (not ended, not cancelled) in a series' public sessions. */
export function upcomingSessions(series: seriesApi.SeriesSessions, now = Date.now()): number {
  return series.sessions.filter((s) => s.status === 'PUBLISHED' && (!s.endsAt || Date.parse(s.endsAt) > now)).length
}

/**
 * The cards for a list of events: one per one-off event and one per series (its next session), with the series'
 * number of sessions ahead read from its public sessions (one request per series shown; the page's own count until
 * it arrives, or if it fails).
 */
export function useSeriesCards(events: Ref<readonly EventSummary[]>) {
  const cards = ref<CatalogueEntry<EventSummary>[]>([])
  const known = new Map<number, number>()
  watch(
    events,
    async (list) => {
      const folded = foldSeries(list)
      cards.value = folded.map((c) => ({ ...c, sessions: known.get(c.event.seriesId ?? -1) ?? c.sessions }))
      const missing = folded.map((c) => c.event.seriesId).filter((id): id is number => id != null && !known.has(id))
      for (const id of missing) {
        try {
          known.set(id, upcomingSessions(await seriesApi.getSeriesSessions(id)))
        } catch {
          // keep the count of the sessions on this page
        }
      }
      if (missing.length && events.value === list) {
        cards.value = folded.map((c) => ({ ...c, sessions: Math.max(1, known.get(c.event.seriesId ?? -1) ?? c.sessions) }))
      }
    },
    { immediate: true },
  )
  return cards
}
