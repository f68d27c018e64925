import { afterEach, describe, expect, it } from 'vitest'
import type { Channel } from '../../../src/shared/contract'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { loginAs } from '../items/helpers'

/**
 * Issue 8 point 10: a channel that opens a file dialog checks the role first — a user who may not
 * do the thing never sees a dialog (and so cannot probe the file system through it).
 */

let t: TestCore
afterEach(async () => t.cleanup())

const REVIEWER_ONLY = { username: 'li', displayName: '李审核', password: 'Review1234' }

describe('dialog channels check the role before opening the dialog', () => {
  it.each<[Channel, Record<string, unknown>]>([
    ['items:import-docx', {}],
    ['attachments:add', { itemId: 'any' }],
    ['catalogue:import-xlsx', {}],
    ['review:keywords-import', { mode: 'merge' }],
    ['backup:create', {}],
    ['backup:inspect', {}],
    ['backup:restore', {}],
  ])('%s: FORBIDDEN for a reviewer, no dialog', async (channel, input) => {
    t = await createTestCore()
    await t.call('users:create', { ...REVIEWER_ONLY, roles: ['reviewer'] })
    await loginAs(t, REVIEWER_ONLY)
    t.platform.openAnswers.push('/etc/passwd')
    t.platform.saveAnswers.push('/tmp/x')
    const result = await t.core.dispatch(channel, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(t.platform.dialogs).toEqual([])
  })
})
