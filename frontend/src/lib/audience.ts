import type { components } from '@/api/schema'
import { enumValues } from './enum-values'

/** Who an event or a challenge is for (the backend's common Audience), shared by events and challenges. */
export type Audience = components['schemas']['Audience']

export const AUDIENCES = enumValues<Audience>({ ALL: true, CHILDREN: true, TEENS: true, ADULTS: true })
