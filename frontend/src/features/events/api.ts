import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type EventSummary = Schemas['Event']
export type EventPage = Schemas['EventPage']
export type StaffEvent = Schemas['StaffEvent']
export type StaffEventPage = Schemas['StaffEventPage']
export type EventRequest = Schemas['EventRequest']
export type EventType = Schemas['EventType']
import type { Audience } from '@/lib/audience'

export type { Audience }
export { AUDIENCES } from '@/lib/audience'
export type Platform = Schemas['Platform']
export type EventStatus = Schemas['EventStatus']
export type AgeGroup = Schemas['AgeGroup']
export type RegistrationStatus = Schemas['RegistrationStatus']
export type RegistrationRequest = Schemas['RegistrationRequest']
export type RegistrationResult = Schemas['RegistrationResult']
export type RegistrationView = Schemas['RegistrationView']
export type StaffRegistration = Schemas['StaffRegistration']
export type StaffRegistrationPage = Schemas['StaffRegistrationPage']
export type FeedbackRequest = Schemas['FeedbackRequest']
export type FeedbackSummary = Schemas['FeedbackSummary']

export const EVENT_TYPES: readonly EventType[] = ['BOOK_DISCUSSION', 'SEMINAR', 'ONLINE_LECTURE', 'LIVE_QA', 'WORKSHOP', 'BOOK_CLUB']
export const PLATFORMS: readonly Platform[] = ['ZOOM', 'GOOGLE_MEET', 'YOUTUBE_LIVE', 'FACEBOOK_LIVE', 'INSTAGRAM_LIVE', 'OTHER']
export const EVENT_STATUSES: readonly EventStatus[] = ['DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED']
export const AGE_GROUPS: readonly AgeGroup[] = ['CHILD', 'TEEN', 'ADULT', 'SENIOR']
/** Languages staff usually pick; the API takes any BCP 47 tag. */
export const EVENT_LANGUAGES = ['id', 'en', 'bjn'] as const

export interface CatalogueQuery {
  type?: EventType
  audience?: Audience
  language?: string
  /** A date (YYYY-MM-DD) in the library's zone. */
  from?: string
  to?: string
  page: number
  size: number
}

// --- Public -------------------------------------------------------------------------------------------

export async function listEvents(query: CatalogueQuery): Promise<EventPage> {
  return unwrap(await api.GET('/api/events', { params: { query } }))
}

export async function getEvent(id: number): Promise<EventSummary> {
  return unwrap(await api.GET('/api/events/{id}', { params: { path: { id } } }))
}

export async function register(id: number, body: RegistrationRequest): Promise<RegistrationResult> {
  return unwrap(await api.POST('/api/events/{id}/registrations', { params: { path: { id } }, body }))
}

export async function getRegistration(token: string): Promise<RegistrationView> {
  return unwrap(await api.GET('/api/registrations/{token}', { params: { path: { token } } }))
}

export async function cancelRegistration(token: string): Promise<RegistrationView> {
  return unwrap(await api.DELETE('/api/registrations/{token}', { params: { path: { token } } }))
}

/** UU PDP: erases the guest's personal data (cancelling first if still possible); the manage link then stops working. */
export async function erasePersonalData(token: string): Promise<void> {
  unwrap(await api.DELETE('/api/registrations/{token}/personal-data', { params: { path: { token } } }))
}

export async function sendFeedback(token: string, body: FeedbackRequest): Promise<void> {
  unwrap(await api.POST('/api/registrations/{token}/feedback', { params: { path: { token } }, body }))
}

/** Links the browser follows itself (downloads), not fetched by the SPA. */
export const eventCalendarUrl = (id: number) => `/api/events/${id}/calendar.ics`
export const registrationCalendarUrl = (token: string) => `/api/registrations/${encodeURIComponent(token)}/calendar.ics`
/** UU PDP: everything held about the registration, as a JSON file. */
export const registrationExportUrl = (token: string) => `/api/registrations/${encodeURIComponent(token)}/export`

// --- Staff --------------------------------------------------------------------------------------------

export async function listManagedEvents(query: { status?: EventStatus; page: number; size: number }): Promise<StaffEventPage> {
  return unwrap(await api.GET('/api/events/manage', { params: { query } }))
}

export async function getManagedEvent(id: number): Promise<StaffEvent> {
  return unwrap(await api.GET('/api/events/manage/{id}', { params: { path: { id } } }))
}

