import { describe, expect, it } from 'vitest'
import { checkReportFile } from '../../../../src/core/report/check'
import {
  TABLE3_APPLICANT_COLUMNS,
  table3Rows,
  type ReportTables,
} from '../../../../src/shared/report/format'
import {
  buildReportHtml,
  documentXml,
  zipDocx,
  type HandReport,
} from '../../../fixtures/reports/build'
import { sampleNarrative, sampleTables } from '../../../fixtures/reports/sample'

const base = (): HandReport => ({
  department: '示范局',
  year: 2024,
  tables: sampleTables(),
  narrative: sampleNarrative(),
})

/**
 * Table 三 as some offices lay it out: two label columns (no （三）/（四）… group cells, the
 * sub-items directly), one header row without 申请人情况 or the corner text, and the table broken
 * in two after （三）8 by a page break in the web page.
 */
function flattenedTable3(tables: ReportTables): string {
  const head = `<tr><td colspan="2"></td>${['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((l) => `<th>${l}</th>`).join('')}</tr>`
  const rows = table3Rows('2021').map((r) => {
    const values = [...TABLE3_APPLICANT_COLUMNS, 'total']
      .map((c) => `<td>${tables.table3[r.key]?.[c] ?? ''}</td>`)
      .join('')
    const label =
      r.path.length === 1
        ? `<td colspan="2">${r.label}</td>`
        : `<td>三、本年度办理结果</td><td>${r.label}</td>`
    return `<tr>${label}${values}</tr>`
  })
  const cut = table3Rows('2021').findIndex((r) => r.key === '4.1')
  return `<table>${head}${rows.slice(0, cut).join('')}</table><p>&nbsp;</p><table>${rows.slice(cut).join('')}</table>`
}

describe('check-report on other layouts offices produce', () => {
  it('table 三 with two label columns, no group cells, split over two tables', async () => {
    const r = base()
    const page = new TextDecoder().decode(buildReportHtml(r, 'wps'))
    const start = page.indexOf('<table', page.indexOf('三、收到和处理政府信息公开申请情况'))
    const end = page.indexOf('</table>', start) + '</table>'.length
    const html = page.slice(0, start) + flattenedTable3(r.tables) + page.slice(end)
    const result = await checkReportFile({
      bytes: new TextEncoder().encode(html),
      fileName: 'flat.html',
    })
    expect(result.failures).toEqual([])
    expect(result.tables.table3).toEqual(r.tables.table3)
  })

  it('Word tracked changes: the deleted figure is not read, the inserted one is', async () => {
    const xml = documentXml(base(), 'word')
    const cell = '<w:t xml:space="preserve">1520</w:t></w:r>'
    expect(xml).toContain(cell)
    const tracked = xml.replace(
      cell,
      `<w:t xml:space="preserve"></w:t></w:r><w:del w:author="张三"><w:r><w:delText>1600</w:delText></w:r></w:del><w:ins w:author="张三"><w:r><w:t>1520</w:t></w:r></w:ins>`,
    )
    const result = await checkReportFile({
      bytes: await zipDocx(tracked),
      fileName: 'tracked.docx',
    })
    expect(result.tables.table2.licensing!.decisions).toBe(1520)
    expect(result.failures).toEqual([])
  })

  it('a report whose label is rewritten names the missing row', async () => {
    const xml = documentXml(base(), 'word').replace('5.属于三类内部事务信息', '5.内部事务')
    const result = await checkReportFile({ bytes: await zipDocx(xml), fileName: 'x.docx' })
    const missing = result.failures.filter((f) => f.rule === 'READ-ROW')
    expect(missing).toHaveLength(1)
    expect(missing[0]).toMatchObject({ table: 'table3', row: '3.5' })
    expect(missing[0]!.message).toBe(
      '表三缺少“三、本年度办理结果 › （三）不予公开 › 5.属于三类内部事务信息”行',
    )
  })

  it('headings numbered by Word’s list numbering (text without 「一、」) still open their sections', async () => {
    const xml = documentXml(base(), 'word')
      .replace('>一、总体情况<', '>总体情况<')
      .replace('>六、其他需要报告的事项<', '>其他需要报告的事项：<')
    const result = await checkReportFile({ bytes: await zipDocx(xml), fileName: 'numbered.docx' })
    expect(result.failures).toEqual([])
    expect(result.narrative.overview).toBe(sampleNarrative().overview)
    expect(result.narrative.other).toBe(sampleNarrative().other)
  })
})
