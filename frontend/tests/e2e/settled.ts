import { expect, type Page, type Request } from '@playwright/test'

const waiters = new WeakMap<Page, () => Promise<void>>()

/**
 * Tracks the page's requests; the returned function waits until they have settled for 500 ms. Live streams are left
 * out: the staff header's notification badge keeps /api/me/notifications/stream open (read with fetch(), because it
 * needs the bearer token), so Playwright's 'networkidle' would never come.
 */
export function trackRequests(page: Page): () => Promise<void> {
  const known = waiters.get(page)
  if (known) return known
  const open = new Set<Request>()
  page.on('request', (r) => {
    if (!/\/stream$/.test(new URL(r.url()).pathname)) open.add(r)
  })
  page.on('requestfinished', (r) => open.delete(r))
  page.on('requestfailed', (r) => open.delete(r))
  const waiter = async () => {
    let quietSince = Date.now()
    await expect
      .poll(
        () => {
          if (open.size > 0) quietSince = Date.now()
          return Date.now() - quietSince
        },
        { intervals: [100], timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(500)
  }
  waiters.set(page, waiter)
  return waiter
}

/** Waits until the requests of a page given to trackRequests have settled (live streams left out). */
export async function settled(page: Page): Promise<void> {
  const waiter = waiters.get(page)
  if (waiter) await waiter()
  else await page.waitForLoadState('networkidle')
}
