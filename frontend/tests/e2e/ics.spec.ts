import { expect, test } from '@playwright/test'
import { DEMO } from './support'
import ICAL from 'ical.js'

/**
 * The backend's real calendar files, read by Mozilla's parser (ical.js, as in Thunderbird): the feed and one event
 * parse, carry UID, ORGANIZER, URL, UTC start and end, and an alarm; and no join URL is in public files.
 */
const STAFF = DEMO.staff

test('calendar files parse with ical.js', async ({ request }) => {
  const login = await request.post('/api/auth/login', { data: STAFF })
  const auth = { Authorization: `Bearer ${(await login.json()).token}` }
  const start = new Date(Date.now() + 12 * 86_400_000)
  const joinUrl = `https://zoom.us/j/${Date.now()}`
  const created = await request.post('/api/events', {
    headers: auth,
    data: {
      title: `Klub Buku ICS ${Date.now()}`,
      description: 'Membahas "Bumi Manusia"; koma, titik-koma; dan baris\nbaru.',
      type: 'BOOK_CLUB',
      audience: 'TEENS',
      language: 'id',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 5_400_000).toISOString(),
      platform: 'GOOGLE_MEET',
      joinUrl,
      capacity: null,
    },
  })
  expect(created.status()).toBe(201)
  const event = await created.json()
  expect((await request.post(`/api/events/${event.id}/publish`, { headers: auth })).status()).toBe(200)

  const one = await request.get(`/api/events/${event.id}/calendar.ics`)
  expect(one.status()).toBe(200)
  expect(one.headers()['content-type']).toContain('text/calendar')
  const text = await one.text()
  expect(text).not.toContain(joinUrl)
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent')!
  const parsed = new ICAL.Event(vevent)
  expect(parsed.summary).toBe(event.title)
  expect(parsed.uid).toMatch(new RegExp(`^event-${event.id}@`))
  expect(parsed.description).toContain('"Bumi Manusia"; koma, titik-koma;')
  expect(parsed.startDate.toJSDate().getTime()).toBe(start.getTime() - (start.getTime() % 1000))
  expect(parsed.startDate.zone?.tzid).toBe('UTC')
  expect(String(vevent.getFirstPropertyValue('organizer'))).toMatch(/^mailto:/)
  expect(String(vevent.getFirstPropertyValue('url'))).toContain(`/acara/${event.id}`)
  const alarm = vevent.getFirstSubcomponent('valarm')!
  expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY')
  expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT1H')

  const feed = await request.get('/api/calendar.ics')
  expect(feed.status()).toBe(200)
  const feedText = await feed.text()
  expect(feedText).not.toContain(joinUrl)
  const events = new ICAL.Component(ICAL.parse(feedText)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  expect(events.map((e) => e.uid)).toContain(parsed.uid)
})
