/** How the media library shows a file: its size, dimensions, length and where the browser loads it from. */

const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'id-ID')

/** "245 KB", "12,3 MB" (decimal comma in Indonesian). */
export function formatBytes(bytes: number | null | undefined, locale: string): string {
  if (bytes == null || !Number.isFinite(bytes)) return '–'
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`
}

/** "1080 × 1350 px" */
export function formatDimensions(width: number | null | undefined, height: number | null | undefined): string {
  return width && height ? `${width} × ${height} px` : '–'
}

/** "0:12", "2:05" for a video's length. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return ''
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * The file's address on this origin (/media/<name>): the public URL names the configured public host, which the
 * browser may not be on (a test server, a local copy), and the page's CSP loads images from its own origin only.
 */
export function localPath(publicUrl: string | null | undefined): string {
  if (!publicUrl) return ''
  try {
    return new URL(publicUrl).pathname
  } catch {
    return publicUrl
  }
}

/** The types the library takes, for the file input's accept list (the server checks the bytes anyway). */
export const ACCEPT = 'image/jpeg,image/png,image/webp,video/mp4,.jpg,.jpeg,.png,.webp,.mp4'
