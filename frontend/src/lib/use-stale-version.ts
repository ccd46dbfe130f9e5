import { ref, type Ref } from 'vue'
import { problemSlug, type Translate } from './api-client'
import type { useFormErrors } from './use-form-errors'

type FormErrors = Pick<ReturnType<typeof useFormErrors>, 'clear' | 'fail'>

export interface StaleVersionOptions<T> {
  /** What the form edits, as last loaded or saved: its version goes with the next save (If-Match). */
  current: Ref<T | null>
  /** Reads the newest version from the server. */
  latest: () => Promise<T>
  /** Loads the newest version into the form, dropping what the user typed. */
  reload: () => Promise<void>
  errors: FormErrors
  /** The page's status line: says when the user kept their changes. */
  announcement: Ref<string>
  t: Translate
}

/**
 * Saving a form whose thing carries a version (If-Match): a 412 stale-version means someone else saved first. Then
 * `stale` is true (StaleVersionAlert shows) and what the user typed stays in the form until they choose:
 * `reloadTheirs` loads the newer version, `keepMine` takes the newer version's number so that saving again
 * replaces the other change.
 */
export function useStaleVersion<T>(options: StaleVersionOptions<T>) {
  const { current, latest, reload, errors, announcement, t } = options
  const stale = ref(false)
  const saving = ref(false)

  /**
   * Runs `write` (one save at a time). A stale version shows the choice; any other error goes to the form, with the
   * page's own message per status from `messages`.
   */
  async function save(write: () => Promise<void>, messages?: (error: unknown) => Partial<Record<number, string>>) {
    if (saving.value) return
    saving.value = true
    try {
      await write()
      stale.value = false
    } catch (error) {
      if (problemSlug(error) === 'stale-version') {
        stale.value = true
        errors.clear()
      } else {
        errors.fail(error, messages?.(error))
      }
    } finally {
      saving.value = false
    }
  }

  async function keepMine() {
    if (current.value === null) return
    try {
      current.value = await latest()
      stale.value = false
      announcement.value = t('common.stale.keptMine')
    } catch (error) {
      errors.fail(error)
    }
  }

  async function reloadTheirs() {
    stale.value = false
    await reload()
  }

  return { stale, saving, save, keepMine, reloadTheirs }
}
