import { createI18n } from 'vue-i18n'
import id from '@/locales/id.json'
import { configureApiClient } from '@/lib/api-client'

export type MessageSchema = typeof id
export const LANGUAGES = ['id', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'id'

const STORAGE_KEY = 'serambi.language'

/** Bahasa Indonesia ships with the app; other languages load when first chosen. */
const loaders: Record<Exclude<Language, 'id'>, () => Promise<{ default: MessageSchema }>> = {
  en: () => import('@/locales/en.json'),
}

export const i18n = createI18n({
  legacy: false,
  locale: DEFAULT_LANGUAGE,
  fallbackLocale: DEFAULT_LANGUAGE,
  messages: { id } as Record<string, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
})

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function currentLanguage(): Language {
  const value = i18n.global.locale.value
  return isLanguage(value) ? value : DEFAULT_LANGUAGE
}

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : null
  } catch {
    return null
  }
}

/** Switches the UI language: loads its messages, sets <html lang>, and remembers it unless `remember` is false. */
export async function setLanguage(language: Language, remember = true): Promise<void> {
  if (!i18n.global.availableLocales.includes(language) && language !== 'id') {
    const messages = await loaders[language]()
    i18n.global.setLocaleMessage(language, messages.default)
  }
  i18n.global.locale.value = language
  document.documentElement.lang = language
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language)
    } catch {
      /* storage unavailable (private mode): the choice lasts for this visit */
    }
  }
}

configureApiClient({ getLanguage: currentLanguage })
