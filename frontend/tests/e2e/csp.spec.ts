import { expect, request, test } from '@playwright/test'
import { trackRequests } from './settled'
import { DEMO } from './support'

/**
 * The SPA runs under its Content-Security-Policy (no inline script, no inline style attribute, same-origin only),
 * with Playwright's bypassCSP off: every page below loads and works without one CSP violation, and the headers
 * are on the HTML document itself.
 */

const STAFF = DEMO.staff
const TEEN = { email: 'remaja@demo.serambi.id', password: 'demo-remaja-2026' }

test.use({ bypassCSP: false })

test('index.html has no inline script and is served with the security headers', async ({ baseURL }) => {
  const api = await request.newContext({ baseURL })
  for (const path of ['/', '/acara', '/acara/pendaftaran/contoh-token-yang-tidak-ada']) {
    const response = await api.get(path, { headers: { Accept: 'text/html' } })
    expect(response.status(), path).toBe(200)
    const headers = response.headers()
    const csp = headers['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['referrer-policy']).toBe(path.startsWith('/acara/pendaftaran/') ? 'no-referrer' : 'same-origin')
    const html = await response.text()
    // Every <script> has a src; no inline event handler attributes.
    expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/gi) ?? [], path).toEqual([])
    expect(html, path).not.toMatch(/\son[a-z]+=/i)
  }
  await api.dispose()
})

test('public, member and staff pages run without a CSP violation', async ({ browser, baseURL }) => {
  test.setTimeout(120_000)
  const api = await request.newContext({ baseURL })
  const sessions: Record<string, unknown> = {}
  for (const [who, credentials] of Object.entries({ staff: STAFF, teen: TEEN })) {
    const response = await api.post('/api/auth/login', { data: credentials })
    expect(response.status()).toBe(200)
    sessions[who] = await response.json()
  }
  const events = (await (await api.get('/api/events')).json()) as { items: { id: number }[] }
  const challenges = (await (await api.get('/api/challenges')).json()) as { id: number }[] | { items: { id: number }[] }
  const challengeList = Array.isArray(challenges) ? challenges : challenges.items
  expect(events.items.length).toBeGreaterThan(0)
  expect(challengeList.length).toBeGreaterThan(0)
  await api.dispose()

  const visits: [string | null, string][] = [
    [null, '/'],
    [null, '/acara'],
    [null, `/acara/${events.items[0]!.id}`],
    [null, '/tantangan'],
    [null, `/tantangan/${challengeList[0]!.id}`],
    [null, '/masuk'],
    [null, '/daftar'],
    [null, '/tidak-ada-halaman-ini'],
    ['teen', '/akun'],
    ['teen', `/tantangan/${challengeList[0]!.id}/saya`],
    ['staff', '/staf/acara'],
    ['staff', '/staf/acara/baru'],
    ['staff', `/staf/acara/${events.items[0]!.id}/pendaftar`],
    ['staff', '/staf/tantangan'],
    ['staff', '/staf/ulasan'],
  ]
  for (const [who, path] of visits) {
    const context = await browser.newContext({ baseURL, locale: 'id-ID' })
    if (who) {
      await context.addInitScript((value) => localStorage.setItem('serambi.session', value), JSON.stringify(sessions[who]))
    }
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] }
      w.__cspViolations = []
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      )
    })
    const page = await context.newPage()
    const consoleErrors: string[] = []
    const settled = trackRequests(page)
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) {
        consoleErrors.push(message.text())
      }
    })
    await page.goto(path)
    await expect(page.locator('h1').first()).toBeVisible()
    await page.waitForLoadState('load')
    await settled()
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
    expect(violations, `CSP violations on ${path}`).toEqual([])
    expect(consoleErrors, `CSP console errors on ${path}`).toEqual([])
    await context.close()
  }
})
