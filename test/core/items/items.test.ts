import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contentHash } from '../../../src/core/items/content'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { fieldsOf, loginAdmin, loginAs, newItem, OFFICER2, REVIEWER, withStaff } from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

const auditActions = () => {
  const raw = new Database(t.dbPath, { readonly: true })
  const rows = raw
    .prepare('SELECT action, before_hash, after_hash FROM audit_log ORDER BY seq')
    .all()
  raw.close()
  return rows as { action: string; before_hash: string | null; after_hash: string | null }[]
}

describe('items: create and edit', () => {
  it('creates a draft with sanitised body, pending 索引号 and a first revision', async () => {
    const v = await newItem(t, { bodyHtml: '<p onclick="x()">正文<script>alert(1)</script></p>' })
    expect(v.status).toBe('draft')
    expect(v.indexNumber).toBeNull()
    expect(v.revision).toBe(1)
    expect(v.bodyHtml).toBe('<p>正文</p>')
    expect(v.authorName).toBe('张起草')
    expect(v.contentHash).toBe(contentHash({ content: { ...v }, attachments: [] }))
    const revisions = await t.call('items:revisions', { id: v.id })
    expect(revisions.map((r) => r.kind)).toEqual(['create'])
    expect(auditActions().at(-1)?.action).toBe('item.create')
  })

  it('rejects a malformed 发文字号 with the corrected form, and writes nothing', async () => {
    const r = await t.send('items:save', {
      kind: 'policy',
      title: '标题',
      docNumber: '淄高新管办字[2023]12号',
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.message).toContain('发文字号')
    expect(r.error.message).toContain('淄高新管办字〔2023〕12号')
    expect((await t.call('items:search', {})).total).toBe(0)
  })

  it('lets any officer edit a colleague’s draft, and keeps reviewers read-only', async () => {
    const v = await newItem(t)
    await loginAs(t, OFFICER2)
    const edited = await t.call('items:save', { ...fieldsOf(v), title: '赵起草修改后的标题' })
    expect(edited.revision).toBe(2)
    expect(edited.updatedByName).toBe('赵起草')
    await loginAs(t, REVIEWER)
    const seen = await t.call('items:get', { id: v.id })
    expect(seen.canEdit).toBe(false)
    const denied = await t.send('items:save', { ...fieldsOf(seen), title: '审核人不能改' })
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN')
  })

  it('answers CONFLICT for a stale baseRevision instead of overwriting', async () => {
    const v = await newItem(t)
    await t.call('items:save', { ...fieldsOf(v), title: '第二版' })
    const stale = await t.send('items:save', { ...fieldsOf(v), title: '基于第一版的修改' })
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT')
    expect((await t.call('items:get', { id: v.id })).title).toBe('第二版')
  })

  it('refuses an unconfirmed edit of an approved item; confirmed, it is a 修订稿 in 草稿 with the approved revision in force, audited (issue 10)', async () => {
    const v = await newItem(t)
    const raw = new Database(t.dbPath)
    raw
      .prepare(
        "UPDATE items SET status = 'approved', approved_content_hash = content_hash WHERE id = ?",
      )
      .run(v.id)
    raw.close()
    const stray = await t.send('items:save', { ...fieldsOf(v), title: '通过后又修改' })
    expect(stray.ok ? null : stray.error.code).toBe('CONFLICT')
    const edited = await t.call('items:save', {
      ...fieldsOf(v),
      title: '通过后又修改',
      confirmRevision: true,
    })
    expect(edited.status).toBe('draft')
    expect(edited.approvedContentHash).toBeNull()
    expect(edited.liveRevision).toEqual({ revision: 1, status: 'approved' })
    const actions = auditActions().map((a) => a.action)
    expect(actions.slice(-2)).toEqual(['item.save', 'item.revision_started'])
    const saved = auditActions().at(-2)
    expect(saved?.before_hash).not.toBeNull()
    expect(saved?.after_hash).not.toBe(saved?.before_hash)
  })

  it('survives reopening the database', async () => {
    const v = await newItem(t)
    await t.restart()
    await loginAdmin(t)
    const again = await t.call('items:get', { id: v.id })
    expect(again.title).toBe(v.title)
    expect(again.contentHash).toBe(v.contentHash)
    expect((await t.call('items:search', { text: '标准化规范化' })).total).toBe(1)
  })

  it('computes the due date from 成文日期 with the statutory 20 working days and flags late items', async () => {
    // 第二十六条: 20 working days from formation. 2026-11-20 → 2026-12-18; today is 2026-11-26.
    const v = await newItem(t, { signedDate: '2026-11-20' })
    expect(v.dueDate).toBe('2026-12-18')
    expect(v.late).toBe(false)
    await t.restart(new Date('2026-12-21T01:00:00Z'))
    await loginAdmin(t)
    const late = await t.call('items:get', { id: v.id })
    expect(late.late).toBe(true)
    expect(late.warnings.some((w) => w.includes('已超过公开时限'))).toBe(true)
    const rows = await t.call('items:search', { late: true })
    expect(rows.rows.map((r) => r.id)).toEqual([v.id])
    expect(rows.rows[0]?.late).toBe(true)
  })
})
