import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { blobPath } from '../../../src/core/attachments/blob-store'
import { cleanFileName } from '../../../src/core/attachments/file-name'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { buildDocx, para } from '../../fixtures/drafting/build-docx'
import { loginAdmin, newItem, withStaff } from '../items/helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

function file(name: string, bytes: Buffer): string {
  const path = join(t.dataDir, name)
  writeFileSync(path, bytes)
  return path
}

async function add(itemId: string, path: string) {
  t.platform.openAnswers.push(path)
  return t.send('attachments:add', { itemId })
}

describe('attachments', () => {
  it('stores a file under its sha256, adds a revision, and finds text only present in the attachment', async () => {
    const item = await newItem(t)
    const docx = await buildDocx([para('附件专有词语：城乡居民养老保险待遇调整明细表')])
    const r = await add(item.id, file('明细.docx', docx))
    if (!r.ok || !r.data) throw new Error(r.ok ? 'cancelled' : r.error.message)
    expect(r.data.attachment).toMatchObject({ name: '明细.docx', ext: 'docx', textStatus: 'ok' })
    expect(existsSync(blobPath(t.dataDir, r.data.attachment.sha256))).toBe(true)
    expect(r.data.item.revision).toBe(2)
    expect((await t.call('items:revisions', { id: item.id }))[0]?.kind).toBe('attachment')
    const found = await t.call('items:search', { text: '养老保险待遇调整' })
    expect(found.rows.map((x) => x.id)).toEqual([item.id])
    expect(found.rows[0]?.snippet).toContain('附件「明细.docx」')
    await t.restart()
    await loginAdmin(t)
    expect((await t.call('items:search', { text: '养老保险待遇调整' })).total).toBe(1)
  })

  it('stores the same file once for two items, and does not add it twice to one item', async () => {
    const a = await newItem(t)
    const b = await newItem(t, { title: '另一个条目' })
    const path = file('图.png', PNG)
    const first = await add(a.id, path)
    const second = await add(b.id, path)
    if (!first.ok || !first.data || !second.ok || !second.data) throw new Error('add failed')
    expect(second.data.deduplicated).toBe(true)
    expect(second.data.attachment.sha256).toBe(first.data.attachment.sha256)
    const shard = join(t.dataDir, 'attachments', first.data.attachment.sha256.slice(0, 2))
    expect(readdirSync(shard)).toEqual([first.data.attachment.sha256])
    const again = await add(a.id, path)
    if (!again.ok || !again.data) throw new Error('add failed')
    expect(again.data.warnings.join()).toContain('未重复添加')
    expect(again.data.item.revision).toBe(2)
  })

  it('refuses an oversize file with the limit in the message, leaving the item as it was', async () => {
    await loginAdmin(t)
    await t.call('drafting:update-settings', { attachmentMaxMb: 1 })
    const item = await newItem(t)
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10)])
    const r = await add(item.id, file('大图.png', big))
    expect(r.ok ? null : r.error.message).toContain('附件超过 1 MB 上限')
    // Issue 10: the message says where the limit is set.
    expect(r.ok ? null : r.error.message).toContain('设置 → 附件大小上限')
    const after = await t.call('items:get', { id: item.id })
    expect(after.revision).toBe(1)
    expect(after.attachments).toEqual([])
  })

  it('refuses a type outside the allowlist and a renamed .exe with a .pdf extension', async () => {
    const item = await newItem(t)
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])
    const r1 = await add(item.id, file('setup.exe', exe))
    expect(r1.ok ? null : r1.error.message).toMatch(/^不支持的附件类型：\.exe。允许的类型：\.pdf、/)
    const r2 = await add(item.id, file('通知.pdf', exe))
    expect(r2.ok ? null : r2.error.message).toContain('内容与扩展名 .pdf 不符')
    expect((await t.call('items:get', { id: item.id })).revision).toBe(1)
  })

  it('keeps an attachment whose text cannot be extracted, with a warning', async () => {
    const item = await newItem(t)
    const r = await add(
      item.id,
      file('扫描件.pdf', Buffer.from('%PDF-1.4\n garbage that is no pdf')),
    )
    if (!r.ok || !r.data) throw new Error('add failed')
    expect(r.data.attachment.textStatus).toBe('failed')
    expect(r.data.warnings[0]).toContain('无法提取文字')
    expect(r.data.item.warnings.some((w) => w.includes('扫描件.pdf'))).toBe(true)
  })

  it('removes an attachment as a new revision and keeps the stored file for old revisions', async () => {
    const item = await newItem(t)
    const r = await add(item.id, file('图.png', PNG))
    if (!r.ok || !r.data) throw new Error('add failed')
    const after = await t.call('attachments:remove', {
      itemId: item.id,
      attachmentId: r.data.attachment.id,
    })
    expect(after.attachments).toEqual([])
    expect(after.revision).toBe(3)
    expect(existsSync(blobPath(t.dataDir, r.data.attachment.sha256))).toBe(true)
    const restored = await t.call('items:restore', { id: item.id, revision: 2, baseRevision: 3 })
    expect(restored.attachments.map((a) => a.name)).toEqual(['图.png'])
  })

  it('returns null when the officer cancels the dialog', async () => {
    const item = await newItem(t)
    expect(await t.call('attachments:add', { itemId: item.id })).toBeNull()
  })
})

describe('cleanFileName', () => {
  it.each([
    ['C:\\Users\\张三\\Desktop\\通知.pdf', '通知.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['报\u0000告\u0007.docx', '报告.docx'],
    ['a<b>c:d"e|f?g*.pdf', 'a_b_c_d_e_f_g_.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['nul', '_nul'],
    ['名单.pdf. . ', '名单.pdf'],
    ['\u202egpj.exe.pdf', 'gpj.exe.pdf'],
  ])('cleans %j → %s', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected)
  })

  it('shortens an over-long name but keeps its extension', () => {
    const name = cleanFileName(`${'很'.repeat(300)}.docx`)
    expect([...name].length).toBe(120)
    expect(name.endsWith('.docx')).toBe(true)
  })

  it('names a file with nothing left after cleaning', () => {
    expect(cleanFileName('...', 'pdf')).toBe('附件.pdf')
  })
})
