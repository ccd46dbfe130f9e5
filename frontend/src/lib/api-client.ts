import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from '@/api/schema'

/** RFC 9457 problem details, as every error response of the Serambi API carries them. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: Array<{ field?: string; message?: string }>
}

/** An error response from the API (non-2xx), with its problem details when the body had them. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  /** Seconds from the Retry-After header (429), when present. */
  readonly retryAfterSeconds: number | null

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfterSeconds = retryAfterSeconds
  }
}

interface AuthHooks {
  /** The current bearer token, or null when logged out. */
  getToken: () => string | null
  /** Called when a request that carried a token got 401 (the token expired or was revoked). */
  onUnauthorized: () => void
  /** The UI language, sent as Accept-Language so the server can localise its messages. */
  getLanguage: () => string
}

let hooks: AuthHooks = {
  getToken: () => null,
  onUnauthorized: () => {},
  getLanguage: () => 'id',
}

/** Lets the auth store and i18n plug into the client without an import cycle. */
export function configureApiClient(next: Partial<AuthHooks>): void {
  hooks = { ...hooks, ...next }
}

const sentToken = new WeakMap<Request, boolean>()

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = hooks.getToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    sentToken.set(request, Boolean(token))
    if (!request.headers.has('Accept-Language')) request.headers.set('Accept-Language', hooks.getLanguage())
    return request
  },
  onResponse({ request, response }) {
    if (response.status === 401 && sentToken.get(request)) hooks.onUnauthorized()
    return response
  },
}

/**
 * The headers the client adds to every request (bearer token, Accept-Language), for the few requests made without
 * it: an XMLHttpRequest upload, whose progress fetch() cannot report.
 */
export function authHeaders(): Record<string, string> {
  const token = hooks.getToken()
  const headers: Record<string, string> = { 'Accept-Language': hooks.getLanguage() }
  if (token) headers.Authorization = `Bearer ${token}`
  return headers
}

/** For requests made without the client: a 401 to a request that carried a token ends the session, as the client does. */
export function reportUnauthorized(): void {
  hooks.onUnauthorized()
}

/** The one API client of the SPA. Paths and bodies are typed from the backend's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' })
api.use(authMiddleware)

/**
 * An anonymous GET made exactly as the browser makes a `Link: rel=preload; as=fetch; crossorigin` (a plain same-origin
 * fetch with no header of the client's own), so that a response the server asked the browser to preload with the page
 * (common/FallbackRoutes, B7) is used rather than requested again once the scripts have arrived. Returns null for a
 * signed-in caller, whose requests carry their token and go through the client. Only for reads whose answer depends
 * on neither the caller nor the language.
 */
export async function getAsPreloaded<T>(url: string): Promise<T | null> {
  if (hooks.getToken()) return null
  const response = await fetch(url)
  const body: unknown = await response.json().catch(() => null)
  return unwrap<T>({ data: body as T, error: body, response })
}

function parseRetryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After')
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

function asProblem(body: unknown): Problem | null {
  if (body && typeof body === 'object') return body as Problem
  return null
}

/** The last segment of a problem's type URI ("https://serambi.id/problems/event-full" -> "event-full"). */
export function problemSlug(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.problem?.type) return null
  const slug = error.problem.type.split('/').pop()
  return slug || null
}

/** Returns the data of an openapi-fetch result, or throws an ApiError for an error response. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { response } = result
  if (!response.ok) {
    throw new ApiError(response.status, asProblem(result.error), parseRetryAfter(response))
  }
  return result.data as T
}

/** What a page shows for a failed request: one message, and a message per form field. */
export interface DisplayableError {
  status: number | null
  message: string
  /** The server's own explanation, for problems the UI has no message of its own for. */
  detail: string | null
  fieldErrors: Record<string, string>
}

export type Translate = (key: string, named?: Record<string, unknown>) => string

/** Statuses with a message of their own in locales/ (`problem.status.<code>`). */
const KNOWN_STATUSES = [400, 401, 403, 404, 409, 412, 413, 422, 428, 429, 500, 502, 503, 504]

/**
 * A field name as the server reports it ("email", "register.request.email", "errors[0].email")
 * reduced to the name of the form field.
 */
export function fieldName(raw: string): string {
  const last = raw.split('.').pop() ?? raw
  return last.replace(/\[\d+\]$/, '')
}

/**
 * Turns anything a request can throw into a message for the user. `overrides` gives a page-specific
 * message per status (e.g. 401 on the login page means "wrong e-mail or password").
 */
export function describeError(
  error: unknown,
  t: Translate,
  overrides: Partial<Record<number, string>> = {},
): DisplayableError {
  if (error instanceof ApiError) {
    const fieldErrors: Record<string, string> = {}
    for (const e of error.problem?.errors ?? []) {
      if (!e.field || !e.message) continue
      const name = fieldName(e.field)
      fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]} ${e.message}` : e.message
    }
    // The server's own title/detail are in English; they are shown only when we have no message of our own.
    let message: string
    let detail: string | null = null
    if (overrides[error.status]) {
      message = overrides[error.status] as string
    } else if (error.status === 429) {
      message =
        error.retryAfterSeconds !== null
          ? t('problem.tooManyRequestsRetry', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
          : t('problem.status.429')
    } else if (KNOWN_STATUSES.includes(error.status)) {
      message = t(`problem.status.${error.status}`)
    } else if (error.status >= 500) {
      message = t('problem.status.500')
    } else {
      message = t('problem.unknown')
      detail = error.problem?.detail || error.problem?.title || null
    }
    return { status: error.status, message, detail, fieldErrors }
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network is down or the server is unreachable.
    return { status: null, message: t('problem.network'), detail: null, fieldErrors: {} }
  }
  return { status: null, message: t('problem.unknown'), detail: null, fieldErrors: {} }
}
