import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'petite-vue-i18n'
import { compileMessage, i18n, loadAllMessages } from '@/app/i18n'
import { LATER_SECTIONS, messagesPart, STAFF_SECTIONS, type Messages } from '@/app/message-sections'
import en from '@/locales/en.json'
import id from '@/locales/id.json'
import firstBuilt from '@/locales/id.json?first'
import laterBuilt from '@/locales/id.json?later'
import staffBuilt from '@/locales/id.json?staff'

// B7 (bench/b7.sh): the home and event pages load only part of the Bahasa Indonesia messages, compiled by app/i18n.ts's
// small compiler instead of vue-i18n's.

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}
const at = (messages: Messages, key: string) =>
  key.split('.').reduce<string | Messages | undefined>((m, k) => (typeof m === 'object' ? m[k] : undefined), messages)

/**
 * The source files a page's code is made of: the file and what it imports, statically (`import type` and `import()`
 * are left out: a lazily loaded component is its own page or loads with the messages of the page that shows it).
 */
function staticImports(entries: string[]): string[] {
  const seen = new Set<string>()
  const stack = entries.map((entry) => path.resolve('src', entry))
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\b)(?:[^'"]*?from\s+)?['"]([^'"?]+)['"]/gm)) {
      const spec = match[1]!
      const base = spec.startsWith('@/') ? path.resolve('src', spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null
      const found = base && [base, `${base}.ts`, `${base}.vue`, `${base}/index.ts`].find((candidate) => existsSync(candidate) && candidate.match(/\.(ts|vue)$/))
      if (found) stack.push(found)
    }
  }
  return [...seen]
}

describe('the messages every page loads and the rest', () => {
  const all = id as unknown as Messages
  const first = messagesPart(all, 'first')
  const later = messagesPart(all, 'later')
  const staff = messagesPart(all, 'staff')

  it('split every message into exactly one part, each listed section whole into its own', () => {
    const parts = [first, later, staff].map((part) => keys(part))
    expect(parts.flat().sort()).toEqual(keys(all).sort())
    expect(new Set(parts.flat()).size).toBe(keys(all).length)
    for (const [sections, part] of [[STAFF_SECTIONS, staff], [LATER_SECTIONS, later]] as const) {
      for (const section of sections) {
        expect(at(all, section), section).toBeDefined()
        expect(at(part, section), section).toEqual(at(all, section))
        for (const other of [first, later, staff].filter((p) => p !== part)) expect(at(other, section), section).toBeUndefined()
      }
    }
    expect(at(first, 'events.register.heading')).toBe(id.events.register.heading)
  })

  it('hold every message the home and event pages read in the first part', () => {
    const files = staticImports([
      'app/main.ts',
      'features/home/pages/HomePage.vue',
      'features/events/catalogue/pages/EventPage.vue',
      // shown by the home page (app/wiring.ts), loaded with it
      'features/events/catalogue/components/UpcomingEvents.vue',
    ])
    expect(files.length).toBeGreaterThan(20)
    const read: string[] = []
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      for (const match of source.matchAll(/\bt\(\s*(['`])([a-zA-Z][\w.]*)(\$\{)?/g)) {
        const [, quote, key, template] = match
        // A key built at run time (`events.types.${type}`) must at least have its section in the first part.
        const wanted = template && quote === '`' ? key!.replace(/\.$/, '') : key!
        if (!wanted.includes('.')) continue
        read.push(wanted)
        expect(at(first, wanted), `${path.relative('src', file)} reads ${wanted}`).toBeDefined()
      }
    }
    expect(read).toContain('events.register.whatsappConfirmation')
  })

  it('start with the first part (what the build gives) and hold them all once the rest is loaded', async () => {
    // (firstBuilt is the object i18n holds, to which loading the rest added the other sections)
    expect(Object.keys(firstBuilt)).toEqual(expect.arrayContaining(Object.keys(first)))
    expect(laterBuilt).toEqual(later)
    expect(staffBuilt).toEqual(staff)
    await loadAllMessages() // tests/unit/setup.ts did already, as the router does before a staff page
    const held = i18n.global.getLocaleMessage('id') as unknown as Messages
    for (const key of keys(all)) expect(at(held, key), key).toBe(at(all, key))
    expect(i18n.global.t('campaigns.titles.calendar')).toBe(id.campaigns.titles.calendar)
    expect(i18n.global.t('account.login.heading')).toBe(id.account.login.heading)
  })
})

describe("the app's message compiler", () => {
  const ours = createI18n({
    legacy: false, locale: 'id', messages: { id, en }, messageCompiler: compileMessage, missingWarn: false, fallbackWarn: false,
  })

  it.each(['id', 'en'] as const)('fills in the named placeholders of every %s message', (locale) => {
    const messages = (locale === 'id' ? id : en) as unknown as Messages
    ours.global.locale.value = locale
    for (const key of keys(messages)) {
      const text = at(messages, key) as string
      const params: Record<string, unknown> = {}
      for (const [i, m] of [...text.matchAll(/\{\s*([A-Za-z_][\w-]*)\s*\}/g)].entries()) params[m[1]!] = i % 2 ? 42 : 'Sari'
      const expected = text.replace(/\{\s*([A-Za-z_][\w-]*)\s*\}/g, (_, name: string) => String(params[name]))
      expect(ours.global.t(key, params), key).toBe(expected)
    }
    expect(ours.global.t('nav.signedInAs', { name: 'Sari' })).toBe(locale === 'id' ? 'Masuk sebagai Sari' : 'Signed in as Sari')
  })

  it('meets only the syntax it reads: named placeholders and quoted literals', () => {
    for (const messages of [id, en] as unknown as Messages[]) {
      for (const key of keys(messages)) {
        const rest = (at(messages, key) as string).replace(/\{\s*('[^']*'|[A-Za-z_][\w-]*)\s*\}/g, '')
        // vue-i18n reads { } @ | as syntax: write them as literals, e.g. {'@'}
        expect(rest, key).not.toMatch(/[{}@|]/)
      }
    }
    const format = compileMessage("surel{'@'}contoh.id, {name}{missing}", {} as never)
    expect(format({ named: (k: string) => (k === 'name' ? 'Sari' : undefined) } as never)).toBe('surel@contoh.id, Sari')
  })
})
