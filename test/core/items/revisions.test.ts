import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { fieldsOf, loginAdmin, loginAs, newItem, OFFICER, OFFICER2, withStaff } from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

describe('revisions and autosave', () => {
  it('coalesces autosaves of one user into one open revision, and a save finalises it', async () => {
    const v = await newItem(t)
    let cur = v
    for (const n of [1, 2, 3]) {
      t.clock.advanceMinutes(0.05)
      cur = await t.call('items:autosave', { ...fieldsOf(cur), bodyHtml: `<p>第${n}次输入</p>` })
      expect(cur.revision).toBe(2)
    }
    let list = await t.call('items:revisions', { id: v.id })
    expect(list.map((r) => [r.revision, r.kind])).toEqual([
      [2, 'autosave'],
      [1, 'create'],
    ])
    expect(list[0]!.updatedAt > list[0]!.createdAt).toBe(true)
    const saved = await t.call('items:save', fieldsOf(cur))
    expect(saved.revision).toBe(2)
    list = await t.call('items:revisions', { id: v.id })
    expect(list.map((r) => r.kind)).toEqual(['save', 'create'])
    // The next autosave opens a new revision.
    const next = await t.call('items:autosave', { ...fieldsOf(saved), bodyHtml: '<p>再改</p>' })
    expect(next.revision).toBe(3)
  })

  it('writes nothing for an autosave with unchanged content', async () => {
    const v = await newItem(t)
    const same = await t.call('items:autosave', fieldsOf(v))
    expect(same.revision).toBe(1)
    expect(same.updatedAt).toBe(v.updatedAt)
  })

  it('starts a new autosave revision after the 30-minute window and for another user', async () => {
    const v = await newItem(t)
    let a = await t.call('items:autosave', { ...fieldsOf(v), bodyHtml: '<p>一</p>' })
    // Typing on (activity keeps the session unlocked) — coalesced for 30 minutes.
    for (const text of ['一二', '一二三']) {
      t.clock.advanceMinutes(10)
      a = await t.call('items:autosave', { ...fieldsOf(a), bodyHtml: `<p>${text}</p>` })
      expect(a.revision).toBe(2)
    }
    t.clock.advanceMinutes(11)
    const b = await t.call('items:autosave', { ...fieldsOf(a), bodyHtml: '<p>二</p>' })
    expect([a.revision, b.revision]).toEqual([2, 3])
    await loginAs(t, OFFICER2)
    const c = await t.call('items:autosave', { ...fieldsOf(b), bodyHtml: '<p>三</p>' })
    expect(c.revision).toBe(4)
    // The first officer's editor still holds revision 3: their next autosave is a conflict.
    await loginAs(t, OFFICER)
    const stale = await t.send('items:autosave', { ...fieldsOf(b), bodyHtml: '<p>覆盖？</p>' })
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT')
  })

  it('keeps an autosave after an app restart (written before returning)', async () => {
    const v = await newItem(t)
    await t.call('items:autosave', { ...fieldsOf(v), bodyHtml: '<p>尚未手动保存的内容</p>' })
    await t.restart()
    await loginAdmin(t)
    expect((await t.call('items:get', { id: v.id })).bodyHtml).toBe('<p>尚未手动保存的内容</p>')
  })

  it('diffs metadata and body paragraphs between two revisions', async () => {
    const v = await newItem(t, {
      bodyHtml: '<p>第一段不变。</p><p>第二段旧文字。</p><p>第三段将删除。</p>',
    })
    await t.call('items:save', {
      ...fieldsOf(v),
      title: '新标题',
      signedDate: '2026-11-21',
      bodyHtml: '<p>第一段不变。</p><p>第二段新文字。</p><p>第四段新增。</p>',
    })
    const diff = await t.call('items:diff', { id: v.id, from: 1, to: 2 })
    expect(diff.fields.map((f) => f.label)).toEqual(['标题', '成文日期'])
    expect(diff.fields[1]).toMatchObject({ before: '2026-11-20', after: '2026-11-21' })
    expect(diff.body[0]).toMatchObject({ op: 'same', left: '第一段不变。' })
    const changed = diff.body.filter((r) => r.op === 'changed')
    expect(changed[0]).toMatchObject({ left: '第二段旧文字。', right: '第二段新文字。' })
    expect(changed[0]?.rightParts?.find((p) => p.op === 'added')?.text).toBe('新')
    expect(diff.bodySame).toBe(false)
  })

  it('restores an old revision as a new one, and refuses a stale base', async () => {
    const v = await newItem(t, { title: '原标题' })
    const v2 = await t.call('items:save', {
      ...fieldsOf(v),
      title: '改坏的标题',
      bodyHtml: '<p>改坏</p>',
    })
    const restored = await t.call('items:restore', {
      id: v.id,
      revision: 1,
      baseRevision: v2.revision,
    })
    expect(restored.revision).toBe(3)
    expect(restored.title).toBe('原标题')
    expect(restored.contentHash).toBe(v.contentHash)
    const list = await t.call('items:revisions', { id: v.id })
    expect(list[0]?.kind).toBe('restore')
    const stale = await t.send('items:restore', { id: v.id, revision: 1, baseRevision: 2 })
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT')
    const snapshot = await t.call('items:revision', { id: v.id, revision: 2 })
    expect(snapshot.content.title).toBe('改坏的标题')
  })
})
