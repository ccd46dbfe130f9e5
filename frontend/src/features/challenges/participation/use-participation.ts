import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAuth } from '@/lib/auth-store'
import { ApiError, describeError, type DisplayableError } from '@/lib/api-client'
import { todayIn } from '@/lib/format'
import * as challengesApi from '../catalogue/api'
import * as participationApi from './api'
import type { Challenge } from '../catalogue/api'
import type { Progress } from './api'
import { isOpen } from '../catalogue/model'

/** A challenge and, when logged in, my progress in it (null when I have not joined). */
export function useParticipation(challengeId: Ref<number>) {
  const { t } = useI18n()
  const auth = useAuth()
  const challenge = ref<Challenge | null>(null)
  const progress = ref<Progress | null>(null)
  const loading = ref(false)
  const loadError = ref<DisplayableError | null>(null)

  async function loadProgress() {
    if (!auth.isLoggedIn.value || !challenge.value) {
      progress.value = null
      return
    }
    try {
      progress.value = await participationApi.getProgress(challengeId.value)
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 401)) progress.value = null
      else throw error
    }
  }

  async function load() {
    if (!Number.isInteger(challengeId.value)) return
    loading.value = true
    loadError.value = null
    try {
      challenge.value = await challengesApi.getChallenge(challengeId.value)
      await loadProgress()
    } catch (error) {
      loadError.value = describeError(error, t, { 404: t('challenges.detail.notFound') })
    } finally {
      loading.value = false
    }
  }

  watch([challengeId, auth.isLoggedIn], load, { immediate: true })

  const open = computed(() => (challenge.value ? isOpen(challenge.value, todayIn()) : false))
  return { challenge, progress, loading, loadError, load, loadProgress, open }
}
