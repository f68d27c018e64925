import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import {
  auditActions,
  decision,
  loginAs,
  newItem,
  OFFICER,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

const BODY =
  '<p>当事人张三，身份证号 370303199001011234，手机 13812345678。</p>' +
  '<p>复核时再次联系 <strong>13812345678</strong>，备用 13987654321。</p>'

describe('脱敏 (review:mask)', () => {
  it('masks one finding as a new revision; every occurrence of that value is masked the same way and a re-scan no longer finds it', async () => {
    const item = await newItem(t, { bodyHtml: BODY })
    const scan = await t.call('review:scan', { itemId: item.id })
    const mobiles = scan.findings.filter((f) => f.kind === 'mobile')
    expect(mobiles.map((f) => f.text)).toEqual(['13812345678', '13812345678', '13987654321'])
    const first = mobiles[0]
    expect(first?.maskable).toBe(true)
    const after = await t.call('review:mask', {
      itemId: item.id,
      baseRevision: item.revision,
      contentHash: item.contentHash,
      findingId: first?.id ?? '',
    })
    expect(after.revision).toBe(item.revision + 1)
    expect(after.findings.filter((f) => f.kind === 'mobile').map((f) => f.text)).toEqual([
      '13987654321',
    ])
    const view = await t.call('items:get', { id: item.id })
    expect(view.bodyHtml.match(/138\*\*\*\*5678/g)).toHaveLength(2)
    expect(view.bodyHtml).toContain('<strong>138****5678</strong>')
    expect(view.status).toBe('draft')
    expect(auditActions(t, item.id)).toContain('review.mask')
  })

  it('masks all findings of a kind at once, each value with its own consistent mask', async () => {
    const item = await newItem(t, { bodyHtml: BODY })
    const after = await t.call('review:mask', {
      itemId: item.id,
      baseRevision: item.revision,
      contentHash: item.contentHash,
      kind: 'mobile',
    })
    expect(after.findings.some((f) => f.kind === 'mobile')).toBe(false)
    const view = await t.call('items:get', { id: item.id })
    expect(view.bodyHtml).toContain('139****4321')
    expect(view.bodyHtml.match(/138\*\*\*\*5678/g)).toHaveLength(2)
  })

  it('masking an item under review is asked first; confirmed, it sends it back to 草稿 and cancels the review', async () => {
    const item = await newItem(t, { bodyHtml: BODY })
    await submit(t, item)
    const current = await t.call('items:get', { id: item.id })
    const mask = {
      itemId: item.id,
      baseRevision: current.revision,
      contentHash: current.contentHash,
      kind: 'id-card' as const,
    }
    const unconfirmed = await t.send('review:mask', mask)
    expect(unconfirmed.ok ? null : unconfirmed.error.message).toMatch(/^修改将撤回本次审查/)
    await t.call('review:mask', { ...mask, confirmRevision: true })
    const view = await t.call('review:get', { itemId: item.id })
    expect(view.item.status).toBe('draft')
    expect(view.review?.state).toBe('cancelled')
    expect(view.item.bodyHtml).toContain('370303********1234')
  })

  it('refuses a stale base, a non-maskable kind, and users without the officer role', async () => {
    const item = await newItem(t, { bodyHtml: '<p>机密★10年</p><p>联系 13812345678</p>' })
    const stale = await t.send('review:mask', {
      itemId: item.id,
      baseRevision: item.revision,
      contentHash: 'b'.repeat(64),
      kind: 'mobile',
    })
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT')
    const marking = await t.send('review:mask', {
      itemId: item.id,
      baseRevision: item.revision,
      contentHash: item.contentHash,
      kind: 'classification-marking',
    })
    expect(marking.ok ? null : marking.error.code).toBe('VALIDATION')
    await loginAs(t, REVIEWER)
    const reviewer = await t.send('review:mask', {
      itemId: item.id,
      baseRevision: item.revision,
      contentHash: item.contentHash,
      kind: 'mobile',
    })
    expect(reviewer.ok ? null : reviewer.error.code).toBe('FORBIDDEN')
  })

  it('keeps the reviewed revision as the reviewer saw it: masking an autosaved draft after a return appends a revision', async () => {
    // The editor autosaves: the draft's newest revision is the officer's open autosave.
    const draft = await t.call('items:autosave', {
      kind: 'notice',
      title: '关于保障性住房资格审核结果的公示',
      bodyHtml: BODY,
      issuer: '',
      docNumber: '',
    })
    const reviewed = await submit(t, draft)
    await loginAs(t, REVIEWER)
    await t.call(
      'review:decide',
      await decision(t, draft.id, { decision: 'return', comments: [{ text: '请遮盖身份证号' }] }),
    )
    await loginAs(t, OFFICER)
    const returned = await t.call('items:get', { id: draft.id })
    await t.call('review:mask', {
      itemId: draft.id,
      baseRevision: returned.revision,
      contentHash: returned.contentHash,
      kind: 'id-card',
    })
    const revisions = await t.call('items:revisions', { id: draft.id })
    const first = revisions.find((r) => r.revision === draft.revision)
    expect(first?.contentHash).toBe(reviewed.review?.contentHash)
    expect(revisions[0]?.revision).toBe(draft.revision + 1)
    // The reviewer of the resubmission sees what changed since the returned revision.
    const resubmitted = await submit(t, await t.call('items:get', { id: draft.id }))
    expect(resubmitted.diff).not.toBeNull()
    expect(resubmitted.diff?.from).toBe(draft.revision)
  })
})
