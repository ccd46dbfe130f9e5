#!/usr/bin/env node
// Traffic for bench/contract.sh: every GET operation of the OpenAPI document that can be called with the demo data
// (path parameters filled from the lists), as the admin, plus a guest registration; through BASE (the Prism proxy).
// Prints one line per call; Prism, in front of the app, reports any answer outside the contract.
const base = process.env.BASE ?? 'http://127.0.0.1:4010'
const doc = await (await fetch(process.env.DOC_URL)).json()
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }),
})
const { token } = await login.json()
const auth = { Authorization: `Bearer ${token}` }
async function firstId(path, key = 'id') {
  const answer = await fetch(`${base}${path}`, { headers: auth })
  const body = await answer.json()
  const items = Array.isArray(body) ? body : (body.items ?? body.challenges ?? body.campaigns ?? [])
  return items[0]?.[key]
}
const ids = {
  events: await firstId('/api/events/manage?status=PUBLISHED'),
  challenges: await firstId('/api/challenges'),
  campaigns: await firstId('/api/campaigns'),
  posts: await firstId('/api/posts'),
  media: await firstId('/api/media'),
}
let calls = 0
for (const [path, item] of Object.entries(doc.paths)) {
  const op = item.get
  if (!op) continue
  const produces = Object.keys(op.responses?.['200']?.content ?? {})
  if (produces.includes('text/event-stream') || path.includes('{token}') || path.includes('{logId}')
    || path.includes('{questionId}') || path.includes('{registrationId}')) continue
  const collection = path.split('/')[2]
  let filled = path.replace(/\{[^}]+\}/g, () => String(ids[collection] ?? 1))
  // Required query parameters (a period's from/to) get a valid value of their documented type.
  const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required)
  if (required.length) {
    const today = new Date()
    const value = (p, offsetDays) => {
      const day = new Date(today.getTime() + offsetDays * 86_400_000)
      return p.schema?.format === 'date' ? day.toISOString().slice(0, 10) : day.toISOString()
    }
    filled += '?' + required.map((p) => `${p.name}=${encodeURIComponent(value(p, p.name === 'to' ? 30 : -30))}`).join('&')
  }
  const answer = await fetch(`${base}${filled}`, { headers: { ...auth, Accept: produces[0] ?? 'application/json' } })
  await answer.arrayBuffer()
  calls++
  console.log(`${answer.status} GET ${filled}`)
}
// A guest registration (202), and the public catalogue without a token.
const registered = await fetch(`${base}/api/events/${ids.events}/registrations`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ name: 'Siti Prism', email: `siti.prism.${Date.now()}@contoh.id` }),
})
console.log(`${registered.status} POST /api/events/${ids.events}/registrations`)
const publicList = await fetch(`${base}/api/events`)
console.log(`${publicList.status} GET /api/events (no token)`)
console.log(`calls: ${calls + 2}`)