export async function createEvent(body: EventRequest): Promise<StaffEvent> {
  return unwrap(await api.POST('/api/events', { body }))
}

export async function replaceEvent(id: number, body: EventRequest): Promise<StaffEvent> {
  return unwrap(await api.PUT('/api/events/{id}', { params: { path: { id } }, body }))
}

export async function publishEvent(id: number): Promise<StaffEvent> {
  return unwrap(await api.POST('/api/events/{id}/publish', { params: { path: { id } } }))
}

export async function cancelEvent(id: number): Promise<StaffEvent> {
  return unwrap(await api.POST('/api/events/{id}/cancel', { params: { path: { id } } }))
}

export async function listRegistrations(
  id: number,
  query: { page: number; size: number; status?: RegistrationStatus; q?: string },
): Promise<StaffRegistrationPage> {
  // The operation answers JSON or CSV, so openapi-fetch cannot narrow the body's type: JSON is the default.
  return unwrap(await api.GET('/api/events/{id}/registrations', { params: { path: { id }, query } })) as StaffRegistrationPage
}

export async function checkIn(id: number, registrationId: number): Promise<StaffRegistration> {
  return unwrap(
    await api.POST('/api/events/{id}/registrations/{registrationId}/check-in', { params: { path: { id, registrationId } } }),
  )
}

/** Staff scanned a patron's QR code: the code names the registration within the event. */
export async function checkInByCode(id: number, code: string): Promise<StaffRegistration> {
  return unwrap(
    await api.POST('/api/events/{id}/registrations/check-in', { params: { path: { id } }, body: { code } }),
  )
}

export async function promote(id: number, registrationId: number): Promise<StaffRegistration> {
  return unwrap(
    await api.POST('/api/events/{id}/registrations/{registrationId}/promote', { params: { path: { id, registrationId } } }),
  )
}

export async function getFeedback(id: number): Promise<FeedbackSummary> {
  return unwrap(await api.GET('/api/events/{id}/feedback', { params: { path: { id } } }))
}

/** The registrants as a CSV file (the same client, so the bearer token and language go along). */
export async function downloadRegistrationsCsv(id: number): Promise<Blob> {
  return unwrap(
    await api.GET('/api/events/{id}/registrations', {
      params: { path: { id } },
      headers: { Accept: 'text/csv' },
      parseAs: 'blob',
    }),
  )
}

// --- Live Q&A -----------------------------------------------------------------------------------------

export type Question = Schemas['Question']
export type QuestionStatus = Schemas['QuestionStatus']
export type QuestionUpdate = Schemas['QuestionUpdate']

export async function listQuestions(id: number): Promise<Question[]> {
  return unwrap(await api.GET('/api/events/{id}/questions', { params: { path: { id } } }))
}

export async function askQuestion(id: number, body: Schemas['QuestionRequest']): Promise<Question> {
  return unwrap(await api.POST('/api/events/{id}/questions', { params: { path: { id } }, body }))
}

export async function upvoteQuestion(id: number, questionId: number, manageToken: string): Promise<Question> {
  return unwrap(
    await api.POST('/api/events/{id}/questions/{questionId}/upvote', {
      params: { path: { id, questionId } },
      body: { manageToken },
    }),
  )
}

/** Server-sent events of the visible questions (a SNAPSHOT, then UPSERT/REMOVE/HEARTBEAT); see lib/sse.ts. */
export const questionStreamUrl = (id: number) => `/api/events/${id}/questions/stream`

export async function listAllQuestions(id: number, status?: QuestionStatus): Promise<Question[]> {
  return unwrap(
    await api.GET('/api/events/{id}/questions/manage', { params: { path: { id }, query: status ? { status } : {} } }),
  )
}

export async function approveQuestion(id: number, questionId: number): Promise<Question> {
  return unwrap(await api.POST('/api/events/{id}/questions/{questionId}/approve', { params: { path: { id, questionId } } }))
}

export async function hideQuestion(id: number, questionId: number): Promise<Question> {
  return unwrap(await api.POST('/api/events/{id}/questions/{questionId}/hide', { params: { path: { id, questionId } } }))
}

export async function answerQuestion(id: number, questionId: number, answer: string): Promise<Question> {
  return unwrap(
    await api.POST('/api/events/{id}/questions/{questionId}/answer', { params: { path: { id, questionId } }, body: { answer } }),
  )
}
