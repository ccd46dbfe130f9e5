/** A `next` target is followed only when it is a path inside this app (no other origin, no protocol). */
export function safeNext(next: unknown, fallback = '/akun'): string {
  const value = Array.isArray(next) ? next[0] : next
  if (typeof value !== 'string') return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  return value
}
