import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CATALOGUE_COLUMNS } from '../../../src/shared/catalogue/types'
import { CATALOGUE_COLUMN_LABELS } from '../../../src/shared/catalogue/labels'
import { writeSpreadsheet } from '../../../src/core/spreadsheet'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import {
  RENDER_ROOT,
  renderedPages,
  renderedText,
  renderXlsxToPng,
} from '../../helpers/render-docx'
import { withStaff } from '../items/helpers'
import { biff8Xls, namespacedXlsx } from '../../fixtures/spreadsheet/build'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

async function importFile(name: string, bytes: Buffer) {
  const path = join(t.dataDir, name)
  writeFileSync(path, bytes)
  t.platform.openAnswers.push(path)
  return t.call('catalogue:import-xlsx', {})
}

describe('catalogue import through the spreadsheet module', () => {
  it('imports a BIFF8 .xls and an .xlsx with namespace prefixes (title, 填报单位 line, two header rows, merged categories)', async () => {
    const xls = await importFile('目录.xls', biff8Xls())
    expect(xls).toMatchObject({ added: 3, updated: 0 })
    const list = await t.call('catalogue:list', {})
    expect(list.map((e) => [e.level1, e.level2, e.audience])).toEqual([
      ['行政许可', '许可决定', '全社会'],
      ['行政许可', '许可变更', '全社会'],
      ['行政处罚', '处罚决定', '特定群体'],
    ])
    const again = await importFile('目录.xlsx', await namespacedXlsx())
    expect(again).toMatchObject({ added: 0, updated: 3 })
  })
})

describe('catalogue export, printed (.xlsx → PDF through LibreOffice)', () => {
  it('prints A4 landscape, all columns on one page width, the header repeated on every page', async () => {
    // 45 entries, so the print runs over several pages.
    const rows = Array.from({ length: 45 }, (_, i) => [
      i + 1,
      `事项类别${Math.floor(i / 5) + 1}`,
      `二级事项${i + 1}`,
      '事项名称、办理依据、办理结果及相关要素，按规定去除个人信息后公开',
      '《中华人民共和国政府信息公开条例》第二十条',
      '信息形成或变更之日起20个工作日内',
      '区民政局',
      '政府网站、公示栏',
      '全社会',
      '主动',
      '县级',
    ])
    const sheet = await writeSpreadsheet({
      sheets: [
        {
          name: '目录',
          columns: CATALOGUE_COLUMNS.map((c) => ({ header: CATALOGUE_COLUMN_LABELS[c] })),
          rows,
        },
      ],
    })
    expect(await importFile('导入.xlsx', sheet)).toMatchObject({ added: 45 })
    const out = join(t.dataDir, '导出.xlsx')
    t.platform.saveAnswers.push(out)
    await t.call('catalogue:export-xlsx', {})

    const dir = join(RENDER_ROOT, 'catalogue-export')
    const pngs = await renderXlsxToPng(readFileSync(out), dir)
    const info = await renderedPages(dir, 'sheet.pdf')
    expect(info.pages).toBe(pngs.length)
    expect(info.pages).toBeGreaterThanOrEqual(2)
    // A4 landscape: 842 × 595 pt.
    expect(Math.round(info.width)).toBe(842)
    expect(Math.round(info.height)).toBe(595)
    for (let page = 1; page <= info.pages; page++) {
      const text = (await renderedText(dir, 'sheet.pdf', page)).replace(/\s+/g, '')
      // Fitted to the width: the first and the last column on every page; the header repeated.
      expect(text, `page ${page}`).toContain('一级事项')
      expect(text, `page ${page}`).toContain('公开层级')
      expect(text, `page ${page}`).toContain(`第${page}页`)
    }
  })
})
