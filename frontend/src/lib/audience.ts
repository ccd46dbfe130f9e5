import type { components } from '@/api/schema'
import { audienceValues } from '@/api/schema'

/** Who an event or a challenge is for (the backend's common Audience), shared by events and challenges. */
export type Audience = components['schemas']['Audience']

export const AUDIENCES: readonly Audience[] = audienceValues
