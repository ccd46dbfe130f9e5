import { expect, request, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { settled, trackRequests } from './settled'
import { uploadSquareImage } from './media-files'
import { DEMO, manageTokenFromMail, newVisitor } from './support'
import { sql } from './e2e-sql'

/**
 * Stored XSS: script payloads go into every text field one person writes and another person's page shows (event
 * title and description, registrant names, questions, answers, feedback comments, display names, challenge title,
 * description, schools and badges, reading-log titles and reviews, campaign titles and goals, post bodies, hashtags,
 * per-platform texts and review notes), then the pages that render them are opened.
 * Each payload would set window.__xss or open a dialog if it ever ran. The test fails on a dialog, on window.__xss,
 * and on any CSP violation report: a violation would mean the payload reached the DOM as HTML and only the CSP
 * stopped it. Every payload must show as plain text.
 */

const STAFF = DEMO.staff
const ADMIN = { email: 'admin@demo.serambi.id', password: 'demo-admin-2026' }
const REVIEWER = { email: 'peninjau@demo.serambi.id', password: 'demo-peninjau-2026' }

const tag = `${Date.now()}`.slice(-6)
const payload = {
  img: `<img src=x onerror="alert(1);window.__xss='img'">${tag}`,
  script: `<script>alert(2);window.__xss='script'</script>${tag}`,
  svg: `"><svg onload="alert(3);window.__xss='svg'">${tag}`,
  // Vue template syntax in data must stay text: user data is never compiled as a template.
  mustache: `{{constructor.constructor('alert(4);window.__xss=4')()}}${tag}`,
  iframe: `<iframe src="javascript:alert(5)"></iframe>${tag}`,
}
// Short enough for every field (a question's display name takes at most 40 characters).
const shortPayload = `"><svg onload=alert(6)>${tag}`

type Token = { token: string; expiresAt: string | null }

let api: APIRequestContext
let staff: Token
let eventId = 0
let manageTokenA = ''
let challengeId = 0

async function login(who: { email: string; password: string }): Promise<Token> {
  const response = await api.post('/api/auth/login', { data: { email: who.email, password: who.password } })
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as Token
}

async function call(method: 'post' | 'put', path: string, data: unknown, token?: Token, expected = [200, 201]) {
  const response = await api[method](path, {
    data,
    headers: token ? { Authorization: `Bearer ${token.token}` } : {},
  })
  expect(expected, `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`).toContain(
    response.status(),
  )
  return response.status() === 204 ? null : response.json()
}

/** A page in its own context, logged in as `session` when given, that records dialogs and CSP violations. */
async function watchedPage(browser: Browser, session?: Token) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'id-ID' })
  const dialogs: string[] = []
  if (session) {
    await context.addInitScript((value) => {
      localStorage.setItem('serambi.session', value)
    }, JSON.stringify(session))
  }
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] }
    w.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  const page = await context.newPage()
  trackRequests(page)
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  return { page, dialogs, close: () => context.close() }
}

async function expectInert(page: Page, dialogs: string[], where: string) {
  // Give any onerror/onload handler the chance to run before looking.
  await settled(page)
  expect(dialogs, `dialogs on ${where}`).toEqual([])
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __cspViolations: string[] }
    return { xss: w.__xss ?? null, violations: w.__cspViolations }
  })
  expect(state.xss, `window.__xss on ${where}`).toBeNull()
  expect(state.violations, `CSP violations on ${where}`).toEqual([])
  expect(await page.locator('main svg[onload], main img[onerror], main script, main iframe').count(), where).toBe(0)
}

async function expectShown(page: Page, text: string) {
  await expect(page.getByText(text, { exact: false }).first()).toBeVisible()
}

