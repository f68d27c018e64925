import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Store } from '../../../src/core/db/database'
import { loadReport } from '../../../src/core/report/service'
import { reportDocx, reportXlsx } from '../../../src/core/report/export'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import {
  RENDER_ROOT,
  renderDocxToPng,
  renderXlsxToPng,
  renderedPages,
  renderedText,
} from '../../helpers/render-docx'
import { generateYear } from './generate-year'

let t: TestCore
let store: Store
const YEAR = 2024

beforeAll(async () => {
  t = await createTestCore()
  store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  const admin = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
  await generateYear(store.db, { year: YEAR, requests: 300, items: 800, authorId: admin.id })
})

afterAll(async () => {
  await store.db.destroy()
  await t.cleanup()
})

describe('the annual report .docx in the official layout (rendered with LibreOffice)', () => {
  it('title, six headings, tables with merged headers, A4, East Asian fonts named, charts as pictures', async () => {
    const { view } = await loadReport(store.db, YEAR)
    const docx = await reportDocx({ ...view, tables: view.tables })
    const zip = await JSZip.loadAsync(docx)
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const has = (s: string) => xml.includes(s)
    expect(has('w:eastAsia="仿宋_GB2312"')).toBe(true)
    expect(has('w:eastAsia="黑体"')).toBe(true)
    expect(has('<w:vMerge w:val="restart"/>')).toBe(true)
    expect(has('<w:vMerge w:val="continue"/>')).toBe(true)
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBe(2)
    const out = join(RENDER_ROOT, 'annual-report')
    const pages = await renderDocxToPng(docx, out)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    const info = await renderedPages(out)
    expect(Math.round(info.width)).toBe(595)
    expect(Math.round(info.height)).toBe(842)
    const text = (await renderedText(out)).replace(/\s+/g, '')
    expect(text).toContain(`杭州市示范局${YEAR}年政府信息公开工作年度报告`)
    for (const h of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
    ]) {
      expect(text).toContain(h)
    }
  }, 180_000)

  it('the .xlsx prints the same tables (rendered: test-results/documents/annual-report-xlsx)', async () => {
    const { view } = await loadReport(store.db, YEAR)
    const out = join(RENDER_ROOT, 'annual-report-xlsx')
    const pages = await renderXlsxToPng(await reportXlsx(view), out)
    expect(pages.length).toBeGreaterThanOrEqual(4)
    const text = (await renderedText(out, 'sheet.pdf')).replace(/\s+/g, '')
    expect(text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
    expect(text).toContain('未经复议直接起诉')
    expect(text).toContain('第二十条第（八）项')
  }, 180_000)
})
