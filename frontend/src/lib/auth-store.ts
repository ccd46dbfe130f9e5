import { computed, reactive, readonly } from 'vue'
import { ApiError, configureApiClient } from './api-client'
import * as authApi from './auth-api'
import type { Role, User } from './auth-api'

/** The logged-in session: a bearer JWT (kept in localStorage) and the current user, loaded from /api/me. */
interface Session {
  token: string
  /** ISO instant; null when the server gave none. */
  expiresAt: string | null
}

const STORAGE_KEY = 'serambi.session'
/** setTimeout cannot wait longer than about 24.8 days. */
const MAX_TIMEOUT_MS = 2_147_483_647

function isExpired(session: Session): boolean {
  if (!session.expiresAt) return false
  const at = Date.parse(session.expiresAt)
  return !Number.isNaN(at) && at <= Date.now()
}

function readStoredSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<Session>
    if (typeof parsed.token !== 'string' || !parsed.token) return null
    const session: Session = { token: parsed.token, expiresAt: typeof parsed.expiresAt === 'string' ? parsed.expiresAt : null }
    return isExpired(session) ? null : session
  } catch {
    return null
  }
}

function writeStoredSession(session: Session | null): void {
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session))
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    /* storage unavailable: the session lasts until the tab closes */
  }
}

const state = reactive({
  session: null as Session | null,
  user: null as User | null,
})

let expiryTimer: ReturnType<typeof setTimeout> | undefined
let pendingUser: Promise<User | null> | null = null

function applySession(session: Session | null, persist = true): void {
  const changedToken = state.session?.token !== session?.token
  state.session = session
  if (changedToken) state.user = null
  if (persist) writeStoredSession(session)
  clearTimeout(expiryTimer)
  if (session?.expiresAt) {
    const ms = Date.parse(session.expiresAt) - Date.now()
    if (ms > 0 && ms < MAX_TIMEOUT_MS) expiryTimer = setTimeout(() => applySession(null), ms)
  }
}

/** Drops the session locally (logout, expired or revoked token). */
function clearSession(): void {
  pendingUser = null
  applySession(null)
}

const isLoggedIn = computed(() => state.session !== null)
const role = computed<Role | null>(() => state.user?.role ?? null)

/** Loads /api/me once per session; resolves to null when logged out or when the token is no longer valid. */
function ensureCurrentUser(): Promise<User | null> {
  if (!state.session) return Promise.resolve(null)
  if (state.user) return Promise.resolve(state.user)
  if (pendingUser) return pendingUser
  const token = state.session.token
  const request = authApi
    .fetchMe()
    .then((user) => {
      if (state.session?.token === token) state.user = user
      return user
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        if (state.session?.token === token) clearSession()
        return null
      }
      throw error
    })
    .finally(() => {
      if (pendingUser === request) pendingUser = null
    })
  pendingUser = request
  return request
}

async function login(email: string, password: string): Promise<User | null> {
  const response = await authApi.login({ email, password })
  if (!response.token) throw new Error('The login response carried no token')
  applySession({ token: response.token, expiresAt: response.expiresAt ?? null })
  return ensureCurrentUser()
}

function logout(): void {
  clearSession()
}

function setUser(user: User): void {
  if (state.session) state.user = user
}

/** Current session state and actions. One shared instance for the whole app. */
export const auth = {
  state: readonly(state),
  isLoggedIn,
  role,
  hasRole: (...roles: Role[]) => role.value !== null && roles.includes(role.value),
  ensureCurrentUser,
  login,
  logout,
  setUser,
  /** For tests: start from a given session without going through the API. */
  useSession(token: string | null, user: User | null = null, expiresAt: string | null = null) {
    pendingUser = null
    applySession(token ? { token, expiresAt } : null)
    state.user = token ? user : null
  },
}

export function useAuth() {
  return auth
}

// Start from what an earlier visit left behind.
applySession(readStoredSession(), false)

configureApiClient({
  getToken: () => state.session?.token ?? null,
  onUnauthorized: clearSession,
})

// Logging in or out in another tab applies here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return
    applySession(readStoredSession(), false)
  })
}
