/** Registration: a patron's seat (or waitlist place), its manage link, feedback, and staff's list of registrants. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ageGroupValues } from '@/api/schema'

type Schemas = components['schemas']

/** The media type of an Excel (.xlsx) file. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export type AgeGroup = Schemas['AgeGroup']

export type RegistrationStatus = Schemas['RegistrationStatus']

export type RegistrationRequest = Schemas['RegistrationRequest']

export type RegistrationResult = Schemas['RegistrationResult']

export type RegistrationView = Schemas['RegistrationView']

export type StaffRegistration = Schemas['StaffRegistration']

export type StaffRegistrationPage = Schemas['StaffRegistrationPage']

export type FeedbackRequest = Schemas['FeedbackRequest']

export type FeedbackSummary = Schemas['FeedbackSummary']

export const AGE_GROUPS: readonly AgeGroup[] = ageGroupValues

export async function register(id: number, body: RegistrationRequest): Promise<RegistrationResult> {
  return unwrap(await api.POST('/api/events/{id}/registrations', { params: { path: { id } }, body }))
}

export async function getRegistration(token: string): Promise<RegistrationView> {
  return unwrap(await api.GET('/api/registrations/{token}', { params: { path: { token } } }))
}

export async function cancelRegistration(token: string): Promise<RegistrationView> {
  return unwrap(await api.DELETE('/api/registrations/{token}', { params: { path: { token } } }))
}

/** Switches this registration's WhatsApp messages off; e-mail carries them from now on. */
export async function stopWhatsapp(token: string): Promise<RegistrationView> {
  return unwrap(await api.DELETE('/api/registrations/{token}/whatsapp', { params: { path: { token } } }))
}

/** UU PDP: erases the guest's personal data (cancelling first if still possible); the manage link then stops working. */
export async function erasePersonalData(token: string): Promise<void> {
  unwrap(await api.DELETE('/api/registrations/{token}/personal-data', { params: { path: { token } } }))
}

export async function sendFeedback(token: string, body: FeedbackRequest): Promise<void> {
  unwrap(await api.POST('/api/registrations/{token}/feedback', { params: { path: { token } }, body }))
}

export const registrationCalendarUrl = (token: string) => `/api/registrations/${encodeURIComponent(token)}/calendar.ics`

/** UU PDP: everything held about the registration, as a JSON file. */
export const registrationExportUrl = (token: string) => `/api/registrations/${encodeURIComponent(token)}/export`

export async function listRegistrations(
  id: number,
  query: { page: number; size: number; status?: RegistrationStatus; q?: string },
): Promise<StaffRegistrationPage> {
  // The operation answers JSON or CSV, so openapi-fetch cannot narrow the body's type: JSON is the default.
  return unwrap(await api.GET('/api/events/{id}/registrations', { params: { path: { id }, query } })) as StaffRegistrationPage
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

/** The registrants as an Excel file for people: Indonesian headers and statuses, times in WITA. */
export async function downloadRegistrationsXlsx(id: number): Promise<Blob> {
  return unwrap(
    await api.GET('/api/events/{id}/registrations', {
      params: { path: { id } },
      headers: { Accept: XLSX },
      parseAs: 'blob',
    }),
  ) as unknown as Blob
}
