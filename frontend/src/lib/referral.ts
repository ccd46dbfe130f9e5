/**
 * Issue 22: the reference a tracked link carries. `/l/{code}` redirects to `/acara/{id}?ref={code}` or
 * `/tantangan/{id}?ref={code}`; the router keeps a well-formed code in sessionStorage for that event or challenge
 * (app/router.ts) and takes it out of the address, so that the address a patron shares or bookmarks carries nobody's
 * link. The registration form and the challenge's join form send it as `ref` (the challenge may need signing in
 * first: the code waits in this tab meanwhile). Nothing else about the visit is kept.
 */

/** The format of a link's code (the backend's LinkCodes.FORMAT): 10 characters without 0/o, 1/l/i. */
export const REF_FORMAT = /^[2-9a-hjkmnp-z]{10}$/

/** What a link's code can be kept for. */
export type RefTarget = 'event' | 'challenge'

const key = (target: RefTarget, id: number) => `serambi.ref.${target}.${id}`

export function isRefCode(value: unknown): value is string {
  return typeof value === 'string' && REF_FORMAT.test(value)
}

/** Keeps a well-formed code for the event or challenge (the newest link wins); returns whether it was kept. */
export function rememberRef(target: RefTarget, id: number, code: unknown): boolean {
  if (!isRefCode(code) || !Number.isInteger(id) || id <= 0) return false
  try {
    sessionStorage.setItem(key(target, id), code)
    return true
  } catch {
    return false // storage unavailable (private mode, full): the visit simply goes unattributed
  }
}

/** The code kept for the event or challenge in this tab, if any. */
export function storedRef(target: RefTarget, id: number | undefined | null): string | null {
  if (id == null) return null
  try {
    const value = sessionStorage.getItem(key(target, id))
    return isRefCode(value) ? value : null
  } catch {
    return null
  }
}

/** The route names whose `?ref=` is captured, and what it is kept for. */
const CAPTURED: Record<string, RefTarget> = { event: 'event', challenge: 'challenge' }

interface RefLocation<Q> {
  name?: string | symbol | null | undefined
  path: string
  params: Record<string, unknown>
  query: Q
  hash: string
}

/**
 * For a navigation to an event or a challenge with `?ref=`: keeps the code (when well-formed) and returns the same
 * location without it, replacing the address. Null when there is nothing to take out.
 */
export function captureRef<Q extends Record<string, unknown>>(
  to: RefLocation<Q>,
): { path: string; query: Q; hash: string; replace: true } | null {
  const target = typeof to.name === 'string' ? CAPTURED[to.name] : undefined
  if (!target || !('ref' in to.query)) return null
  const raw = to.query.ref
  rememberRef(target, Number(to.params.id), Array.isArray(raw) ? raw[0] : raw)
  const query = Object.fromEntries(Object.entries(to.query).filter(([name]) => name !== 'ref')) as Q
  return { path: to.path, query, hash: to.hash, replace: true }
}
