/** A variant's way to its platform (its delivery), as staff read it: the word, the tone and what they may do. */
import type { Tone } from '@/lib/tone'
import type { components } from '@/api/schema'

type Delivery = components['schemas']['Delivery']
type PostStatus = components['schemas']['PostStatus']

export function deliveryTone(delivery: Delivery | null | undefined): Tone {
  switch (delivery) {
    case 'PUBLISHED':
      return 'success'
    case 'SCHEDULED':
    case 'PUBLISHING':
      return 'info'
    case 'RETRY_WAIT':
    case 'MANUAL_DUE':
    case 'CHECK_NEEDED':
      return 'warning'
    case 'FAILED':
    case 'MISSED':
      return 'danger'
    default:
      return 'neutral'
  }
}

/** Retry and mark as published: only on a scheduled post, for a variant that did not go out by itself. */
export function canRecover(postStatus: PostStatus | null | undefined, delivery: Delivery | null | undefined): boolean {
  return (
    postStatus === 'SCHEDULED' &&
    (delivery === 'CHECK_NEEDED' || delivery === 'FAILED' || delivery === 'MISSED' || delivery === 'MANUAL_DUE')
  )
}
