import { computed, nextTick, ref, type Ref } from 'vue'
import { describeError, type DisplayableError, type Translate } from './api-client'

export type Check = { key: string; params?: Record<string, unknown> } | null

/**
 * Error state of one form: client-side checks and server problems end up in the same place, so a field
 * shows one message whichever side found the mistake. `fields` maps field names to input ids and labels.
 */
export function useFormErrors(t: Translate, fields: Ref<Record<string, { id: string; label: string }>>) {
  const problem = ref<DisplayableError | null>(null)
  const fieldErrors = computed(() => problem.value?.fieldErrors ?? {})

  function clear() {
    problem.value = null
  }

  function focusFirstInvalid() {
    void nextTick(() => {
      const first = Object.keys(fieldErrors.value).find((name) => fields.value[name])
      if (first) document.getElementById(fields.value[first]!.id)?.focus()
    })
  }

  /** Runs the checks; on failure shows the messages, focuses the first invalid field and returns false. */
  function validate(checks: Record<string, Check>): boolean {
    const errors: Record<string, string> = {}
    for (const [name, check] of Object.entries(checks)) {
      if (check) errors[name] = t(check.key, check.params)
    }
    if (Object.keys(errors).length === 0) {
      problem.value = null
      return true
    }
    problem.value = { status: null, message: t('problem.status.400'), detail: null, fieldErrors: errors }
    focusFirstInvalid()
    return false
  }

  /** Shows what went wrong with a request. */
  function fail(error: unknown, overrides: Partial<Record<number, string>> = {}) {
    problem.value = describeError(error, t, overrides)
    focusFirstInvalid()
  }

  function errorFor(name: string): string | null {
    return fieldErrors.value[name] ?? null
  }

  return { problem, fieldErrors, clear, validate, fail, errorFor }
}
