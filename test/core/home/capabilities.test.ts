import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../../src/shared/accounts/capabilities'
import { TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'
import { LEADER, OFFICER, REVIEWER, reviewCore } from '../review/workflow/helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

const USERS = [
  ['起草人', OFFICER],
  ['审核人', REVIEWER],
  ['签发领导', LEADER],
  ['管理员', TEST_ADMIN_LOGIN],
] as const

describe('the session carries the capabilities derived from roles', () => {
  it.each(USERS)('%s: login and app:state carry capabilitiesOf(roles)', async (_name, user) => {
    await t.send('auth:logout', {})
    const session = await t.call('auth:login', { username: user.username, password: user.password })
    expect(session.capabilities).toEqual(capabilitiesOf(session.user.roles))
    const state = await t.call('app:state', {})
    expect(state.session?.capabilities).toEqual(session.capabilities)
  })

  it('reads as the roles say', () => {
    expect(capabilitiesOf(['officer'])).toEqual({
      draft: true,
      review: false,
      sign: false,
      maintain: true,
      admin: false,
    })
    expect(capabilitiesOf(['reviewer'])).toMatchObject({ draft: false, review: true, sign: false })
    expect(capabilitiesOf(['leader'])).toMatchObject({ review: true, sign: true, admin: false })
    expect(capabilitiesOf(['admin'])).toMatchObject({ draft: false, maintain: true, admin: true })
  })

  it.each(USERS)('%s: each flag says what core then allows or refuses', async (_name, user) => {
    await t.send('auth:logout', {})
    const { capabilities } = await t.call('auth:login', {
      username: user.username,
      password: user.password,
    })
    const allowed = async (r: Promise<{ ok: boolean; error?: { code: string } }>) => {
      const result = await r
      if (!result.ok) expect(result.error?.code).toBe('FORBIDDEN')
      return result.ok
    }
    expect(
      await allowed(
        t.send('items:save', {
          kind: 'policy',
          title: '能力检查条目',
          bodyHtml: '<p>正文</p>',
          issuer: '本局',
          docNumber: '无文号',
          signedDate: '2026-11-20',
        }),
      ),
    ).toBe(capabilities.draft)
    expect(await allowed(t.send('users:list', {}))).toBe(capabilities.admin)
    expect(await allowed(t.send('taxonomy:add-topic', { label: `能力${user.username}` }))).toBe(
      capabilities.maintain,
    )
  })
})
