import { describe, expect, it } from 'vitest'
import { buildApi, CHANNELS, contract } from '../../src/shared/contract'
import { ok } from '../../src/shared/result'

describe('contract', () => {
  it('names every channel domain:verb', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/)
  })

  it('builds named functions that invoke their own channel with an empty object by default', async () => {
    const calls: [string, unknown][] = []
    const api = buildApi(async (channel, input) => {
      calls.push([channel, input])
      return ok(null)
    })
    await api.users.resetPassword({ id: 'u1', password: 'Abc12345' })
    await api.app.state(undefined as never)
    expect(calls).toEqual([
      ['users:reset-password', { id: 'u1', password: 'Abc12345' }],
      ['app:state', {}],
    ])
    expect(Object.keys(api).sort()).toEqual([
      'accounts',
      'activities',
      'app',
      'attachments',
      'audit',
      'auth',
      'backup',
      'calendar',
      'catalogue',
      'drafting',
      'engagement',
      'home',
      'items',
      'report',
      'requests',
      'review',
      'schedule',
      'settings',
      'setup',
      'shell',
      'sync',
      'taxonomy',
      'users',
    ])
  })

  it('fills audit paging defaults', () => {
    expect(contract['audit:list'].input.parse({})).toEqual({ offset: 0, limit: 50 })
  })
})
