import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import {
  approve,
  auditActions,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  query,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

describe('the default two-step chain (保密审核 → 领导签发)', () => {
  it('officer submits, reviewer approves step 1, leader approves: 已通过 with 索引号, outbox row and audit trail', async () => {
    const item = await newItem(t, {
      bodyHtml: '<p>联系人：王五，电话 13812345678。</p><p>现提出如下意见。</p>',
    })
    const submitted = await submit(t, item)
    expect(submitted.item.status).toBe('pending_review')
    expect(submitted.review).toMatchObject({ state: 'open', currentStep: 0, round: 1 })
    expect(submitted.steps.map((s) => [s.name, s.role, s.status])).toEqual([
      ['保密审核', 'reviewer', 'current'],
      ['领导签发', 'leader', 'waiting'],
    ])
    const mobile = submitted.findings.find((f) => f.kind === 'mobile')
    expect(mobile).toMatchObject({ severity: 'high', source: 'body', sourceLabel: '正文' })
    expect(submitted.canDecide).toBe(false)
    expect(submitted.cannotDecideReason).toBe('own_item')

    await loginAs(t, REVIEWER)
    const queue = await t.call('review:queue', {})
    expect(queue).toHaveLength(1)
    expect(queue[0]).toMatchObject({ itemId: item.id, stepName: '保密审核', canDecide: true })
    expect(queue[0]?.counts.high).toBeGreaterThan(0)
    expect(await t.call('review:queue', {})).toHaveLength(1)
    const highReasons = submitted.findings
      .filter((f) => f.severity === 'high')
      .map((f) => ({ findingId: f.id, reason: '办公电话，已征得本人同意公开' }))
    const afterStep1 = await approve(t, item.id, { highReasons })
    expect(afterStep1.review).toMatchObject({ state: 'open', currentStep: 1 })
    expect(afterStep1.item.status).toBe('pending_review')
    expect(afterStep1.steps[0]?.status).toBe('approved')
    // Not the leader's step for a reviewer.
    expect(await t.call('review:queue', {})).toHaveLength(0)

    await loginAs(t, LEADER)
    expect(await t.call('review:queue', {})).toHaveLength(1)
    const done = await approve(t, item.id, { highReasons })
    expect(done.item.status).toBe('approved')
    expect(done.item.approvedContentHash).toBe(item.contentHash)
    expect(done.item.indexNumber).toMatch(/\S/)
    expect(done.review?.state).toBe('approved')
    expect(done.steps.map((s) => s.status)).toEqual(['approved', 'approved'])
    expect(done.steps[1]?.decisions[0]).toMatchObject({
      deciderName: LEADER.displayName,
      contentHash: item.contentHash,
      revision: item.revision,
    })

    const outbox = query<{ entity_id: string; op: string; revision: number; content_hash: string }>(
      t,
      'SELECT entity_id, op, revision, content_hash FROM sync_outbox',
    )
    expect(outbox).toEqual([
      {
        entity_id: item.id,
        op: 'upsert',
        revision: item.revision,
        content_hash: `sha256:${item.contentHash}`,
      },
    ])
    const actions = auditActions(t, item.id)
    expect(actions).toEqual(
      expect.arrayContaining([
        'review.submit',
        'review.decide',
        'item.index_assigned',
        'review.approved',
      ]),
    )
    expect(actions.filter((a) => a === 'review.decide')).toHaveLength(2)
    expect((await t.call('review:queue', { scope: 'all' })).length).toBe(0)
  })

  it('the officer cannot submit twice, and a reviewer cannot submit (officer role only)', async () => {
    const item = await newItem(t)
    await submit(t, item)
    const again = await t.send('review:submit', {
      itemId: item.id,
      revision: item.revision,
      contentHash: item.contentHash,
      checklistVersion: 1,
      selfCheck: [],
      carrier: 'official',
      channels: ['website'],
    })
    expect(again.ok).toBe(false)
    await loginAs(t, REVIEWER)
    const other = await t.send('review:submit', {
      itemId: item.id,
      revision: item.revision,
      contentHash: item.contentHash,
      checklistVersion: 1,
      selfCheck: [],
      carrier: 'official',
      channels: ['website'],
    })
    expect(other.ok ? null : other.error.code).toBe('FORBIDDEN')
    void OFFICER
  })

  it('review:get before any submission shows the current checklist and no review', async () => {
    const item = await newItem(t)
    const view = await t.call('review:get', { itemId: item.id })
    expect(view.review).toBeNull()
    expect(view.steps).toEqual([])
    expect(view.checklist).toMatchObject({ version: 1, current: true })
    expect(view.cannotDecideReason).toBe('not_open')
  })
})
