import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { loginAdmin, newItem, OFFICER2, loginAs, withStaff } from '../items/helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

describe('items:search', () => {
  it('finds a phrase in the body with the trigram index, with a snippet', async () => {
    const a = await newItem(t, {
      title: '养老服务补贴公示',
      bodyHtml: '<p>经审核，以下人员符合高龄津贴发放条件。</p>',
    })
    await newItem(t, { title: '工作动态', bodyHtml: '<p>召开会议。</p>' })
    const page = await t.call('items:search', { text: '高龄津贴' })
    expect(page.textMode).toBe('fts')
    expect(page.rows.map((r) => r.id)).toEqual([a.id])
    expect(page.rows[0]?.snippet).toContain('高龄津贴')
    // The list shows the same warnings as the item view (a policy without its interpretation).
    expect(page.rows[0]?.warnings?.some((w) => w.includes('尚未关联政策解读'))).toBe(true)
  })

  it('falls back to LIKE on titles for terms shorter than 3 characters (trigram needs 3)', async () => {
    const a = await newItem(t, { title: '关于低保的通知', bodyHtml: '<p>正文</p>' })
    await newItem(t, { title: '其他条目', bodyHtml: '<p>低保在正文里</p>' })
    const page = await t.call('items:search', { text: '低保' })
    expect(page.textMode).toBe('title-like')
    expect(page.rows.map((r) => r.id)).toEqual([a.id])
    const mixed = await t.call('items:search', { text: '低保 的通知' })
    expect(mixed.textMode).toBe('mixed')
    expect(mixed.total).toBe(1)
  })

  it('treats LIKE wildcards and FTS syntax in the query as plain text', async () => {
    await newItem(t, { title: '100%完成率' })
    expect((await t.call('items:search', { text: '%' })).total).toBe(1)
    expect((await t.call('items:search', { text: '_' })).total).toBe(0)
    expect((await t.call('items:search', { text: '"OR" NEAR(' })).total).toBe(0)
    expect((await t.call('items:search', { text: '0%完成' })).total).toBe(1)
  })

  it('filters by status, kind, validity, author, dates and sorts by title or 成文日期', async () => {
    const a = await newItem(t, { title: '乙文件', signedDate: '2026-01-10' })
    await loginAs(t, OFFICER2)
    const b = await newItem(t, {
      title: '甲文件',
      kind: 'notice',
      signedDate: '2026-03-01',
      docNumber: '',
    })
    const raw = new Database(t.dbPath)
    raw.prepare("UPDATE items SET status = 'synced', validity = 'expired' WHERE id = ?").run(a.id)
    raw.close()
    const ids = async (input: Parameters<typeof t.call<'items:search'>>[1]) =>
      (await t.call('items:search', input)).rows.map((r) => r.id)
    expect(await ids({ statuses: ['synced'] })).toEqual([a.id])
    expect(await ids({ kinds: ['notice'] })).toEqual([b.id])
    expect(await ids({ validities: ['expired'] })).toEqual([a.id])
    const authors = await t.call('items:authors', {})
    const zhao = authors.find((x) => x.displayName === '赵起草')
    expect(await ids({ authorId: zhao?.id })).toEqual([b.id])
    expect(await ids({ signedFrom: '2026-02-01', signedTo: '2026-12-31' })).toEqual([b.id])
    expect(await ids({ updatedFrom: '2026-11-26', updatedTo: '2026-11-26' })).toHaveLength(2)
    expect(await ids({ sort: 'signed', order: 'asc' })).toEqual([a.id, b.id])
    // Titles sort by code point (乙 U+4E59 before 甲 U+7532), not by pinyin.
    expect(await ids({ sort: 'title', order: 'asc', text: '文件' })).toEqual([a.id, b.id])
  })

  it('pages with offset/limit and a stable total, on both the sparse and the dense full-text plan', async () => {
    const made: string[] = []
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(1)
      const v = await newItem(t, {
        title: `第${i}号通知`,
        bodyHtml: `<p>推进政务公开标准化第${i}项</p>`,
      })
      made.push(v.id)
    }
    const newestFirst = [...made].reverse()
    // limit 3 over 24 dense matches → the index-walk plan; limit 50 → the lookup plan.
    const pages: string[] = []
    for (let offset = 0; offset < 24; offset += 3) {
      const page = await t.call('items:search', { text: '政务公开标准化', offset, limit: 3 })
      expect(page.total).toBe(24)
      pages.push(...page.rows.map((r) => r.id))
    }
    expect(pages).toEqual(newestFirst)
    const all = await t.call('items:search', { text: '政务公开标准化', limit: 50 })
    expect(all.rows.map((r) => r.id)).toEqual(newestFirst)
    const filtered = await t.call('items:search', {
      text: '政务公开标准化',
      statuses: ['approved'],
    })
    expect(filtered.total).toBe(0)
  })

  it('keeps the index in step with edits and survives a restart', async () => {
    const v = await newItem(t, { bodyHtml: '<p>原来的独特词汇甲乙丙</p>' })
    const { fieldsOf } = await import('../items/helpers')
    await t.call('items:save', { ...fieldsOf(v), bodyHtml: '<p>新的独特词汇丁戊己</p>' })
    expect((await t.call('items:search', { text: '甲乙丙' })).total).toBe(0)
    await t.restart()
    await loginAdmin(t)
    expect((await t.call('items:search', { text: '丁戊己' })).total).toBe(1)
  })
})