test.describe.serial('stored XSS stays inert', () => {
  test.beforeAll(async () => {
    api = await request.newContext({ baseURL: test.info().project.use.baseURL })
    staff = await login(STAFF)
  })

  test.afterAll(async () => {
    await api.dispose()
  })

  test('a script URL is refused where a link is stored', async () => {
    const start = new Date(Date.now() + 40 * 86_400_000)
    for (const joinUrl of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const response = await api.post('/api/events', {
        headers: { Authorization: `Bearer ${staff.token}` },
        data: {
          title: 'Tautan berbahaya', description: 'x', type: 'SEMINAR', audience: 'ALL', language: 'id',
          startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
          platform: 'ZOOM', joinUrl,
        },
      })
      expect(response.status(), joinUrl).toBe(400)
      expect(response.headers()['content-type']).toContain('application/problem+json')
    }
  })

  test('event texts, registrant names, questions, answers and feedback', async ({ browser }) => {
    // An event under way: registration is open until it ends, and feedback opens when it starts.
    const now = Date.now()
    const event = (await call('post', '/api/events', {
      title: `Diskusi ${payload.img}`,
      description: `${payload.script}\n${payload.svg}\n${payload.mustache}\n${payload.iframe}`,
      type: 'LIVE_QA', audience: 'ALL', language: 'id',
      startsAt: new Date(now + 30 * 60_000).toISOString(), endsAt: new Date(now + 90 * 60_000).toISOString(),
      platform: 'YOUTUBE_LIVE', joinUrl: 'https://youtube.com/live/serambi-xss', capacity: 100,
    }, staff)) as { id: number }
    eventId = event.id
    await call('post', `/api/events/${eventId}/publish`, undefined, staff)
    sql(`UPDATE event SET starts_at = now() - interval '30 minutes' WHERE id = ${eventId}`) // published before it started

    const a = newVisitor('xss-a')
    const b = newVisitor('xss-b')
    // The manage links reach the patrons by e-mail only (the e2e profile's test mailbox).
    await call('post', `/api/events/${eventId}/registrations`, { name: payload.svg, email: a.email }, undefined, [202])
    manageTokenA = await manageTokenFromMail(api, a.email)
    await call('post', `/api/events/${eventId}/registrations`, { name: payload.img, email: b.email }, undefined, [202])
    const tokenB = await manageTokenFromMail(api, b.email)
    const question = (await call('post', `/api/events/${eventId}/questions`,
      { manageToken: tokenB, text: `${payload.img} ${payload.script}`, displayName: shortPayload })) as { id: number }
    await call('post', `/api/events/${eventId}/questions/${question.id}/approve`, undefined, staff)
    await call('post', `/api/events/${eventId}/questions/${question.id}/answer`, { answer: payload.svg }, staff)
    await call('post', `/api/events/${eventId}/questions`,
      { manageToken: tokenB, text: payload.mustache, displayName: 'Nadia' })
    await call('post', `/api/registrations/${tokenB}/feedback`, { rating: 5, comment: payload.iframe })

    // The public pages.
    const visitor = await watchedPage(browser)
    await visitor.page.goto('/acara')
    await expectShown(visitor.page, payload.img)
    await expectInert(visitor.page, visitor.dialogs, 'events list')
    await visitor.page.goto(`/acara/${eventId}`)
    await expectShown(visitor.page, payload.img)
    await expectShown(visitor.page, payload.script)
    await expectShown(visitor.page, payload.mustache)
    await expectInert(visitor.page, visitor.dialogs, 'event page')

    // Patron A's manage page shows B's approved question, its asker and the staff answer, live.
    await visitor.page.goto(`/acara/pendaftaran/${manageTokenA}`)
    const questions = visitor.page.getByTestId('live-questions')
    await expect(questions).toContainText(payload.script)
    await expect(questions).toContainText(shortPayload)
    await expect(questions).toContainText(payload.svg)
    await expectInert(visitor.page, visitor.dialogs, 'manage page with live Q&A')
    await visitor.close()

    // Staff pages: registrants with feedback, the moderation queue.
    const desk = await watchedPage(browser, staff)
    await desk.page.goto(`/staf/acara/${eventId}/pendaftar`)
    await expectShown(desk.page, payload.svg)
    await expectShown(desk.page, payload.iframe)
    await expectInert(desk.page, desk.dialogs, 'registrants and feedback')
    await desk.page.goto(`/staf/acara/${eventId}/tanya-jawab`)
    await expectShown(desk.page, payload.mustache)
    await expectInert(desk.page, desk.dialogs, 'Q&A moderation')
    await desk.page.goto(`/staf/acara/${eventId}/ubah`)
    await expect(desk.page.getByLabel('Judul')).toHaveValue(`Diskusi ${payload.img}`)
    await expectInert(desk.page, desk.dialogs, 'event form')
    await desk.close()
  })

  test('display names, challenge texts, schools, badges, reading logs and shared reviews', async ({ browser }) => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(new Date())
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
    const challenge = (await call('post', '/api/challenges', {
      title: `Tantangan ${payload.svg}`,
      description: `${payload.img}\n${payload.mustache}`,
      audience: 'ALL', startsOn: day(-5), endsOn: day(5), goalType: 'PAGES', goalValue: 1000, pointsPerPage: 1,
      flagPagesPerDay: 500,
      schools: [`SMP ${shortPayload}`],
      badges: [{ name: `Lencana ${shortPayload}`, threshold: 1 }],
    }, staff)) as { id: number }
    challengeId = challenge.id
    await call('post', `/api/challenges/${challengeId}/publish`, undefined, staff)

    const teen = newVisitor('xss-remaja')
    await call('post', '/api/auth/register', {
      email: teen.email, password: teen.password, displayName: `Remaja ${payload.img}`.slice(0, 80), birthYear: 2009,
    }, undefined, [202])
    const session = await login(teen)
    await call('post', `/api/challenges/${challengeId}/participants`,
      { nickname: `Pembaca ${tag}`, school: `SMP ${shortPayload}` }, session)
    // A nickname is letters, digits, spaces, '.', '_' and '-': markup is refused outright.
    const refused = await api.post(`/api/challenges/${challengeId}/participants`, {
      headers: { Authorization: `Bearer ${session.token}` }, data: { nickname: '<b>x</b>' },
    })
    expect([400, 409]).toContain(refused.status())
    await call('post', `/api/challenges/${challengeId}/logs`, {
      title: payload.script, author: payload.svg, pages: 120, readOn: day(0), review: payload.img, shareReview: true,
    }, session)
    // Above the flag threshold: goes to the staff review queue with its title.
    await call('post', `/api/challenges/${challengeId}/logs`, {
      title: payload.iframe, author: 'Penulis', pages: 600, readOn: day(-1), review: payload.mustache, shareReview: true,
    }, session)

    const visitor = await watchedPage(browser)
    // The description is on the "Aturan" tab; the board's tab (school choice, nicknames) stays in the page, hidden.
    await visitor.page.goto(`/tantangan/${challengeId}?tab=aturan`)
    await expectShown(visitor.page, payload.svg)
    await expectShown(visitor.page, payload.img)
    // The school is a choice of the per-school board: an <option> whose text is the payload, not markup.
    await expect(visitor.page.locator('option', { hasText: `SMP ${shortPayload}` }).first()).toBeAttached()
    await expectInert(visitor.page, visitor.dialogs, 'public challenge page and leaderboard')
    await visitor.close()

    const member = await watchedPage(browser, session)
    await member.page.goto(`/tantangan/${challengeId}/saya`)
    await expectShown(member.page, payload.script)
    await expectShown(member.page, `Lencana ${shortPayload}`)
    await expectInert(member.page, member.dialogs, 'my challenge page')
    await member.page.goto('/akun')
    await expectShown(member.page, `Remaja ${payload.img}`.slice(0, 80))
    await expectInert(member.page, member.dialogs, 'account page')
    await member.close()

    const desk = await watchedPage(browser, staff)
    await desk.page.goto(`/staf/tantangan/${challengeId}/tinjau`)
    await expect(desk.page.getByTestId('flagged-queue')).toContainText(payload.iframe)
    await expectInert(desk.page, desk.dialogs, 'staff review queue')
    await desk.page.goto('/staf/ulasan')
    await expectShown(desk.page, payload.img)
    await expectInert(desk.page, desk.dialogs, 'shared reviews')
    await desk.close()

    // The admin's user list shows every display name.
    const admin = await watchedPage(browser, await login(ADMIN))
    await admin.page.goto(`/admin/pengguna?q=${encodeURIComponent(teen.email)}`)
    await expectShown(admin.page, `Remaja ${payload.img}`.slice(0, 80))
    await expectInert(admin.page, admin.dialogs, 'admin users')
    await admin.close()
  })

  test('campaign titles and goals, post bodies, hashtags, variant texts and review notes', async ({ browser }) => {
    const reviewer = await login(REVIEWER)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(new Date())
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000)
    const scheduledDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(inTwoDays)
    const campaign = (await call('post', '/api/campaigns', {
      title: `Kampanye ${payload.img}`, goal: `${payload.script}\n${payload.mustache}`, theme: 'DIGITAL_LITERACY',
      startsOn: today, endsOn: scheduledDay, platforms: ['INSTAGRAM', 'X'],
    }, staff)) as { id: number }
    const post = (await call('post', '/api/posts', {
      contentType: 'EDUCATIONAL_TIP', body: `${payload.svg}\n${payload.iframe}`, hashtags: [`#${tag}<b>tebal</b>`],
      campaignId: campaign.id,
      // Instagram needs an image before the post can be submitted (issue 15).
      mediaIds: [await uploadSquareImage(api, staff.token)],
      variants: [
        { platform: 'INSTAGRAM', text: `${payload.img} #${tag} https://contoh.id/"onmouseover="alert(7)`, scheduledAt: inTwoDays.toISOString() },
        { platform: 'X', text: `${payload.mustache} @${tag}`, scheduledAt: inTwoDays.toISOString() },
      ],
    }, staff)) as { id: number }
    await call('post', `/api/posts/${post.id}/submit`, undefined, staff)

    // The reviewer's queue shows the post while it waits.
    const desk = await watchedPage(browser, reviewer)
    await desk.page.goto('/staf/konten/tinjauan')
    await expectShown(desk.page, payload.svg)
    await expectInert(desk.page, desk.dialogs, 'review queue')
    await desk.close()

    await call('post', `/api/posts/${post.id}/approve`, { note: payload.script }, reviewer)
    await call('post', `/api/posts/${post.id}/schedule`, undefined, staff)

    const office = await watchedPage(browser, staff)
    await office.page.goto(`/staf/konten?view=week&date=${scheduledDay}`)
    await expect(office.page.locator('main')).toContainText(tag)
    await expectInert(office.page, office.dialogs, 'content calendar')
    await office.page.goto(`/staf/konten/pos?campaignId=${campaign.id}`)
    // The list leads with the first variant's text, and names the campaign.
    const list = office.page.getByRole('table', { name: 'Daftar unggahan' })
    await expect(list).toContainText(`${payload.img} #${tag}`)
    await expect(list).toContainText(`Kampanye ${payload.img}`)
    await expectInert(office.page, office.dialogs, 'posts list')
    // The editor: every field, the per-platform previews (hashtags and links are highlighted there) and the history.
    await office.page.goto(`/staf/konten/pos/${post.id}/ubah`)
    await expect(office.page.getByTestId('variant-X').getByLabel('Teks untuk X')).toHaveValue(`${payload.mustache} @${tag}`)
    await expectShown(office.page, payload.script)
    await expectInert(office.page, office.dialogs, 'post editor with previews and history')
    await office.page.goto('/staf/konten/kampanye')
    await expectShown(office.page, payload.img)
    await expectInert(office.page, office.dialogs, 'campaigns list')
    await office.page.goto(`/staf/konten/kampanye/${campaign.id}/ubah`)
    await expect(office.page.getByLabel('Judul')).toHaveValue(`Kampanye ${payload.img}`)
    await expectInert(office.page, office.dialogs, 'campaign form')

    // Published, with numbers: the dashboard lists the post by its excerpt. Its time comes first (never marked before).
    sql(`UPDATE post_variant SET scheduled_at = now() - interval '1 minute', manual = true WHERE post_id = ${post.id}`)
    await call('post', `/api/posts/${post.id}/publish`, {
      variants: [
        { platform: 'INSTAGRAM', publishedUrl: `https://www.instagram.com/p/xss${tag}/` },
        { platform: 'X', publishedUrl: `https://x.com/perpusbjb/status/${tag}` },
      ],
    }, staff)
    await call('put', `/api/posts/${post.id}/variants/INSTAGRAM/metrics`, { impressions: 100, reactions: 5 }, staff)
    await office.page.goto(`/staf/konten/dasbor?campaignId=${campaign.id}`)
    await expect(office.page.locator('#analytics-posts')).toContainText(tag)
    await expectInert(office.page, office.dialogs, 'campaign dashboard')
    await office.close()
  })
})
