import { afterEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../helpers/test-core'
import type { TestServer } from '../sync/helpers'
import { draftPolicy, LEADER, loginAs, passReview, REVIEWER } from './helpers'
import { deskWithServer } from './desk-server'
import { qaApprove } from './qa-helpers'

let server: TestServer
let t: TestCore
afterEach(async () => {
  await t.cleanup()
  await server.destroy()
})

describe('政策问答 reaches the district only once the final step of the chain approves it (issue 14)', () => {
  it('after 保密审核 alone nothing is sent; after 领导签发 the knowledge base holds it, signed by the final approver', async () => {
    ;({ server, t } = await deskWithServer())
    const policy = await draftPolicy(t)
    await passReview(t, policy.id)
    const qa = await t.call('engagement:qa-save', {
      question: '小微企业补贴怎么申请？',
      answer: '在区政务服务网提交申请。',
      policyItemId: policy.id,
      interpretationItemId: null,
      keywords: '补贴',
      validFrom: null,
      validTo: null,
    })
    await t.call('engagement:qa-submit', { id: qa.id })
    const kb = async () =>
      (
        (await (await fetch(`${server.url}/district/qa.json`)).json()) as {
          entries: { id: string; reviewedBy: string }[]
        }
      ).entries

    await loginAs(t, REVIEWER)
    await qaApprove(t, qa.id)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect(await kb()).toEqual([])

    await loginAs(t, LEADER)
    await qaApprove(t, qa.id)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect(await kb()).toEqual([expect.objectContaining({ id: qa.id, reviewedBy: '刘签发' })])
  })
})
