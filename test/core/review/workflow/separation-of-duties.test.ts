import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import {
  approve,
  decision,
  fieldsOf,
  LEADER,
  loginAdmin,
  loginAs,
  newItem,
  OFFICER_REVIEWER,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

describe('separation of duties (谁起草、不签审查; 保密审查 rules)', () => {
  it("refuses the author's approval at every step even when the author holds all four roles (the first admin)", async () => {
    await loginAdmin(t)
    const item = await newItem(t)
    await submit(t, item)

    const view = await t.call('review:get', { itemId: item.id })
    expect(view.canDecide).toBe(false)
    expect(view.cannotDecideReason).toBe('own_item')
    expect(await t.call('review:queue', {})).toHaveLength(0)
    const step1 = await t.send('review:decide', await decision(t, item.id))
    expect(step1.ok ? null : step1.error).toEqual({
      code: 'FORBIDDEN',
      message: '不能审查自己起草的信息',
    })
    // Also 退回/不予公开/报上级: the author decides nothing.
    const ret = await t.send(
      'review:decide',
      await decision(t, item.id, { decision: 'return', comments: [{ text: '自己退回' }] }),
    )
    expect(ret.ok ? null : ret.error.code).toBe('FORBIDDEN')

    await loginAs(t, REVIEWER)
    await approve(t, item.id)
    await loginAdmin(t)
    const step2 = await t.send('review:decide', await decision(t, item.id))
    expect(step2.ok ? null : step2.error.message).toBe('不能审查自己起草的信息')

    await loginAs(t, LEADER)
    expect((await approve(t, item.id)).item.status).toBe('approved')
  })

  it('treats anyone who authored a revision since the last approval as an author', async () => {
    const item = await newItem(t)
    await loginAs(t, OFFICER_REVIEWER)
    const edited = await t.call('items:save', { ...fieldsOf(item), title: `${item.title}（修改）` })
    await submit(t, edited)
    await loginAs(t, REVIEWER)
    // 张起草 (creator) submitted nothing, but 孙两岗 edited and submitted: both are authors.
    await approve(t, item.id)
    await loginAs(t, OFFICER_REVIEWER)
    const view = await t.call('review:get', { itemId: item.id })
    expect(view.cannotDecideReason).toBe('own_item')
  })

  it('an officer who also reviews may review a colleague’s item', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, OFFICER_REVIEWER)
    const view = await approve(t, item.id)
    expect(view.review?.currentStep).toBe(1)
  })

  it("only the step's role may decide, and steps run in order", async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, LEADER)
    const early = await t.send('review:decide', await decision(t, item.id))
    expect(early.ok ? null : early.error.code).toBe('FORBIDDEN')
    expect((await t.call('review:get', { itemId: item.id })).cannotDecideReason).toBe('wrong_role')
    await loginAs(t, REVIEWER)
    const skip = await t.send('review:decide', await decision(t, item.id, { stepIndex: 1 }))
    expect(skip.ok ? null : skip.error.code).toBe('CONFLICT')
    await approve(t, item.id)
    const again = await t.send('review:decide', await decision(t, item.id))
    expect(again.ok ? null : again.error.code).toBe('FORBIDDEN')
  })
})
