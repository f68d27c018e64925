import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { buildDocx, para } from '../../fixtures/drafting/build-docx'
import { withStaff } from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

async function importFile(name: string, bytes: Buffer) {
  const file = join(t.dataDir, name)
  writeFileSync(file, bytes)
  t.platform.openAnswers.push(file)
  return t.send('items:import-docx', {})
}

describe('import a Word document', () => {
  it('creates a draft with title, 发文字号, 成文日期 and 发文机关 recognised', async () => {
    const docx = await buildDocx([
      para('淄高新管办字〔2023〕12号'),
      para('关于印发政务公开工作要点的通知', 'Heading1'),
      para('各部门：'),
      para('现将工作要点印发给你们，请认真贯彻执行。&lt;script&gt;alert(1)&lt;/script&gt;'),
      para('淄博高新区管委会办公室'),
      para('2023年5月8日'),
    ])
    const r = await importFile('通知.docx', docx)
    expect(r.ok).toBe(true)
    if (!r.ok || !r.data) return
    expect(r.data.title).toBe('关于印发政务公开工作要点的通知')
    expect(r.data.docNumber).toBe('淄高新管办字〔2023〕12号')
    expect(r.data.signedDate).toBe('2023-05-08')
    expect(r.data.issuer).toBe('淄博高新区管委会办公室')
    expect(r.data.kind).toBe('notice')
    expect(r.data.bodyHtml).toContain('<h1>关于印发政务公开工作要点的通知</h1>')
    expect(r.data.bodyHtml).not.toContain('<script')
    expect(r.data.bodyHtml).toContain('&lt;script&gt;')
    expect((await t.call('items:revisions', { id: r.data.id }))[0]?.kind).toBe('import')
  })

  it('reads a Chinese-numeral date, normalises a bracket 发文字号, and falls back to the first paragraph as title', async () => {
    const docx = await buildDocx([
      para('高新区2024年政务公开工作方案'),
      para('文号：淄高新管字[2024]3号'),
      para('二〇二三年五月八日'),
    ])
    const r = await importFile('方案.docx', docx)
    if (!r.ok || !r.data) throw new Error('import failed')
    expect(r.data.title).toBe('高新区2024年政务公开工作方案')
    expect(r.data.docNumber).toBe('淄高新管字〔2024〕3号')
    expect(r.data.signedDate).toBe('2023-05-08')
  })

  it('refuses a broken .docx with a Chinese message and creates nothing', async () => {
    const r = await importFile('坏文件.docx', Buffer.from('PK\u0003\u0004 not really a zip'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('无法读取 Word 文档')
    expect((await t.call('items:search', {})).total).toBe(0)
  })

  it('returns null when the officer cancels the dialog', async () => {
    expect(await t.call('items:import-docx', {})).toBeNull()
  })
})
