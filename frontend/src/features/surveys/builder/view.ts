import type { Tone } from '@/lib/tone'
import type { SurveyStatus } from './api'

/** The colour of a survey's status badge (the word always says it too). */
export function statusTone(status: SurveyStatus): Tone {
  return status === 'PUBLISHED' ? 'success' : status === 'CLOSED' ? 'neutral' : 'warning'
}
