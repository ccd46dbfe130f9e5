/**
 * What the post pages compute, kept apart from the pages so it is testable: character counts as the backend
 * counts them, the actions a post allows, and its previews.
 */
import type { SocialPlatform } from '../api'
import type { PostView } from './api'


/** Each platform's limit, as the backend's SocialPlatform enum has them. */
export const PLATFORM_LIMITS: Readonly<Record<SocialPlatform, number>> = { FACEBOOK: 63_206, INSTAGRAM: 2_200, X: 280 }

/** What t.co makes of any link on X (CharacterCount.X_URL_LENGTH). */
export const X_URL_LENGTH = 23

/**
 * A link as the backend's CharacterCount finds one: `https?://\S+`, case-insensitive. Java's `\S` is ASCII-only
 * ([^ \t\n\x0B\f\r]), so a no-break space belongs to the link there; JavaScript's `\S` would stop at it.
 */
// eslint-disable-next-line no-control-regex -- \x0B is part of Java's \s, on purpose
const URL = /https?:\/\/[^ \t\n\x0B\f\r]+/gi

let segmenter: Intl.Segmenter | null = null

export function segments(text: string): string[] {
  // Plain ASCII (the common case, and 63,206 characters of it on Facebook) is one character per unit, except CR LF.
  // eslint-disable-next-line no-control-regex -- any ASCII, control characters included
  if (/^[\x00-\x7F]*$/.test(text) && !text.includes('\r\n')) return [...text]
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  return Array.from(segmenter.segment(text), (s) => s.segment)
}

/** User-perceived characters (extended grapheme clusters): an emoji, a flag or a ZWJ family is one. */
export function graphemes(text: string): number {
  return text ? segments(text).length : 0
}

/**
 * The text as the platform weighs it: each grapheme weighs 1, and on X each link is one unit weighing 23. The
 * segments between links are split on their own, as the backend does.
 */
function units(platform: SocialPlatform, text: string): Array<{ text: string; weight: number }> {
  const out: Array<{ text: string; weight: number }> = []
  const plain = (part: string) => segments(part).forEach((g) => out.push({ text: g, weight: 1 }))
  if (platform !== 'X') {
    plain(text)
    return out
  }
  let last = 0
  for (const match of text.matchAll(URL)) {
    plain(text.slice(last, match.index))
    out.push({ text: match[0], weight: X_URL_LENGTH })
    last = match.index + match[0].length
  }
  plain(text.slice(last))
  return out
}

/** A variant's length as the backend counts it (CharacterCount.count): graphemes, and on X 23 per link. */
export function countCharacters(platform: SocialPlatform, text: string | null | undefined): number {
  if (!text) return 0
  return units(platform, text).reduce((sum, u) => sum + u.weight, 0)
}

export interface CounterState {
  count: number
  limit: number
  /** Negative when over. */
  remaining: number
  /** At or over the limit: the counter turns red. */
  atLimit: boolean
  /** Over the limit: the backend would refuse it. */
  over: boolean
}

export function counterState(platform: SocialPlatform, text: string | null | undefined): CounterState {
  const count = countCharacters(platform, text)
  const limit = PLATFORM_LIMITS[platform]
  return { count, limit, remaining: limit - count, atLimit: count >= limit, over: count > limit }
}

/**
 * The text split where X stops counting: what fits in the limit and what does not (X highlights the overflow).
 * Links count 23 whatever their length, as on X.
 */
export function splitAtLimit(platform: SocialPlatform, text: string): { fits: string; overflow: string } {
  const limit = PLATFORM_LIMITS[platform]
  let count = 0
  let end = 0
  for (const unit of units(platform, text)) {
    if (count + unit.weight > limit) return { fits: text.slice(0, end), overflow: text.slice(end) }
    count += unit.weight
    end += unit.text.length
  }
  return { fits: text, overflow: '' }
}




/** The actions the workflow allows this caller on this post, in the order the page shows them. */
export type PostAction = 'submit' | 'approve' | 'reject' | 'schedule' | 'publish'

export function allowedActions(post: Pick<PostView, 'status' | 'authorId'>, role: string | null, userId: number | null): PostAction[] {
  const staff = role === 'STAFF' || role === 'ADMIN'
  const reviewer = role === 'REVIEWER' || role === 'ADMIN'
  const author = userId !== null && post.authorId === userId
  switch (post.status) {
    case 'DRAFT':
      return staff ? ['submit'] : []
    case 'IN_REVIEW':
      return reviewer && !author ? ['approve', 'reject'] : []
    case 'APPROVED':
      return staff ? ['schedule', 'publish'] : []
    case 'SCHEDULED':
      return staff ? ['publish'] : []
    default:
      return []
  }
}

/** Why a reviewer cannot approve this post, or null when they can (or the post is not in review). */
export function cannotReviewReason(post: Pick<PostView, 'status' | 'authorId'>, role: string | null, userId: number | null): 'own' | 'role' | null {
  if (post.status !== 'IN_REVIEW') return null
  if (role !== 'REVIEWER' && role !== 'ADMIN') return 'role'
  if (userId !== null && post.authorId === userId) return 'own'
  return null
}

