import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { buildItemPayload } from '../../../src/core/sync/payload'
import { applyChange } from '../../../src/core/sync/pull'
import type { ItemView } from '../../../src/shared/items/types'
import { revisionStateText } from '../../../src/shared/items/revision-state'
import type { TestCore } from '../../helpers/test-core'
import {
  approve,
  auditActions,
  fieldsOf,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  query,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'

/**
 * 修订稿 (issue 10: 「一次误触作废了提交或审批」). Editing a 待审查 or 已通过 item is asked first and
 * refused by core without the confirmation; the approved revision stays what syncs and what the
 * district publishes; the working revision goes through review and replaces it only when approved.
 */

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

/** Submits as the officer, approves as reviewer then leader; ends logged in as the officer. */
async function approveThroughChain(item: ItemView, submitted = false): Promise<ItemView> {
  if (!submitted) await submit(t, item)
  await loginAs(t, REVIEWER)
  await approve(t, item.id)
  await loginAs(t, LEADER)
  await approve(t, item.id)
  await loginAs(t, OFFICER)
  return t.call('items:get', { id: item.id })
}

async function approvedItem(): Promise<ItemView> {
  const item = await newItem(t)
  // Revisions 1 → 3 so the numbers in the texts are the (第 3 版 · 第 4 版).
  const v2 = await t.call('items:save', {
    ...fieldsOf(item),
    title: '关于推进政务公开工作的实施意见',
  })
  const v3 = await t.call('items:save', { ...fieldsOf(v2), issuer: '淄博高新区管委会' })
  expect(v3.revision).toBe(3)
  return approveThroughChain(v3)
}

const outbox = () =>
  query<{ revision: number; op: string; state: string; content_hash: string }>(
    t,
    'SELECT revision, op, state, content_hash FROM sync_outbox ORDER BY seq',
  )

async function payloadOfLatestUpsert() {
  const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  try {
    const row = await store.db
      .selectFrom('sync_outbox')
      .selectAll()
      .where('op', '=', 'upsert')
      .where('state', '=', 'pending')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    return await buildItemPayload(store.db, row)
  } finally {
    await closeDatabase(store)
  }
}

describe('修订稿: an edit of an approved item is asked first (issue 10)', () => {
  it('refuses an unconfirmed edit of an 已通过 item with the question, and writes nothing', async () => {
    const approved = await approvedItem()
    const before = auditActions(t, approved.id).length
    for (const channel of ['items:save', 'items:autosave'] as const) {
      const r = await t.send(channel, { ...fieldsOf(approved), title: '一次误触' })
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe('CONFLICT')
      expect(r.error.message).toBe(
        '已通过的第 3 版保持不变并继续同步；修改将开始修订稿（第 4 版），需重新审查后替换。',
      )
    }
    const after = await t.call('items:get', { id: approved.id })
    expect(after).toMatchObject({ status: 'approved', revision: 3, title: approved.title })
    expect(after.approvedContentHash).toBe(approved.contentHash)
    expect(auditActions(t, approved.id)).toHaveLength(before)
    expect(outbox()).toEqual([
      {
        revision: 3,
        op: 'upsert',
        state: 'pending',
        content_hash: `sha256:${approved.contentHash}`,
      },
    ])
  })

  it('refuses unconfirmed attachment removal, 有效性 and restore changes the same way', async () => {
    const approved = await approvedItem()
    const validity = await t.send('items:set-validity', { id: approved.id, validity: 'expired' })
    expect(validity.ok ? null : validity.error.message).toContain('修改将开始修订稿（第 4 版）')
    const restore = await t.send('items:restore', {
      id: approved.id,
      revision: 1,
      baseRevision: 3,
    })
    expect(restore.ok ? null : restore.error.message).toContain('修改将开始修订稿（第 4 版）')
    const add = await t.send('attachments:add', { itemId: approved.id })
    expect(add.ok ? null : add.error.message).toContain('修改将开始修订稿')
    // Refused before the file dialog opened: nothing was asked of the officer.
    expect(t.platform.dialogs).toHaveLength(0)
    expect((await t.call('items:get', { id: approved.id })).revision).toBe(3)
  })

  it('a confirmed edit starts 修订稿 第 4 版 while 已通过 第 3 版 stays in force and keeps syncing', async () => {
    const approved = await approvedItem()
    const edited = await t.call('items:autosave', {
      ...fieldsOf(approved),
      title: '关于推进政务公开工作的实施意见（修订）',
      confirmRevision: true,
    })
    expect(edited).toMatchObject({ status: 'draft', revision: 4 })
    expect(edited.liveRevision).toEqual({ revision: 3, status: 'approved' })
    expect(edited.approvedContentHash).toBeNull()
    expect(edited.indexNumber).toBe(approved.indexNumber)
    expect(revisionStateText(edited.status, edited.revision, edited.liveRevision)).toBe(
      '已通过 第 3 版 · 修订中 第 4 版',
    )
    // The approved revision's outbox entry is not voided; the payload is revision 3's content.
    expect(outbox()).toEqual([
      {
        revision: 3,
        op: 'upsert',
        state: 'pending',
        content_hash: `sha256:${approved.contentHash}`,
      },
    ])
    const payload = await payloadOfLatestUpsert()
    expect(payload.revision).toBe(3)
    expect(payload.item['title']).toBe(approved.title)
    // Further typing is an ordinary draft edit: no confirmation needed, still one working revision.
    const more = await t.call('items:autosave', { ...fieldsOf(edited), issuer: '淄博高新区' })
    expect(more.revision).toBe(4)
    expect(auditActions(t, approved.id)).toContain('item.revision_started')
    // The list row and the 同步 page carry both states.
    const rows = await t.call('items:search', {})
    expect(rows.rows[0]).toMatchObject({ status: 'draft', revision: 4 })
    expect(rows.rows[0]?.liveRevision).toEqual({ revision: 3, status: 'approved' })
    const approvedFilter = await t.call('items:search', { statuses: ['approved'] })
    expect(approvedFilter.rows.map((r) => r.id)).toEqual([approved.id])
    const overview = await t.call('sync:overview', {})
    expect(overview.pending[0]).toMatchObject({
      revision: 3,
      revisionState: '已通过 第 3 版 · 修订中 第 4 版',
    })
  })

  it('approving the 修订稿 replaces the approved revision: 第 4 版 is queued, 第 3 版 superseded', async () => {
    const approved = await approvedItem()
    const working = await t.call('items:save', {
      ...fieldsOf(approved),
      title: '关于推进政务公开工作的实施意见（修订）',
      confirmRevision: true,
    })
    const submitted = await submit(t, working)
    expect(submitted.item.status).toBe('pending_review')
    expect(submitted.item.liveRevision).toEqual({ revision: 3, status: 'approved' })
    expect(
      revisionStateText(
        submitted.item.status,
        submitted.item.revision,
        submitted.item.liveRevision,
      ),
    ).toBe('已通过 第 3 版 · 修订稿待审查 第 4 版')
    const replaced = await approveThroughChain(submitted.item, true)
    expect(replaced).toMatchObject({ status: 'approved', revision: 4, liveRevision: null })
    expect(replaced.approvedContentHash).toBe(working.contentHash)
    expect(replaced.indexNumber).toBe(approved.indexNumber)
    expect(outbox()).toEqual([
      {
        revision: 3,
        op: 'upsert',
        state: 'superseded',
        content_hash: `sha256:${approved.contentHash}`,
      },
      {
        revision: 4,
        op: 'upsert',
        state: 'pending',
        content_hash: `sha256:${working.contentHash}`,
      },
    ])
    const payload = await payloadOfLatestUpsert()
    expect(payload.item['title']).toBe('关于推进政务公开工作的实施意见（修订）')
  })

  it('a 修订稿 returned by the reviewer leaves 已通过 第 3 版 in force', async () => {
    const approved = await approvedItem()
    const working = await t.call('items:save', {
      ...fieldsOf(approved),
      title: '修订稿标题',
      confirmRevision: true,
    })
    await submit(t, working)
    await loginAs(t, REVIEWER)
    await approve(t, approved.id, {
      decision: 'return',
      comments: [{ text: '请补充依据', findingId: null }],
    })
    await loginAs(t, OFFICER)
    const returned = await t.call('items:get', { id: approved.id })
    expect(returned).toMatchObject({ status: 'returned', revision: 4 })
    expect(returned.liveRevision).toEqual({ revision: 3, status: 'approved' })
    expect(outbox().map((o) => [o.revision, o.state])).toEqual([[3, 'pending']])
  })

  it('the district publishing 第 3 版 makes it 已同步 beside the 修订稿; an edit of an 已同步 item asks too', async () => {
    const approved = await approvedItem()
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    try {
      await applyChange(
        store.db,
        {
          type: 'published',
          itemId: approved.id,
          revision: 3,
          at: '2026-11-26T03:00:00Z',
          url: 'https://x.gov.cn/1',
        },
        t.clock.clock,
      )
    } finally {
      await closeDatabase(store)
    }
    const synced = await t.call('items:get', { id: approved.id })
    expect(synced.status).toBe('synced')
    const refused = await t.send('items:save', { ...fieldsOf(synced), title: '改' })
    expect(refused.ok ? null : refused.error.message).toBe(
      '已同步的第 3 版保持不变，区级平台继续公开；修改将开始修订稿（第 4 版），需重新审查后替换。',
    )
    const working = await t.call('items:save', {
      ...fieldsOf(synced),
      title: '改',
      confirmRevision: true,
    })
    expect(working.liveRevision).toEqual({ revision: 3, status: 'synced' })
    expect(revisionStateText(working.status, working.revision, working.liveRevision)).toBe(
      '已同步 第 3 版 · 修订中 第 4 版',
    )
  })

  it('the district publishing 第 3 版 while 修订中 第 4 版 is worked on marks 第 3 版 已同步, leaving the 修订稿', async () => {
    const approved = await approvedItem()
    await t.call('items:save', { ...fieldsOf(approved), title: '修订稿', confirmRevision: true })
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    try {
      await applyChange(
        store.db,
        {
          type: 'published',
          itemId: approved.id,
          revision: 3,
          at: '2026-11-26T03:00:00Z',
          url: 'https://x.gov.cn/1',
        },
        t.clock.clock,
      )
    } finally {
      await closeDatabase(store)
    }
    const after = await t.call('items:get', { id: approved.id })
    expect(after).toMatchObject({ status: 'draft', revision: 4, title: '修订稿' })
    expect(after.liveRevision).toEqual({ revision: 3, status: 'synced' })
    expect(after.publishedDate).toBe('2026-11-26')
  })

  it('an interpretation may be approved while its policy is in revision: the policy’s approved revision is in force (政策解读 rule)', async () => {
    const policy = await approvedItem()
    await t.call('items:save', { ...fieldsOf(policy), title: '政策修订稿', confirmRevision: true })
    const interpretation = await newItem(t, { kind: 'interpretation', title: '关于实施意见的解读' })
    await t.call('items:link', { policyId: policy.id, interpretationId: interpretation.id })
    const linked = await t.call('items:get', { id: interpretation.id })
    const done = await approveThroughChain(linked)
    expect(done.status).toBe('approved')
  })

  it('撤回 of an item in revision withdraws the approved revision in force and keeps the 修订稿', async () => {
    const approved = await approvedItem()
    const working = await t.call('items:save', {
      ...fieldsOf(approved),
      title: '修订稿标题',
      confirmRevision: true,
    })
    const after = await t.call('sync:withdraw', { id: approved.id, reason: '内容有误' })
    expect(after).toMatchObject({ status: 'draft', revision: 4, liveRevision: null })
    expect(after.title).toBe(working.title)
    // Never attempted: the pending upsert of 第 3 版 is superseded; nothing left to withdraw remotely.
    expect(outbox().map((o) => [o.revision, o.op, o.state])).toEqual([[3, 'upsert', 'superseded']])
  })
})

describe('修订稿: an edit of a 待审查 item is asked first (issue 10)', () => {
  it('refuses an unconfirmed edit with 「修改将撤回本次审查……」 and keeps the review open', async () => {
    const item = await newItem(t)
    await submit(t, item)
    const pending = await t.call('items:get', { id: item.id })
    const r = await t.send('items:autosave', { ...fieldsOf(pending), title: '一次误触' })
    expect(r.ok ? null : r.error.message).toMatch(/^修改将撤回本次审查/)
    expect((await t.call('items:get', { id: item.id })).status).toBe('pending_review')
    expect(query(t, "SELECT id FROM reviews WHERE state = 'open'")).toHaveLength(1)
  })

  it('a confirmed edit withdraws the open review (audited) and the item is a 草稿 to resubmit', async () => {
    const item = await newItem(t)
    await submit(t, item)
    const pending = await t.call('items:get', { id: item.id })
    const edited = await t.call('items:autosave', {
      ...fieldsOf(pending),
      title: '改过的标题',
      confirmRevision: true,
    })
    expect(edited).toMatchObject({ status: 'draft', revision: 2, liveRevision: null })
    expect(query(t, 'SELECT state FROM reviews')).toEqual([{ state: 'cancelled' }])
    const actions = auditActions(t, item.id)
    expect(actions).toContain('review.cancelled')
    expect(actions).toContain('item.review_withdrawn')
    expect((await submit(t, edited)).item.status).toBe('pending_review')
  })

  it('草稿 and 退回修改 items are edited without any question', async () => {
    const item = await newItem(t)
    const edited = await t.call('items:autosave', { ...fieldsOf(item), title: '草稿随便改' })
    expect(edited.status).toBe('draft')
    await submit(t, edited)
    await loginAs(t, REVIEWER)
    await approve(t, item.id, { decision: 'return', comments: [{ text: '改', findingId: null }] })
    await loginAs(t, OFFICER)
    const returned = await t.call('items:get', { id: item.id })
    const again = await t.call('items:autosave', { ...fieldsOf(returned), title: '退回后修改' })
    expect(again.status).toBe('returned')
  })
})
