import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { canPublish } from '../../../src/core/items/publish-rule'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { newItem, withStaff } from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

const setStatus = (id: string, status: string) => {
  const raw = new Database(t.dbPath)
  raw.prepare('UPDATE items SET status = ? WHERE id = ?').run(status, id)
  raw.close()
}

async function check(id: string, stage: 'approve' | 'sync') {
  const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  try {
    return await canPublish(store.db, id, stage)
  } finally {
    await closeDatabase(store)
  }
}

describe('policy ↔ interpretation', () => {
  it('warns about a policy without an interpretation until one is linked, both ways', async () => {
    const policy = await newItem(t)
    expect(policy.warnings.some((w) => w.includes('尚未关联政策解读'))).toBe(true)
    const interp = await newItem(t, {
      kind: 'interpretation',
      title: '《实施意见》政策解读',
      docNumber: '',
    })
    const linked = await t.call('items:link', { policyId: policy.id, interpretationId: interp.id })
    expect(linked.policy?.id).toBe(policy.id)
    const p = await t.call('items:get', { id: policy.id })
    expect(p.interpretations.map((i) => i.id)).toEqual([interp.id])
    expect(p.warnings.some((w) => w.includes('尚未关联政策解读'))).toBe(false)
    const unlinked = await t.call('items:unlink', {
      policyId: policy.id,
      interpretationId: interp.id,
    })
    expect(unlinked.policy).toBeNull()
  })

  it('refuses to link an interpretation to a second policy', async () => {
    const p1 = await newItem(t)
    const p2 = await newItem(t, { title: '另一个政策' })
    const i = await newItem(t, { kind: 'interpretation', title: '解读', docNumber: '' })
    await t.call('items:link', { policyId: p1.id, interpretationId: i.id })
    const again = await t.send('items:link', { policyId: p2.id, interpretationId: i.id })
    expect(again.ok ? null : again.error.code).toBe('CONFLICT')
  })

  it('does not let an interpretation be approved or published before its policy (同步审签、同步发布)', async () => {
    const policy = await newItem(t)
    const interp = await newItem(t, { kind: 'interpretation', title: '解读', docNumber: '' })
    expect(await check(interp.id, 'approve')).toMatchObject({ ok: false })
    await t.call('items:link', { policyId: policy.id, interpretationId: interp.id })
    const draftPolicy = await check(interp.id, 'approve')
    expect(draftPolicy.ok).toBe(false)
    if (!draftPolicy.ok) expect(draftPolicy.reasons[0]).toContain('请先审核通过政策文件')
    setStatus(policy.id, 'approved')
    expect(await check(interp.id, 'approve')).toEqual({ ok: true })
    expect(await check(interp.id, 'sync')).toMatchObject({ ok: false })
    setStatus(policy.id, 'synced')
    expect(await check(interp.id, 'sync')).toEqual({ ok: true })
    expect(await check(policy.id, 'approve')).toEqual({ ok: true })
  })
})

describe('立改废 (validity)', () => {
  it('marks the earlier 已同步 item 废止 with a link, as a 修订稿 once confirmed (issue 10)', async () => {
    const old = await newItem(t, { title: '旧办法' })
    setStatus(old.id, 'synced')
    const repealing = await newItem(t, { title: '新办法' })
    const unconfirmed = await t.send('items:set-validity', {
      id: old.id,
      validity: 'repealed',
      byItemId: repealing.id,
    })
    expect(unconfirmed.ok ? null : unconfirmed.error.message).toContain('修改将开始修订稿')
    const changed = await t.call('items:set-validity', {
      id: old.id,
      validity: 'repealed',
      byItemId: repealing.id,
      confirmRevision: true,
    })
    expect(changed.validity).toBe('repealed')
    expect(changed.validityBy?.id).toBe(repealing.id)
    expect(changed.status).toBe('draft')
    expect(changed.revision).toBe(2)
    // 已同步 第 1 版 stays published until the 修订稿 (废止) is approved itself.
    expect(changed.liveRevision).toEqual({ revision: 1, status: 'synced' })
    const revisions = await t.call('items:revisions', { id: old.id })
    expect(revisions[0]?.kind).toBe('validity')
    const newer = await t.call('items:get', { id: repealing.id })
    expect(newer.supersedes).toEqual([expect.objectContaining({ relation: 'repeals' })])
    const raw = new Database(t.dbPath, { readonly: true })
    const actions = raw
      .prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2')
      .pluck()
      .all()
    raw.close()
    expect(actions).toEqual(['item.revision_started', 'item.validity'])
  })

  it('marks 已修改 and can set 失效 without a link, but requires one for 修改/废止', async () => {
    const old = await newItem(t)
    const amending = await newItem(t, { title: '修改决定' })
    const amended = await t.call('items:set-validity', {
      id: old.id,
      validity: 'amended',
      byItemId: amending.id,
    })
    expect(amended.validity).toBe('amended')
    const bad = await t.send('items:set-validity', { id: old.id, validity: 'repealed' })
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION')
    const expired = await t.call('items:set-validity', { id: old.id, validity: 'expired' })
    expect(expired.validityBy).toBeNull()
    const self = await t.send('items:set-validity', {
      id: old.id,
      validity: 'repealed',
      byItemId: old.id,
    })
    expect(self.ok ? null : self.error.code).toBe('VALIDATION')
  })
})
