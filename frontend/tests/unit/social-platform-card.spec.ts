import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/app/i18n'
import PlatformCard from '@/features/social/components/PlatformCard.vue'
import type { ConnectionView } from '@/features/social/api'

/** A connection as the API sends it: every property, null where it has no value. */
function connection(c: Pick<ConnectionView, 'platform' | 'state'> & Partial<ConnectionView>): ConnectionView {
  return { name: null, externalId: null, method: null, expiresAt: null, connectedAt: null, connectedBy: null, reason: null,
    appConfigured: true, systemUserTokens: true, ...c }
}

describe('PlatformCard', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-02T00:00:00Z'))
    i18n.global.locale.value = 'id'
  })
  afterEach(() => vi.useRealTimers())

  it('shows the account, who connected it and how soon its token expires', () => {
    const wrapper = mount(PlatformCard, {
      props: {
        connection: connection({ platform: 'FACEBOOK', state: 'CONNECTED', name: 'Perpustakaan Kota Banjarbaru', method: 'OAUTH',
          expiresAt: '2026-12-07T12:00:00Z', connectedAt: '2026-11-20T02:15:00Z', connectedBy: { id: 3, name: 'Rina' },
          appConfigured: true, systemUserTokens: true }),
        connecting: false, disconnecting: false,
      },
      global: { plugins: [i18n] },
    })
    expect(wrapper.text()).toContain('Tersambung')
    expect(wrapper.text()).toContain('Perpustakaan Kota Banjarbaru')
    expect(wrapper.text()).toContain('kedaluwarsa dalam 5 hari')
    expect(wrapper.text()).toContain('oleh Rina')
    expect(wrapper.text()).toContain('Sambungkan ulang dengan Facebook')
    expect(wrapper.text()).toContain('Putuskan Facebook')
  })

  it('warns that a revoked connection needs reconnecting, with the platform’s message', () => {
    const wrapper = mount(PlatformCard, {
      props: {
        connection: connection({ platform: 'INSTAGRAM', state: 'NEEDS_RECONNECT', name: 'perpuskotabjb', method: 'SYSTEM_USER',
          reason: 'Error validating access token (code 190)', appConfigured: false, systemUserTokens: true }),
        connecting: false, disconnecting: false,
      },
      global: { plugins: [i18n] },
    })
    expect(wrapper.text()).toContain('Perlu disambungkan ulang')
    expect(wrapper.text()).toContain('Error validating access token (code 190)')
    expect(wrapper.text()).toContain('tidak kedaluwarsa')
    // Without the Meta app, no sign-in button: the system-user token is the way.
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Sambungkan ulang dengan Facebook')
  })

  it('offers to connect a platform that is not connected, and nothing to disconnect', async () => {
    const wrapper = mount(PlatformCard, {
      props: { connection: connection({ platform: 'X', state: 'NOT_CONNECTED', appConfigured: true, systemUserTokens: false }),
        connecting: false, disconnecting: false },
      global: { plugins: [i18n] },
    })
    expect(wrapper.text()).toContain('Belum tersambung')
    const buttons = wrapper.findAll('button')
    expect(buttons.map((b) => b.text())).toEqual(['Sambungkan dengan X'])
    await buttons[0]!.trigger('click')
    expect(wrapper.emitted('connect')).toHaveLength(1)
  })
})