/** The variant's index and field of a problem's field error ("variants[1].text" -> { index: 1, field: 'text' }). */
export function variantFieldError(field: string): { index: number; field: string } | null {
  const m = /^variants\[(\d+)\]\.(\w+)$/.exec(field)
  return m ? { index: Number(m[1]), field: m[2]! } : null
}

/** Hashtags as typed ("#Literasi, baca  #BukuBaru") -> ["Literasi", "baca", "BukuBaru"], each once. */
export function parseHashtags(input: string): string[] {
  const tags = input
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^#+/, '').trim())
    .filter(Boolean)
  return [...new Set(tags)]
}

/** A variant's starting text from the shared content: the body, then the hashtags. */
export function textFromBody(body: string, hashtags: readonly string[]): string {
  const tags = hashtags.map((tag) => `#${tag}`).join(' ')
  return [body.trim(), tags].filter(Boolean).join('\n\n')
}


export interface PreviewToken {
  kind: 'text' | 'link' | 'tag' | 'mention'
  value: string
}

const TOKEN = /(https?:\/\/[^\s]+)|([#＃][\p{L}\p{N}_]+)|(@[A-Za-z0-9_.]+)/giu

/** The text split into what a platform shows as plain text, links, hashtags and mentions. */
export function previewTokens(text: string): PreviewToken[] {
  const tokens: PreviewToken[] = []
  let last = 0
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) tokens.push({ kind: 'text', value: text.slice(last, match.index) })
    tokens.push({ kind: match[1] ? 'link' : match[2] ? 'tag' : 'mention', value: match[0] })
    last = match.index + match[0].length
  }
  if (last < text.length) tokens.push({ kind: 'text', value: text.slice(last) })
  return tokens
}

/** How X shows a link: without the scheme, cut after 26 characters. */
export function shortLink(url: string): string {
  const bare = url.replace(/^https?:\/\/(www\.)?/i, '')
  return bare.length > 26 ? `${bare.slice(0, 25)}…` : bare
}

/** An account handle from the library's name: "Perpustakaan Kota Banjarbaru" -> "perpustakaankotabanjarbaru". */
export function handleFrom(name: string): string {
  const handle = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase()
  return handle || 'perpustakaan'
}

/** Instagram shows the first 125 characters of a caption before "… more". */
export const INSTAGRAM_FOLD = 125


/**
 * What scheduling a post does to one variant, said plainly: it goes out by itself at its time (its platform is
 * connected), or the author is reminded at its time to post it by hand (marked manual, or its account is not
 * connected), or it has no time yet, or it is already out. `unknown`: whether its account is connected could not be
 * read (a reviewer may not read the connections).
 */
export type OutcomeKind = 'auto' | 'manual' | 'notConnected' | 'noTime' | 'published' | 'unknown'

export interface VariantOutcome {
  platform: SocialPlatform
  kind: OutcomeKind
  /** The scheduled time (or the time it went out, when published). */
  at: string | null
}

export function variantOutcomes(
  post: Pick<PostView, 'variants'>,
  connected: ReadonlySet<SocialPlatform> | null,
): VariantOutcome[] {
  return (post.variants ?? []).map((v) => {
    const platform = v.platform!
    if (v.delivery === 'PUBLISHED') return { platform, kind: 'published', at: v.publishedAt ?? null }
    if (!v.scheduledAt) return { platform, kind: 'noTime', at: null }
    const kind: OutcomeKind = v.manual ? 'manual' : connected === null ? 'unknown' : connected.has(platform) ? 'auto' : 'notConnected'
    return { platform, kind, at: v.scheduledAt }
  })
}

/**
 * The one time and the platforms when every variant goes out by itself at the same minute (the schedule button can
 * then say it all: "Jadwalkan untuk diterbitkan otomatis pada Sen, 7 Des 19.00 WITA ke Instagram, X"); otherwise null.
 */
export function allAutomaticAt(outcomes: readonly VariantOutcome[]): { at: string; platforms: SocialPlatform[] } | null {
  if (outcomes.length === 0 || outcomes.some((o) => o.kind !== 'auto' || !o.at)) return null
  const minute = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000)
  const first = outcomes[0]!.at!
  return outcomes.every((o) => minute(o.at!) === minute(first)) ? { at: first, platforms: outcomes.map((o) => o.platform) } : null
}

/**
 * The platforms' media problems with the post's saved files (Instagram needs an image or a video): the post cannot be
 * submitted, approved or scheduled while there are any.
 */
export function mediaBlockers(post: Pick<PostView, 'mediaCheck'>): Array<{ platform: SocialPlatform; problem: string }> {
  return (post.mediaCheck ?? []).flatMap((c) => (c.problems ?? []).map((problem) => ({ platform: c.platform!, problem })))
}
