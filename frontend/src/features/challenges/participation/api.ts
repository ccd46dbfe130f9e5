/** Taking part: joining, the reading log and progress; staff's review of logs, codes, results and shared reviews. */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'

type Schemas = components['schemas']

export type JoinRequest = Schemas['JoinRequest']

export type Participant = Schemas['ParticipantResponse']

export type ReadingLogRequest = Schemas['ReadingLogRequest']

export type ReadingLog = Schemas['ReadingLog']

export type LogStatus = Schemas['LogStatus']

export type Logged = Schemas['LoggedResponse']

export type Progress = Schemas['Progress']

export type StaffReadingLog = Schemas['StaffReadingLog']

export type ResultRow = Schemas['ResultRow']

export type Code = Schemas['Code']

export type CodeRequest = Schemas['CodeRequest']

export type SharedReview = Schemas['SharedReview']

export async function join(id: number, body: JoinRequest): Promise<Participant> {
  return unwrap(await api.POST('/api/challenges/{id}/participants', { params: { path: { id } }, body }))
}

export async function getProgress(id: number): Promise<Progress> {
  return unwrap(await api.GET('/api/challenges/{id}/me', { params: { path: { id } } }))
}

export async function logReading(id: number, body: ReadingLogRequest): Promise<Logged> {
  return unwrap(await api.POST('/api/challenges/{id}/logs', { params: { path: { id } }, body }))
}

export async function myLogs(id: number): Promise<ReadingLog[]> {
  return unwrap(await api.GET('/api/challenges/{id}/logs/mine', { params: { path: { id } } }))
}

export async function editLog(id: number, logId: number, body: ReadingLogRequest): Promise<ReadingLog> {
  return unwrap(await api.PUT('/api/challenges/{id}/logs/{logId}', { params: { path: { id, logId } }, body }))
}

export async function deleteLog(id: number, logId: number): Promise<void> {
  unwrap(await api.DELETE('/api/challenges/{id}/logs/{logId}', { params: { path: { id, logId } } }))
}

export async function setHidden(id: number, hidden: boolean): Promise<Progress> {
  return unwrap(await api.PUT('/api/challenges/{id}/me/visibility', { params: { path: { id } }, body: { hidden } }))
}

export async function redeemCode(id: number, code: string): Promise<Progress> {
  return unwrap(await api.POST('/api/challenges/{id}/codes/redeem', { params: { path: { id } }, body: { code } }))
}

export async function listLogs(id: number, status: LogStatus = 'FLAGGED'): Promise<StaffReadingLog[]> {
  return unwrap(await api.GET('/api/challenges/{id}/logs', { params: { path: { id }, query: { status } } }))
}

export async function approveLog(id: number, logId: number): Promise<void> {
  unwrap(await api.POST('/api/challenges/{id}/logs/{logId}/approve', { params: { path: { id, logId } } }))
}

export async function voidLog(id: number, logId: number): Promise<void> {
  unwrap(await api.POST('/api/challenges/{id}/logs/{logId}/void', { params: { path: { id, logId } } }))
}

export async function listResults(id: number): Promise<ResultRow[]> {
  // The operation answers JSON or CSV, so openapi-fetch cannot narrow the body's type: JSON is the default.
  return unwrap(await api.GET('/api/challenges/{id}/results', { params: { path: { id } } })) as ResultRow[]
}

/** The results as a CSV file (the same client, so the bearer token and language go along). */
export async function downloadResultsCsv(id: number): Promise<Blob> {
  return unwrap(
    await api.GET('/api/challenges/{id}/results', {
      params: { path: { id } },
      headers: { Accept: 'text/csv' },
      parseAs: 'blob',
    }),
  )
}

/** The results as an Excel file for people, with Indonesian headers. */
export async function downloadResultsXlsx(id: number): Promise<Blob> {
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  return unwrap(
    await api.GET('/api/challenges/{id}/results', { params: { path: { id } }, headers: { Accept: xlsx }, parseAs: 'blob' }),
  ) as unknown as Blob
}

export async function listCodes(id: number): Promise<Code[]> {
  return unwrap(await api.GET('/api/challenges/{id}/codes', { params: { path: { id } } }))
}

export async function createCode(id: number, body: CodeRequest): Promise<Code> {
  return unwrap(await api.POST('/api/challenges/{id}/codes', { params: { path: { id } }, body }))
}

export async function listSharedReviews(limit = 100): Promise<SharedReview[]> {
  return unwrap(await api.GET('/api/challenges/reviews', { params: { query: { limit } } }))
}
