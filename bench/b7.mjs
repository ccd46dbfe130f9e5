// B7: a patron's first visit on a slow phone connection. Run through bench/b7.sh (which starts the packaged app with
// its demo data); directly: node bench/b7.mjs <base-url> <path>... (e.g. http://localhost:8303 / /acara/12).
//
// For each page, B7_RUNS times (default 5), in a new browser context (an empty cache, no cookies, no storage):
// Debian's chromium (B7_CHROMIUM, default /usr/bin/chromium; never downloaded) at a 360 x 800 phone viewport, the
// network throttled through the DevTools protocol (Network.emulateNetworkConditions: 400 kbit/s down and up, 400 ms
// of latency; B7_KBPS, B7_LATENCY_MS) and the browser cache disabled. It records
// - fcp: first contentful paint (the browser's own `first-contentful-paint` entry), ms after navigation start;
// - form: when the page's form is usable, ms after navigation start: on an event page the registration form's name and
//   e-mail fields and its submit button, on a survey page (/survei/<id>) the first question's first input and the
//   submit button, visible and enabled;
// - kb: bytes transferred (the encoded bytes on the wire, headers included) until the network has been quiet for 1 s;
// - requests: requests made in that time.
// It prints one line per run and a table of the medians, with the targets (FCP <= 1.5 s, form <= 3 s, <= 100 KB).
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(path.join(here, '../frontend/package.json'))
const { chromium } = require('playwright-core')

const [base, ...pages] = process.argv.slice(2)
if (!base || pages.length === 0) {
  console.error('usage: node bench/b7.mjs <base-url> <path>...')
  process.exit(2)
}
const runs = Number(process.env.B7_RUNS ?? 5)
const kbps = Number(process.env.B7_KBPS ?? 400)
const latency = Number(process.env.B7_LATENCY_MS ?? 400)
const QUIET_MS = 1000
const LIMIT_MS = 30000

const browser = await chromium.launch({
  executablePath: process.env.B7_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
})

/** One cold visit of `url`: its figures. Unthrottled for the server's warm-up. */
async function visit(url, isEvent, throttled = true) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency,
      downloadThroughput: (kbps * 1000) / 8,
      uploadThroughput: (kbps * 1000) / 8,
    })
  }
  const requests = new Map() // requestId -> { url, bytes, done }
  let lastActivity = Date.now()
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false })
    lastActivity = Date.now()
  })
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId)
    if (r && !r.done) r.bytes += e.encodedDataLength
    lastActivity = Date.now()
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId)
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true }) // the whole response, headers included
    lastActivity = Date.now()
  })
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId)
    if (r) r.done = true
    lastActivity = Date.now()
  })
  // Before any of the page's scripts: watch for the form becoming usable, timed on the page's own clock.
  await page.addInitScript(() => {
    const usable = (el) => !!el && !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    const check = () => {
      if (window.__b7Form) return
      const name = document.getElementById('registration-name')
      const email = document.getElementById('registration-email')
      const submit = name?.form?.querySelector('button[type="submit"], button:not([type])')
      const surveySubmit = document.getElementById('survey-submit')
      const firstAnswer = surveySubmit?.form?.querySelector('fieldset input, fieldset textarea, fieldset select')
      if ((usable(name) && usable(email) && usable(submit)) || (usable(firstAnswer) && usable(surveySubmit))) {
        window.__b7Form = performance.now()
      }
      if (!window.__b7Form) requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
  await page.goto(url, { waitUntil: 'commit', timeout: LIMIT_MS })
  const started = Date.now()
  // Until the form is usable (event and survey pages) and the network has been quiet for QUIET_MS.
  for (;;) {
    await page.waitForTimeout(100)
    const pending = [...requests.values()].some((r) => !r.done && !/\/stream|\/events$|text\/event-stream/.test(r.url))
    const formDone = !isEvent || (await page.evaluate(() => window.__b7Form !== undefined))
    if (formDone && !pending && Date.now() - lastActivity >= QUIET_MS) break
    if (Date.now() - started > LIMIT_MS) break
  }
  const { fcp, form, timeline } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    form: window.__b7Form ?? null,
    timeline: [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')].map(
      (e) => `${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ms ${e.name.replace(location.origin, '')}`),
  }))
  const list = [...requests.values()]
  await context.close()
  return {
    fcp: fcp === null ? null : Math.round(fcp),
    form: form === null ? null : Math.round(form),
    kb: list.reduce((sum, r) => sum + r.bytes, 0) / 1024,
    requests: list.length,
    urls: list.map((r) => `${(r.bytes / 1024).toFixed(1)}K ${r.url.replace(base, '')}`),
    timeline,
  }
}

const median = (xs) => {
  const v = xs.filter((x) => x !== null).sort((a, b) => a - b)
  if (v.length === 0) return null
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2
}
const s = (ms) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`)

// The server as a patron meets it, running for a while: a just-started JVM is still compiling its hot paths, and on 2
// cores that takes CPU from the browser. Each page is visited unthrottled a few times first (not measured), then the
// machine settles for B7_SETTLE_S seconds (default 10).
const hasForm = (p) => /^\/(acara|survei)\/\d+/.test(p)
for (const p of pages) for (let i = 0; i < 3; i++) await visit(base + p, hasForm(p), false)
await new Promise((resolve) => setTimeout(resolve, Number(process.env.B7_SETTLE_S ?? 10) * 1000))
console.log(`load average after the warm-up: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (${os.cpus().length} cores)`)
console.log(`B7: ${kbps} kbit/s down and up, ${latency} ms latency, cold cache, 360 x 800; ${runs} runs a page`)
const rows = []
for (const p of pages) {
  const isEvent = hasForm(p)
  const results = []
  for (let i = 0; i < runs; i++) {
    const r = await visit(base + p, isEvent)
    results.push(r)
    console.log(`${p} run ${i + 1}: fcp ${s(r.fcp)}, form ${isEvent ? s(r.form) : '-'}, ${r.kb.toFixed(1)} KB, ${r.requests} requests`)
    if (i === 0 && process.env.B7_VERBOSE) for (const u of [...r.urls, ...r.timeline]) console.log(`    ${u}`)
  }
  rows.push({
    page: p,
    fcp: median(results.map((r) => r.fcp)),
    form: isEvent ? median(results.map((r) => r.form)) : null,
    kb: median(results.map((r) => r.kb)),
    requests: median(results.map((r) => r.requests)),
    isEvent,
  })
}
await browser.close()

console.log('\n| B7 page (median) | first contentful paint (<= 1.5 s) | form usable (<= 3 s) | transferred (<= 100 KB) | requests |')
console.log('|---|---|---|---|---|')
for (const r of rows) {
  const page = r.page.startsWith('/acara/') ? `event page \`${r.page}\`` : r.page.startsWith('/survei/') ? `survey page \`${r.page}\`` : `\`${r.page}\``
  console.log(`| ${page} | ${s(r.fcp)} | ${r.isEvent ? s(r.form) : '-'} | ${r.kb.toFixed(1)} KB | ${r.requests} |`)
}
const met = rows.every((r) => r.fcp !== null && r.fcp <= 1500 && r.kb <= 100 && (!r.isEvent || (r.form !== null && r.form <= 3000)))
console.log(`\ntargets ${met ? 'met' : 'NOT met'}`)
process.exitCode = met ? 0 : 1
