/** What the registration pages show about a registration. */
import type { Translate } from '@/lib/api-client'
import type { Tone } from '@/lib/tone'
import type { RegistrationStatus } from './api'

export function registrationStatusLabel(status: RegistrationStatus | undefined, t: Translate): string {
  return status ? t(`events.registrationStatus.${status}`) : ''
}

export function registrationStatusTone(status: RegistrationStatus | undefined): Tone {
  switch (status) {
    case 'CONFIRMED':
      return 'success'
    case 'ATTENDED':
      return 'info'
    case 'WAITLISTED':
      return 'warning'
    case 'CANCELLED':
      return 'danger'
    default:
      return 'neutral'
  }
}
