import { afterEach, describe, expect, it } from 'vitest'
import { receiveComments } from '../../../src/core/engagement/comments'
import { adoptionFigures, commentRows } from '../../../src/core/engagement/result-basis'
import type { CommentDecision } from '../../../src/shared/engagement/types'
import type { TestCore } from '../../helpers/test-core'
import { decision } from '../review/workflow/helpers'
import {
  consultationInput,
  draftPolicy,
  loginAs,
  OFFICER,
  openStore,
  approve,
  LEADER,
  passReview,
  received,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

const FORM = '坚决反对把社保年限定为一年，建议改为六个月，这样刚落户的小微企业也能享受补贴政策。'

/** A consultation (11-27 … 12-10) whose notice passed review, with `bodies` received online. */
async function consultationWith(
  comments: { body: string; type?: 'public' | 'company' | 'association' | 'expert' | 'other' }[],
) {
  t = await reviewCore()
  const draft = await draftPolicy(t)
  const opened = await t.call('engagement:consultation-open', consultationInput(draft.id))
  await passReview(t, opened.notice!.id)
  const store = await openStore(t)
  const feed = comments.map((c) =>
    received(opened.id, c.body, c.type ? { commenterType: c.type } : {}),
  )
  await receiveComments(store.db, feed, t.clock.clock)
  await store.close()
  return { id: opened.id, feedIds: feed.map((c) => c.id) }
}

const decide = (
  consultationId: string,
  commentId: string,
  decision: CommentDecision,
  reason: string,
  wholeGroup = false,
) =>
  t.send('engagement:comment-decide', {
    consultationId,
    commentId,
    wholeGroup,
    decision,
    reason,
    paragraphNo: null,
    changedRevision: null,
  })

/** Past the period (12-11 in Beijing), logged in again after the idle lock. */
async function afterPeriod(): Promise<void> {
  t.clock.set(new Date('2026-12-11T01:00:00.000Z'))
  await loginAs(t, OFFICER)
}

/** The adoption result's counts as stored, and as its text states them. */
async function countsOf(consultationId: string) {
  const store = await openStore(t)
  const figures = adoptionFigures(await commentRows(store.db, consultationId))
  await store.close()
  return figures
}

describe('采纳情况说明 by 身份: the counts by commenter type come from the comments (713号令第十五条)', () => {
  it('counts a mixed set by type — online 身份 from the public form, a letter typed in as 专家学者, one re-typed by the officer', async () => {
    const { id, feedIds } = await consultationWith([
      { body: '第二条应写明是否包括个体工商户。' },
      { body: '建议补贴资金按季度拨付，减轻企业垫资压力。', type: 'company' },
      { body: '建议明确申报材料清单，压缩审核时限。' },
    ])
    // A letter from a university professor, registered at 07:30 on 11-27 in Beijing (still
    // 11-26 in UTC): the receipt says the office day, with the 线下 prefix.
    t.clock.set(new Date('2026-11-26T23:30:00.000Z'))
    await loginAs(t, OFFICER)
    const letter = await t.call('engagement:comment-add', {
      consultationId: id,
      body: '从政策评估角度，建议设置一年后的实施效果评估条款。',
      paragraphNo: null,
      commenterName: '某大学公共管理学院',
      contact: '13900001111',
      commenterType: 'expert',
      channel: 'letter',
    })
    expect(letter.receiptNo).toBe('线下202611270001')
    expect(letter.commenterType).toBe('expert')
    // The officer learns the third online commenter speaks for the 个体私营企业协会.
    const typed = await t.call('engagement:comment-type', {
      commentId: feedIds[2]!,
      commenterType: 'association',
    })
    expect(typed.commenterType).toBe('association')
    const list = await t.call('engagement:comments', { id })
    expect(list.comments.map((c) => c.commenterType).sort()).toEqual([
      'association',
      'company',
      'expert',
      'public',
    ])
    for (const c of list.comments) {
      expect((await decide(id, c.id, 'partly', '部分采纳，在实施细则中明确')).ok).toBe(true)
    }
    await afterPeriod()
    const result = await t.call('engagement:result-generate', { id })
    expect(await countsOf(id)).toMatchObject({
      total: 4,
      byType: { public: 1, company: 1, association: 1, expert: 1, other: 0 },
      byDecision: { adopted: 0, partly: 4, rejected: 0, out_of_scope: 0 },
    })
    expect(result.bodyHtml).toContain(
      '按来源分：社会公众 1 条，企业 1 条，行业协会商会 1 条，专家学者 1 条。',
    )
    expect(result.bodyHtml).not.toContain('某大学公共管理学院')
    expect(result.bodyHtml).not.toContain('13900001111')
  })
})

describe('采纳情况说明 stays what the decisions say: 需更新 after a change, fixed once approved', () => {
  it('marks a changed decision and a late comment 需更新, regenerates a new revision of the same item, and refuses to change what the approved result counted', async () => {
    const { id, feedIds } = await consultationWith([
      { body: FORM },
      { body: `${FORM}——王某` },
      { body: '第二条应写明是否包括个体工商户。' },
    ])
    let list = await t.call('engagement:comments', { id })
    const [letterA, letterB, para2] = feedIds.map((cid) => list.comments.find((c) => c.id === cid)!)
    expect(letterA!.groupId).not.toBeNull()
    expect(letterB!.groupId).toBe(letterA!.groupId)
    expect((await decide(id, letterA!.id, 'rejected', '社保年限与上位政策一致', true)).ok).toBe(
      true,
    )
    expect((await decide(id, para2!.id, 'adopted', '')).ok).toBe(true)

    await afterPeriod()
    const first = await t.call('engagement:result-generate', { id })
    let view = await t.call('engagement:consultation-get', { id })
    expect(view.result?.id).toBe(first.id)
    expect(view.resultStale).toBe(false)
    expect(view.resultLocked).toBe(false)
    expect(first.bodyHtml).toContain('采纳 1 条，部分采纳 0 条，不予采纳 2 条')

    // The officer reconsiders the form letters before review: the result no longer says so.
    expect((await decide(id, letterA!.id, 'partly', '社保年限调整为六个月', true)).ok).toBe(true)
    view = await t.call('engagement:consultation-get', { id })
    expect(view.resultStale).toBe(true)
    const second = await t.call('engagement:result-generate', { id })
    expect(second.id).toBe(first.id)
    expect(second.revision).toBeGreaterThan(first.revision)
    expect(second.bodyHtml).toContain('采纳 1 条，部分采纳 2 条，不予采纳 0 条')
    expect(await countsOf(id)).toMatchObject({
      total: 3,
      byDecision: { adopted: 1, partly: 2, rejected: 0, out_of_scope: 0 },
    })
    expect((await t.call('engagement:consultation-get', { id })).resultStale).toBe(false)

    // Through review: the decisions it counted are fixed now — decision and 身份 alike.
    await passReview(t, second.id)
    view = await t.call('engagement:consultation-get', { id })
    expect(view.resultLocked).toBe(true)
    expect(view.resultStale).toBe(false)
    const refused = await decide(id, para2!.id, 'rejected', '改变主意')
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT')
      expect(refused.error.message).toContain('意见采纳情况说明已审核通过')
      expect(refused.error.message).toContain('撤回')
    }
    const retype = await t.send('engagement:comment-type', {
      commentId: para2!.id,
      commenterType: 'company',
    })
    expect(retype.ok).toBe(false)
    list = await t.call('engagement:comments', { id })
    expect(list.comments.find((c) => c.id === para2!.id)).toMatchObject({
      decision: 'adopted',
      commenterType: 'public',
    })

    // A late copy of the form letter comes down on the next sync (sent inside the period).
    const store = await openStore(t)
    const late = received(id, `张三：${FORM}`, { receivedAt: '2026-12-10T10:00:00.000Z' })
    expect(await receiveComments(store.db, [late], t.clock.clock)).toBe(1)
    await store.close()
    view = await t.call('engagement:consultation-get', { id })
    expect(view.resultStale).toBe(true)
    expect(view.undecidedCount).toBe(1)
    list = await t.call('engagement:comments', { id })
    const lateView = list.comments.find((c) => c.id === late.id)!
    expect(lateView.groupId).toBe(letterA!.groupId)
    // Deciding the whole group reaches only the new letter: the counted two keep 部分采纳.
    expect((await decide(id, late.id, 'rejected', '与本办法无关', true)).ok).toBe(true)
    list = await t.call('engagement:comments', { id })
    expect(
      list.comments.filter((c) => c.groupId === letterA!.groupId).map((c) => c.decision),
    ).toEqual(['partly', 'partly', 'rejected'])
    expect((await t.call('engagement:consultation-get', { id })).resultStale).toBe(true)

    // Regenerated: a 修订稿 of the same item; the approved revision stays in force until it passes.
    const third = await t.call('engagement:result-generate', { id })
    expect(third.id).toBe(first.id)
    expect(third.status).toBe('draft')
    expect(third.liveRevision?.revision).toBe(second.revision)
    expect(third.bodyHtml).toContain('共收到意见建议 4 条')
    expect(third.bodyHtml).toContain('采纳 1 条，部分采纳 2 条，不予采纳 1 条')
    expect(await countsOf(id)).toMatchObject({
      total: 4,
      byDecision: { adopted: 1, partly: 2, rejected: 1, out_of_scope: 0 },
    })
    view = await t.call('engagement:consultation-get', { id })
    expect(view.resultStale).toBe(false)
    expect(view.resultLocked).toBe(true)
  })
})

