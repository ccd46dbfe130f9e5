/** Check-in at the event: staff mark a registrant present, by hand or from the patron's QR code. */
import { api, unwrap } from '@/lib/api-client'
import type { StaffRegistration } from '../registration/api'

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
