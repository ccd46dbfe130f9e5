import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { compileMessage, i18n, loadAllMessages } from '@/app/i18n'
import { messagesPart, STAFF_SECTIONS, type Messages } from '@/app/message-sections'
import en from '@/locales/en.json'
import id from '@/locales/id.json'
import patronBuilt from '@/locales/id.json?patron'
import staffBuilt from '@/locales/id.json?staff'

// B7 (bench/b7.sh): the public pages load only part of the Bahasa Indonesia messages, compiled by app/i18n.ts's small
// compiler instead of vue-i18n's.

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}
const at = (messages: Messages, key: string) =>
  key.split('.').reduce<string | Messages | undefined>((m, k) => (typeof m === 'object' ? m[k] : undefined), messages)

describe('the messages every page loads and the rest', () => {
  const all = id as unknown as Messages
  const patron = messagesPart(all, 'patron')
  const staff = messagesPart(all, 'staff')

  it('split every message into exactly one part, the staff sections into the staff part', () => {
    const patronKeys = keys(patron)
    const staffKeys = keys(staff)
    expect([...patronKeys, ...staffKeys].sort()).toEqual(keys(all).sort())
    expect(patronKeys.filter((k) => staffKeys.includes(k))).toEqual([])
    for (const section of STAFF_SECTIONS) {
      expect(at(all, section), section).toBeTypeOf('object')
      expect(at(patron, section), section).toBeUndefined()
      expect(at(staff, section), section).toEqual(at(all, section))
    }
    expect(at(patron, 'events.register.heading')).toBe(id.events.register.heading)
  })

  it('start with the public part (what the build gives) and hold them all once the rest is loaded', async () => {
    // (patronBuilt is the object i18n holds, to which loading the rest added the staff sections)
    expect(Object.keys(patronBuilt)).toEqual(expect.arrayContaining(Object.keys(patron)))
    expect(staffBuilt).toEqual(staff)
    await loadAllMessages() // tests/unit/setup.ts did already, as the router does before a staff page
    for (const key of keys(all)) expect(i18n.global.te(key, 'id'), key).toBe(true)
    expect(i18n.global.t('campaigns.titles.calendar')).toBe(id.campaigns.titles.calendar)
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