describe('a 需更新 采纳情况说明 never passes review: its counts equal the decisions (713号令第十五条)', () => {
  it('refuses the final 同意 when a decision changed after the result was submitted, writes nothing, and passes once regenerated', async () => {
    const { id, feedIds } = await consultationWith([
      { body: '第二条应写明是否包括个体工商户。' },
      { body: '建议补贴资金按季度拨付，减轻企业垫资压力。' },
    ])
    const [a, b] = feedIds
    expect((await decide(id, a!, 'adopted', '')).ok).toBe(true)
    expect((await decide(id, b!, 'rejected', '拨付周期由财政统一规定')).ok).toBe(true)
    await afterPeriod()
    const result = await t.call('engagement:result-generate', { id })
    await submit(t, await t.call('items:get', { id: result.id }))
    await loginAs(t, REVIEWER)
    await approve(t, result.id)

    // Between the two steps the officer reconsiders one comment: the result no longer says so.
    await loginAs(t, OFFICER)
    expect((await decide(id, b!, 'partly', '按季度拨付的建议部分采纳')).ok).toBe(true)
    expect((await t.call('engagement:consultation-get', { id })).resultStale).toBe(true)

    await loginAs(t, LEADER)
    const refused = await t.send('review:decide', await decision(t, result.id))
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT')
      expect(refused.error.message).toContain('需更新')
      expect(refused.error.message).toContain('更新采纳情况说明')
    }
    // Nothing was written: the item waits at the leader's step, nothing is queued for sync.
    expect((await t.call('items:get', { id: result.id })).status).toBe('pending_review')

    // Regenerated, it goes through review again and passes with the new counts.
    await loginAs(t, OFFICER)
    const again = await t.call('engagement:result-generate', { id })
    expect(again.bodyHtml).toContain('采纳 1 条，部分采纳 1 条，不予采纳 0 条')
    await passReview(t, again.id)
    expect((await t.call('items:get', { id: again.id })).status).toBe('approved')
  })
})
