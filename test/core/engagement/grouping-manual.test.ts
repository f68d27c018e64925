import { afterEach, describe, expect, it } from 'vitest'
import { receiveComments } from '../../../src/core/engagement/comments'
import type { CommentList } from '../../../src/shared/engagement/types'
import type { TestCore } from '../../helpers/test-core'
import { query } from '../review/workflow/helpers'
import { FORM_LETTER } from './generated-comments'
import {
  consultationInput,
  draftPolicy,
  LEADER,
  loginAs,
  OFFICER,
  openStore,
  received,
  reviewCore,
} from './helpers'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

const OWN_A = '第二条应写明是否包括注册在区外但实际在区内经营的个体工商户。'
const OWN_B = '建议在政务服务中心设置专门窗口，提供申报指导和帮办代办服务。'

/** The group (sorted ids) each comment is in, by the comment's label; `null` when alone. */
function groupsOf(
  list: CommentList,
  labels: Record<string, string>,
): Record<string, string[] | null> {
  const out: Record<string, string[] | null> = {}
  for (const [label, id] of Object.entries(labels)) {
    const c = list.comments.find((v) => v.id === id)!
    const members = c.groupId
      ? list.comments.filter((v) => v.groupId === c.groupId).map((v) => v.id)
      : null
    out[label] = members
      ? members.map((m) => Object.entries(labels).find(([, v]) => v === m)![0]).sort()
      : null
  }
  return out
}

async function consultationWithLetters(): Promise<{ id: string; labels: Record<string, string> }> {
  t = await reviewCore()
  const draft = await draftPolicy(t)
  const opened = await t.call('engagement:consultation-open', consultationInput(draft.id))
  const store = await openStore(t)
  const a = received(opened.id, `${FORM_LETTER}\n联名居民：张伟（3号楼）`)
  const b = received(opened.id, `王芳，创业路小区8号楼住户：${FORM_LETTER}`)
  const c = received(opened.id, FORM_LETTER.replace('恳请', '希望'))
  const d = received(opened.id, OWN_A)
  const e = received(opened.id, OWN_B)
  await receiveComments(store.db, [a, b, c, d, e], t.clock.clock)
  await store.close()
  return { id: opened.id, labels: { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id } }
}

describe('意见分组 by hand (engagement:comment-group): 移出本组 / 并入…', () => {
  it('a manual regroup survives the automatic grouping re-run after new letters arrive', async () => {
    const { id, labels } = await consultationWithLetters()
    let list = await t.call('engagement:comments', { id })
    expect(groupsOf(list, labels)).toEqual({
      a: ['a', 'b', 'c'],
      b: ['a', 'b', 'c'],
      c: ['a', 'b', 'c'],
      d: null,
      e: null,
    })
    // 并入: the officer puts d into the form-letter group (the UI names the group by its first
    // comment); 移出本组: c is taken out.
    const joined = await t.call('engagement:comment-group', {
      consultationId: id,
      commentId: labels.d!,
      joinCommentId: list.groups[0]!.commentIds[0]!,
    })
    expect(groupsOf(joined, labels).d).toEqual(['a', 'b', 'c', 'd'])
    list = await t.call('engagement:comment-group', {
      consultationId: id,
      commentId: labels.c!,
      joinCommentId: null,
    })
    const expected = {
      a: ['a', 'b', 'd'],
      b: ['a', 'b', 'd'],
      c: null,
      d: ['a', 'b', 'd'],
      e: null,
    }
    expect(groupsOf(list, labels)).toEqual(expected)

    // Two more letters of the campaign arrive on sync: they join the same group; c stays out,
    // d stays in, whatever the automatic grouping thinks of them.
    const store = await openStore(t)
    const f = received(id, `${FORM_LETTER}——李娜`)
    const g = received(id, `赵强（12号楼）：${FORM_LETTER.replace('坚决反对', '强烈反对')}`)
    expect(await receiveComments(store.db, [f, g], t.clock.clock)).toBe(2)
    await store.close()
    const all = { ...labels, f: f.id, g: g.id }
    const group = ['a', 'b', 'd', 'f', 'g']
    const after = { a: group, b: group, c: null, d: group, e: null, f: group, g: group }
    list = await t.call('engagement:comments', { id })
    expect(groupsOf(list, all)).toEqual(after)
    expect(list.groups).toHaveLength(1)

    // After a restart, 重新分组 by hand changes nothing either; both moves are audited.
    await t.restart()
    await loginAs(t, OFFICER)
    list = await t.call('engagement:regroup', { id })
    expect(groupsOf(list, all)).toEqual(after)
    const audit = query<{ detail_json: string }>(
      t,
      "SELECT detail_json FROM audit_log WHERE action = 'consultation.comment_group' ORDER BY seq",
    ).map((r) => JSON.parse(r.detail_json) as unknown)
    expect(audit).toEqual([
      { comment: labels.d, join: labels.a },
      { comment: labels.c, join: null },
    ])
  })

  it('joins two lone comments into a new group, and a group left with one comment disappears', async () => {
    const { id, labels } = await consultationWithLetters()
    let list = await t.call('engagement:comment-group', {
      consultationId: id,
      commentId: labels.e!,
      joinCommentId: labels.d!,
    })
    expect(groupsOf(list, labels)).toMatchObject({ d: ['d', 'e'], e: ['d', 'e'] })
    list = await t.call('engagement:regroup', { id })
    expect(groupsOf(list, labels)).toMatchObject({ d: ['d', 'e'], e: ['d', 'e'] })
    expect(list.groups).toHaveLength(2)
    // Taking e out leaves d alone: no "group" of one comment is shown.
    list = await t.call('engagement:comment-group', {
      consultationId: id,
      commentId: labels.e!,
      joinCommentId: null,
    })
    expect(groupsOf(list, labels)).toMatchObject({ d: null, e: null })
    expect(list.groups.map((g) => g.commentIds.length)).toEqual([3])
    expect(list.comments.every((c) => c.groupSize > 1 || c.groupId === null)).toBe(true)
  })

  it('refuses an unknown comment, joining a comment to itself, and a leader (分组由经办人调整)', async () => {
    const { id, labels } = await consultationWithLetters()
    const self = await t.send('engagement:comment-group', {
      consultationId: id,
      commentId: labels.d!,
      joinCommentId: labels.d!,
    })
    expect(self.ok || self.error.message).toBe('不能把意见并入它自己')
    const missing = await t.send('engagement:comment-group', {
      consultationId: id,
      commentId: labels.d!,
      joinCommentId: 'no-such-comment',
    })
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND')
    await loginAs(t, LEADER)
    const leader = await t.send('engagement:comment-group', {
      consultationId: id,
      commentId: labels.d!,
      joinCommentId: null,
    })
    expect(leader.ok).toBe(false)
    await loginAs(t, OFFICER)
    const list = await t.call('engagement:comments', { id })
    expect(groupsOf(list, labels).d).toBeNull()
    expect(list.groups[0]!.commentIds).toHaveLength(3)
  })
})
