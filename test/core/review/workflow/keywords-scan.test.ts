import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import { buildDocx, p } from '../helpers/build-files'
import { loginAdmin, loginAs, newItem, OFFICER, query, reviewCore, submit } from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

const file = (name: string, content: string | Buffer) => {
  const path = join(t.dataDir, name)
  writeFileSync(path, content)
  return path
}

describe('department keywords', () => {
  it('imports a .txt list (parseKeywordList) and the hits appear in the scan with their severity', async () => {
    const item = await newItem(t, {
      bodyHtml: '<p>关于红星项目选址的通知。</p><p>涉及蓝天工程。</p>',
    })
    expect(
      (await t.call('review:scan', { itemId: item.id })).findings.some((f) => f.kind === 'keyword'),
    ).toBe(false)
    await loginAdmin(t)
    t.platform.openAnswers.push(file('words.txt', '# 部门敏感词\n红星项目\n蓝天工程\twarn\n'))
    const result = await t.call('review:keywords-import', {})
    expect(result).toMatchObject({ added: 2, total: 2, format: 'txt' })
    const scan = await t.call('review:scan', { itemId: item.id })
    const hits = scan.findings.filter((f) => f.kind === 'keyword')
    expect(hits.map((f) => [f.text, f.severity])).toEqual([
      ['红星项目', 'high'],
      ['蓝天工程', 'warn'],
    ])
    expect(
      query(t, "SELECT 1 FROM audit_log WHERE action = 'review.keywords_import'"),
    ).toHaveLength(1)
  })

  it('imports the first column of an .xlsx (header skipped), replaces on request, adds and removes words', async () => {
    await loginAdmin(t)
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('敏感词')
    sheet.addRow(['关键词', '级别'])
    sheet.addRow(['白鹭计划', '阻断'])
    sheet.addRow(['青松行动'])
    t.platform.openAnswers.push(file('words.xlsx', Buffer.from(await wb.xlsx.writeBuffer())))
    expect(await t.call('review:keywords-import', { mode: 'replace' })).toMatchObject({
      added: 2,
      total: 2,
      format: 'xlsx',
    })
    const list = await t.call('review:keywords-list', {})
    expect(list.map((k) => [k.word, k.severity])).toEqual([
      ['白鹭计划', 'blocker'],
      ['青松行动', 'high'],
    ])
    const added = await t.call('review:keywords-add', { word: '金桥', severity: 'warn' })
    const remaining = await t.call('review:keywords-remove', { ids: [added.id] })
    expect(remaining).toHaveLength(2)

    await loginAs(t, OFFICER)
    const item = await newItem(t, { bodyHtml: '<p>白鹭计划实施方案。</p>' })
    const view = await submit(t, item)
    expect(view.findings.find((f) => f.kind === 'keyword')).toMatchObject({
      text: '白鹭计划',
      severity: 'blocker',
    })
    const forbidden = await t.send('review:keywords-add', { word: '词' })
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN')
  })

  it('refuses an unreadable severity in a .txt list with the line number', async () => {
    await loginAdmin(t)
    t.platform.openAnswers.push(file('bad.txt', '词一\n词二\t很高\n'))
    const result = await t.send('review:keywords-import', {})
    expect(result.ok ? '' : result.error.message).toContain('第 2 行')
  })
})

describe('the item scan', () => {
  it('scans attachments including hidden docx parts, labelled by source; 意见征集 items skip process hints', async () => {
    const item = await newItem(t, { title: '关于某事项的征求意见稿' })
    const docx = await buildDocx(p('附件正文'), {
      comments:
        '<w:comment w:id="1" w:author="李四"><w:p><w:r><w:t>联系 13812345678</w:t></w:r></w:p></w:comment>',
    })
    t.platform.openAnswers.push(file('附件.docx', docx))
    await t.call('attachments:add', { itemId: item.id })
    const scan = await t.call('review:scan', { itemId: item.id })
    const mobile = scan.findings.find((f) => f.kind === 'mobile')
    expect(mobile).toMatchObject({
      source: 'attachment',
      attachmentName: '附件.docx',
      maskable: false,
    })
    expect(mobile?.sourceLabel).toContain('附件“附件.docx”')
    expect(mobile?.sourceLabel).toContain('批注')
    expect(scan.findings.some((f) => f.kind === 'process-hint' && f.source === 'title')).toBe(true)

    const consultation = await newItem(t, { kind: 'consultation', title: '关于某事项的征求意见稿' })
    const scan2 = await t.call('review:scan', { itemId: consultation.id })
    expect(scan2.findings.some((f) => f.kind === 'process-hint')).toBe(false)
  })
})
