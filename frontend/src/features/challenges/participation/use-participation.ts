import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { useAuth } from '@/lib/auth-store'
import { ApiError } from '@/lib/api-client'
import { todayIn } from '@/lib/format'
import { useLatestLoad } from '@/lib/use-latest-load'
import * as challengesApi from '../catalogue/api'
import * as participationApi from './api'
import type { Progress } from './api'
import { isOpen } from '../catalogue/model'

/** A challenge and, when logged in, my progress in it (null when I have not joined). */
export function useParticipation(challengeId: Ref<number>) {
  const { t } = useI18n()
  const auth = useAuth()
  const progress = ref<Progress | null>(null)

  /** My progress in the challenge: null when logged out or not joined. */
  async function fetchProgress(): Promise<Progress | null> {
    if (!auth.isLoggedIn.value) return null
    try {
      return await participationApi.getProgress(challengeId.value)
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 401)) return null
      throw error
    }
  }

  const {
    data: challenge,
    loading,
    error: loadError,
    load,
  } = useLatestLoad(
    async () => {
      const loaded = await challengesApi.getChallenge(challengeId.value)
      progress.value = await fetchProgress()
      return loaded
    },
    t,
    { messages: () => ({ 404: t('challenges.detail.notFound') }) },
  )

  async function loadProgress() {
    progress.value = challenge.value ? await fetchProgress() : null
  }

  watch(
    [challengeId, auth.isLoggedIn],
    () => {
      if (Number.isInteger(challengeId.value)) void load()
    },
    { immediate: true },
  )

  const open = computed(() => (challenge.value ? isOpen(challenge.value, todayIn()) : false))
  return { challenge, progress, loading, loadError, load, loadProgress, open }
}
