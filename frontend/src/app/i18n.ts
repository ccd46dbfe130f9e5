import {
  createI18n,
  registerMessageResolver,
  type MessageCompiler,
  type MessageContext,
  type MessageFunction,
} from 'petite-vue-i18n'
import type id from '@/locales/id.json'
// The messages the home and event pages read; the rest load with the first page that needs them (B7,
// app/message-sections.ts).
import firstMessages from '@/locales/id.json?first'
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

const compiled = new Map<string, MessageFunction<string>>()
/**
 * Serambi's messages use one piece of vue-i18n's message syntax, named placeholders such as `{name}`, and literals such
 * as `{'@'}` (tests/unit/message-syntax.spec.ts keeps it so). This compiler reads exactly that, so vue-i18n's own
 * compiler stays out of the bundle (vite.config.ts __INTLIFY_DROP_MESSAGE_COMPILER__; B7, bench/b7.sh).
 */
export const compileMessage: MessageCompiler<string> = (message) => {
  const source = typeof message === 'string' ? message : ''
  let format = compiled.get(source)
  if (!format) {
    // Odd places: a placeholder's name or a literal's text (between quotes); even places: text.
    const parts = source.split(/\{\s*('[^']*'|[A-Za-z_][\w-]*)\s*\}/)
    format = ({ named }: MessageContext<string>) =>
      parts
        .map((part, i) => {
          if (i % 2 === 0) return part
          if (part.startsWith("'")) return part.slice(1, -1)
          const value = named(part)
          return value === null || value === undefined ? '' : String(value)
        })
        .join('')
    compiled.set(source, format)
  }
  return format
}

/**
 * petite-vue-i18n, vue-i18n's translation-only distribution (~5 KB smaller: B7), reads flat keys unless told how to
 * walk nested messages: "events.register.heading" is messages.events.register.heading.
 */
registerMessageResolver((messages, path) => {
  let node: unknown = messages
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return null
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' || typeof node === 'function' ? node : null
})

export const i18n = createI18n({
  legacy: false,
  locale: DEFAULT_LANGUAGE,
  fallbackLocale: DEFAULT_LANGUAGE,
  messages: { id: firstMessages as MessageSchema } as Record<string, MessageSchema>,
  messageCompiler: compileMessage,
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

/** Loads a part of the Bahasa Indonesia messages once (a failed load is tried again by the next navigation). */
function partLoader(load: () => Promise<{ default: Record<string, unknown> }>): () => Promise<void> {
  let loading: Promise<void> | undefined
  return () => {
    loading ??= load().then(
      (part) => i18n.global.mergeLocaleMessage('id', part.default),
      (failure: unknown) => {
        loading = undefined
        throw failure
      },
    )
    return loading
  }
}

/** Adds what the public pages other than the home and event pages read (app/message-sections.ts LATER_SECTIONS). */
export const loadLaterMessages = partLoader(() => import('@/locales/id.json?later'))
const loadStaffMessages = partLoader(() => import('@/locales/id.json?staff'))

/** Adds every section the app loaded without (the later and the staff ones), as staff pages and signed-in users need. */
export function loadAllMessages(): Promise<void> {
  return Promise.all([loadLaterMessages(), loadStaffMessages()]).then(() => undefined)
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
