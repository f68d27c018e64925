import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../helpers/test-core'
import {
  approve,
  decision,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  OFFICER2,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

const todo = () => t.call('home:todo', {})

describe('首页「我的待办」counts per user', () => {
  it('an item submitted by the officer waits for the reviewer, not for the officer or the leader', async () => {
    const item = await newItem(t, { title: '关于公布2026年第一批行政许可事项的通知' })
    await submit(t, item)

    const officer = await todo()
    expect(officer.awaitingMyReview.count).toBe(0)
    expect(officer.returnedToMe.count).toBe(0)

    await loginAs(t, REVIEWER)
    const reviewer = await todo()
    expect(reviewer.awaitingMyReview.count).toBe(1)
    expect(reviewer.awaitingMyReview.rows[0]).toMatchObject({
      itemId: item.id,
      title: '关于公布2026年第一批行政许可事项的通知',
    })
    expect(reviewer.awaitingMyReview.rows[0]?.note).toContain('张起草 提交')
    // The reviewer drafts nothing: no returned or overdue items of their own.
    expect(reviewer.returnedToMe.count).toBe(0)
    expect(reviewer.myOverdue.count).toBe(0)

    // The leader's step (领导签发) is not current yet.
    await loginAs(t, LEADER)
    expect((await todo()).awaitingMyReview.count).toBe(0)

    // After the reviewer's approval it moves to the leader.
    await loginAs(t, REVIEWER)
    await approve(t, item.id)
    expect((await todo()).awaitingMyReview.count).toBe(0)
    await loginAs(t, LEADER)
    expect((await todo()).awaitingMyReview.count).toBe(1)
  })

  it('a returned item counts for its author only, and leaves the reviewer’s list', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    await t.call(
      'review:decide',
      await decision(t, item.id, { decision: 'return', comments: [{ text: '请补充发文机关' }] }),
    )
    expect((await todo()).awaitingMyReview.count).toBe(0)

    await loginAs(t, OFFICER)
    const officer = await todo()
    expect(officer.returnedToMe).toEqual({
      count: 1,
      rows: [{ itemId: item.id, title: item.title, note: null }],
    })

    // Another officer's to-do list does not show it.
    await loginAs(t, OFFICER2)
    expect((await todo()).returnedToMe.count).toBe(0)
  })

  it('my overdue items follow the catalogue entry’s 时限 (条例第二十六条 when none), unpublished only', async () => {
    // Today is 2026-11-26. Under a 7-working-day entry, 成文日期 11-16 was due 11-25: overdue.
    const entry = await t.call('catalogue:save', {
      level1: '行政许可',
      level2: '许可结果',
      content: '行政许可决定',
      basis: '',
      timeLimit: '自作出决定之日起7个工作日内',
      subject: '',
      channels: '',
      audience: '',
      method: '',
      level: '',
    })
    const late = await newItem(t, {
      title: '行政许可决定公示',
      signedDate: '2026-11-16',
      catalogueEntryId: entry.id,
    })
    // The same 成文日期 under the statutory 20 working days is not due yet.
    await newItem(t, { title: '未归目录的条目', signedDate: '2026-11-16' })
    // Another officer's late item is theirs, not mine.
    await loginAs(t, OFFICER2)
    await newItem(t, { title: '他人的逾期条目', signedDate: '2026-09-01' })
    expect((await todo()).myOverdue.count).toBe(1)

    await loginAs(t, OFFICER)
    const mine = await todo()
    expect(mine.myOverdue.count).toBe(1)
    expect(mine.myOverdue.rows[0]).toMatchObject({ itemId: late.id, title: '行政许可决定公示' })
    expect(mine.myOverdue.rows[0]?.note).toBe('应于 2026-11-25 前公开')
  })

  it('sync failures and conflicts are the sync outbox’s own counts', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    await approve(t, item.id)
    await loginAs(t, LEADER)
    await approve(t, item.id)
    expect((await todo()).sync).toMatchObject({ failed: 0, conflict: 0 })

    // The worker's failure path is proved in test/core/sync; here the outbox entry is marked as
    // the worker marks it, and the home page must show the same count as the 同步 page.
    const db = new Database(t.dbPath)
    try {
      db.prepare(`UPDATE sync_outbox SET state = 'failed'`).run()
    } finally {
      db.close()
    }
    const after = await todo()
    expect(after.sync.failed).toBe(1)
    expect(after.sync.failed).toBe((await t.call('sync:status', {})).counts.failed)
    await loginAs(t, OFFICER)
    expect((await todo()).sync.failed).toBe(1)
  })
})
