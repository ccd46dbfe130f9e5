import { expect, test } from '@playwright/test'
import ICAL from 'ical.js'
import { E2E_ADMIN } from '../e2e/e2e-admin'
import { manageTokenFromMail, newVisitor } from '../e2e/support'
import {
  AccountsApi,
  Configuration,
  EventsApi,
  RegistrationsApi,
  ResponseError,
  type StaffEvent,
} from './client'

// The API's two round trips (API.md), made only through the TypeScript client that openapi-generator produced from
// the OpenAPI document of this build (backend pom: openapi-generator-maven-plugin, validation on). If an operation
// is renamed, its parameters or its answer change shape, this file stops compiling (npm run api:client) or fails.

function configuration(baseURL: string | undefined, token?: string): Configuration {
  return new Configuration({
    basePath: (baseURL ?? '').replace(/\/$/, ''),
    ...(token ? { accessToken: async () => token } : {}),
  })
}

async function staffToken(baseURL: string | undefined): Promise<string> {
  const answer = await new AccountsApi(configuration(baseURL)).login({
    loginRequest: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  })
  expect(answer.token.length).toBeGreaterThan(20)
  return answer.token
}

async function createPublishedEvent(baseURL: string | undefined, token: string, title: string): Promise<StaffEvent> {
  const events = new EventsApi(configuration(baseURL, token))
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000)
  const created = await events.createEvent({
    eventRequest: {
      title,
      description: 'Membahas novel Laskar Pelangi karya Andrea Hirata bersama komunitas pembaca Banjarbaru.',
      type: 'BOOK_DISCUSSION',
      audience: 'ALL',
      language: 'id',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      platform: 'ZOOM',
      joinUrl: 'https://zoom.us/j/123456789',
      capacity: 1,
    },
  })
  expect(created.status).toBe('DRAFT')
  const published = await events.publishEvent({ id: created.id })
  expect(published.status).toBe('PUBLISHED')
  return published
}

test('staff round trip: create and publish an event, then list its registrants as CSV', async ({ baseURL, request }) => {
  const token = await staffToken(baseURL)
  const event = await createPublishedEvent(baseURL, token, `Diskusi Buku Kontrak ${Date.now()}`)

  const patron = newVisitor('kontrak-staf')
  const registrations = new RegistrationsApi(configuration(baseURL))
  await registrations.registerForEvent({ id: event.id, registrationRequest: { name: patron.displayName, email: patron.email } })
  await manageTokenFromMail(request, patron.email)

  const staff = new RegistrationsApi(configuration(baseURL, token))
  const page = await staff.listRegistrants({ id: event.id })
  expect(page.total).toBe(1)
  expect(page.items[0]?.email).toBe(patron.email)

  // The same operation answers CSV when asked: an override keeps the client's Authorization header beside Accept.
  const csv = await staff.listRegistrantsRaw({ id: event.id }, async ({ init }) => ({
    headers: { ...(init.headers as Record<string, string>), Accept: 'text/csv' },
  }))
  expect(csv.raw.headers.get('content-type')).toContain('text/csv')
  const text = await csv.raw.text()
  expect(text).toContain(patron.email)
  expect(text.trim().split('\n')).toHaveLength(2)
})

test('guest round trip: list events, register, read by manage token, calendar file, cancel', async ({ baseURL, request }) => {
  const token = await staffToken(baseURL)
  const title = `Diskusi Buku Tamu ${Date.now()}`
  const created = await createPublishedEvent(baseURL, token, title)

  // 1. The public catalogue lists it, typed.
  const events = new EventsApi(configuration(baseURL))
  const catalogue = await events.listEvents({ type: 'BOOK_DISCUSSION', size: 100 })
  const listed = catalogue.items.find((e) => e.id === created.id)
  expect(listed?.title).toBe(title)
  expect(listed?.seatsLeft).toBe(1)
  expect(listed?.startsAt).toBeInstanceOf(Date)

  // 2. Register: the one seat is taken; the second patron waits.
  const registrations = new RegistrationsApi(configuration(baseURL))
  const first = newVisitor('kontrak-tamu')
  const answer = await registrations.registerForEvent({
    id: created.id,
    registrationRequest: { name: first.displayName, email: first.email, whatsapp: '+6281234567890' },
  })
  expect(answer.emailSent).toBe(true)
  const second = newVisitor('kontrak-antre')
  await registrations.registerForEvent({ id: created.id, registrationRequest: { name: second.displayName, email: second.email } })

  // 3. Read it by the manage token the e-mail carries.
  const manageToken = await manageTokenFromMail(request, first.email)
  const mine = await registrations.getRegistrationByToken({ token: manageToken })
  expect(mine.status).toBe('CONFIRMED')
  expect(mine.event.id).toBe(created.id)
  const waiting = await registrations.getRegistrationByToken({ token: await manageTokenFromMail(request, second.email) })
  expect(waiting.status).toBe('WAITLISTED')
  expect(waiting.waitlistPosition).toBe(1)

  // 4. The calendar file is a real iCalendar event with the join link.
  const ics = await registrations.downloadRegistrationCalendarRaw({ token: manageToken })
  expect(ics.raw.headers.get('content-type')).toContain('text/calendar')
  const vevent = new ICAL.Component(ICAL.parse(await ics.raw.text())).getFirstSubcomponent('vevent')
  expect(vevent?.getFirstPropertyValue('summary')).toBe(title)
  expect(String(vevent?.getFirstPropertyValue('description') ?? '')).toContain('https://zoom.us/j/123456789')

  // 5. Cancel: the seat goes to the waitlist, and a second cancel changes nothing.
  const cancelled = await registrations.cancelRegistration({ token: manageToken })
  expect(cancelled.status).toBe('CANCELLED')
  const promoted = await registrations.getRegistrationByToken({ token: await manageTokenFromMail(request, second.email) })
  expect(promoted.status).toBe('CONFIRMED')

  // An unknown token is a typed 404 problem.
  const missing = await registrations.getRegistrationByToken({ token: 'x'.repeat(43) }).catch((e: unknown) => e)
  expect(missing).toBeInstanceOf(ResponseError)
  expect((missing as ResponseError).response.status).toBe(404)
  expect((missing as ResponseError).response.headers.get('content-type')).toContain('application/problem+json')
})
