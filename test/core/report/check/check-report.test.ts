import { describe, expect, it } from 'vitest'
import { checkReportFile, ReportReadError } from '../../../../src/core/report/check'
import type { RuleFailure } from '../../../../src/core/report/rules'
import {
  buildReportDocx,
  buildReportHtml,
  buildReportXls,
  buildReportXlsx,
  documentXml,
  type HandReport,
  type TableStyle,
} from '../../../fixtures/reports/build'
import {
  SAMPLE_OVERVIEW,
  sampleNarrative,
  samplePrior,
  sampleTables,
} from '../../../fixtures/reports/sample'

function report(over: Partial<HandReport> = {}): HandReport {
  return {
    department: '淄博高新区市场监督管理局',
    year: 2024,
    tables: sampleTables(),
    narrative: sampleNarrative(),
    ...over,
  }
}

type Kind = 'docx-word' | 'docx-wps' | 'html-word' | 'html-wps' | 'xlsx'
const KINDS: Kind[] = ['docx-word', 'docx-wps', 'html-word', 'html-wps', 'xlsx']

async function build(kind: Kind, r: HandReport): Promise<{ bytes: Uint8Array; fileName: string }> {
  const [type, style] = kind.split('-') as ['docx' | 'html' | 'xlsx', TableStyle | undefined]
  if (type === 'docx')
    return { bytes: await buildReportDocx(r, style ?? 'word'), fileName: `报告-${kind}.docx` }
  if (type === 'html')
    return { bytes: buildReportHtml(r, style ?? 'word'), fileName: `报告-${kind}.html` }
  return { bytes: await buildReportXlsx(r), fileName: '报告.xlsx' }
}

const ids = (fs: RuleFailure[]) => fs.map((f) => f.rule)

describe('check-report reads reports this app did not write (国办公开办函〔2021〕30号, 条例第五十条)', () => {
  it('the WPS fixture really is WPS-shaped: hMerge, split runs, padded labels, full-width digits', () => {
    const xml = documentXml(report(), 'wps')
    expect(xml).toContain('<w:hMerge w:val="restart"/>')
    expect(xml).toContain('w:hint="eastAsia"')
    expect(xml).toContain('自 然')
    expect(xml).toContain('２５８')
    expect(documentXml(report(), 'word')).toContain('<w:vMerge w:val="restart"/>')
  })

  for (const kind of KINDS)
    it(`${kind}: a correct report passes, every cell read`, async () => {
      const r = report()
      const result = await checkReportFile(await build(kind, r))
      expect(result.failures).toEqual([])
      expect(result.format).toBe('2021')
      expect(result.formatFrom).toBe('tables')
      expect(result.year).toBe(2024)
      expect(result.title).toBe('淄博高新区市场监督管理局2024年政府信息公开工作年度报告')
      expect(result.tables).toEqual(r.tables)
      if (kind !== 'xlsx') {
        expect(result.narrative.overview).toBe(SAMPLE_OVERVIEW)
        expect(result.narrative.other).toContain('实际收取240元')
      }
    })

  for (const kind of KINDS)
    it(`${kind}: a wrong row sum is reported with its row, column and numbers`, async () => {
      const tables = sampleTables()
      tables.table3['4.1']!.total = 40 // 30 + 6 + 1 + 0 + 2 + 0 = 39
      const result = await checkReportFile(await build(kind, report({ tables })))
      const rowSum = result.failures.filter((f) => f.rule === 'T3-ROW-SUM')
      expect(rowSum).toHaveLength(1)
      expect(rowSum[0]).toMatchObject({
        table: 'table3',
        row: '4.1',
        column: 'total',
        numbers: { total: 40, sum: 39 },
      })
      expect(rowSum[0]!.message).toContain('（四）无法提供 › 1.本机关不掌握相关政府信息')
      expect(result.errors).toBeGreaterThan(0)
    })

  for (const kind of ['docx-word', 'docx-wps', 'html-wps'] as Kind[])
    it(`${kind}: a narrative number contradicting the table names the sentence`, async () => {
      const narrative = {
        ...sampleNarrative(),
        overview: SAMPLE_OVERVIEW.replace('予以公开130件', '予以公开258件'),
      }
      const result = await checkReportFile(await build(kind, report({ narrative })))
      expect(ids(result.failures)).toEqual(['N-TABLE'])
      const f = result.failures[0]!
      expect(f).toMatchObject({
        section: 'overview',
        row: '1',
        column: 'total',
        numbers: { stated: 258, table: 130 },
      })
      expect(f.sentence).toContain('予以公开258件')
      expect(result.narrative.overview!.slice(f.offset!, f.offset! + f.length!)).toBe(f.sentence)
    })

  for (const kind of KINDS)
    it(`${kind}: blank cells are reported apart from zeros`, async () => {
      const tables = sampleTables()
      tables.table3['3.1']!.research = null // was 0
      tables.table4.litigation_after!.other = null
      const result = await checkReportFile(await build(kind, report({ tables })))
      const blanks = result.failures.filter((f) => f.rule === 'BLANK')
      expect(blanks.map((b) => `${b.table}:${b.row}:${b.column}`)).toEqual([
        'table3:3.1:research',
        'table4:litigation_after:other',
      ])
      expect(result.tables.table3['3.1']!.research).toBeNull()
      expect(result.tables.table3['3.1']!.natural).toBe(0)
      expect(result.errors).toBe(0)
    })

  for (const kind of KINDS)
    it(`${kind}: a 2019-format report is read in its own layout`, async () => {
      const tables = sampleTables('2019')
      const narrative = {
        ...sampleNarrative(),
        overview: SAMPLE_OVERVIEW.replace('现行有效45件', '对外公开45件').replace('废止3件', ''),
      }
      const r = report({ year: 2020, tables, narrative })
      const result = await checkReportFile(await build(kind, r))
      expect(result.format).toBe('2019')
      expect(result.failures).toEqual([])
      expect(result.tables).toEqual(tables)
      expect(result.tables.table3['6']!.total).toBe(10)
      expect(result.tables.table2.licensing!.change).toBe(-3)
    })

  it('an old .xls workbook (BIFF8, WPS 表格 / Excel 2003) with merged cells reads the same', async () => {
    const r = report()
    const bytes = await buildReportXls(r)
    expect([...bytes.slice(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0])
    const result = await checkReportFile({ bytes, fileName: '报告.xls' })
    expect(result.failures).toEqual([])
    expect(result.tables).toEqual(r.tables)
  })

  it('a 2024 report in the 2019 layout is told it uses the old format', async () => {
    const result = await checkReportFile(
      await build('docx-word', report({ tables: sampleTables('2019') })),
    )
    expect(result.format).toBe('2019')
    expect(ids(result.failures)).toContain('READ-FORMAT-YEAR')
  })

  it('text in a number cell is reported and read as blank', async () => {
    const bytes = buildReportHtml(report(), 'word')
    const html = new TextDecoder().decode(bytes)
    // The 行政强制 cell (4) becomes 「—」.
    const changed = html.replace(
      /(行政强制<\/span><\/p><\/td><td[^>]*><p[^>]*><span[^>]*>)4</,
      '$1—<',
    )
    expect(changed).not.toBe(html)
    const result = await checkReportFile({
      bytes: new TextEncoder().encode(changed),
      fileName: 'r.html',
    })
    const odd = result.failures.find((f) => f.rule === 'READ-CELL')
    expect(odd).toMatchObject({ table: 'table2', row: 'enforcement', column: 'decisions' })
    expect(odd!.message).toContain('“—”')
    expect(result.failures.filter((f) => f.rule === 'BLANK')).toEqual([])
  })

  it('a report whose table 四 is a picture says the table is missing', async () => {
    const result = await checkReportFile(
      await build('docx-word', report({ omitTables: ['table4'] })),
    )
    const missing = result.failures.filter((f) => f.rule === 'READ-TABLE')
    expect(missing).toHaveLength(1)
    expect(missing[0]!.message).toContain('表四')
  })

  it('cross-year against last year’s report file', async () => {
    const prior = samplePrior()
    prior.table3.carried_forward!.commercial = 3
    const result = await checkReportFile({ ...(await build('docx-word', report())), prior })
    expect(result.failures.filter((f) => f.rule === 'X-CARRY')[0]).toMatchObject({
      column: 'commercial',
      numbers: { thisYear: 2, lastYear: 3 },
    })
  })

  it('a file that is not a report, an unreadable file and an unsupported type are told apart', async () => {
    const notice = await buildReportDocx(
      { ...report(), omitTables: ['table2', 'table3', 'table4'], narrative: {} },
      'word',
    )
    // A Word file with only a title and headings removed is not a report.
    const plain = new TextEncoder().encode(
      '<html><body><p>关于召开会议的通知</p><table><tr><td>姓名</td></tr></table></body></html>',
    )
    await expect(checkReportFile({ bytes: plain, fileName: '通知.html' })).rejects.toMatchObject({
      reason: 'NOT_A_REPORT',
    })
    await expect(
      checkReportFile({ bytes: new Uint8Array([1, 2, 3]), fileName: '坏.docx' }),
    ).rejects.toBeInstanceOf(ReportReadError)
    await expect(
      checkReportFile({ bytes: new Uint8Array([1, 2, 3]), fileName: '坏.docx' }),
    ).rejects.toMatchObject({
      reason: 'UNREADABLE',
    })
    await expect(
      checkReportFile({ bytes: new Uint8Array([1]), fileName: 'a.pdf' }),
    ).rejects.toMatchObject({
      reason: 'UNSUPPORTED',
    })
    // Headings but no tables: a report whose tables are all missing, reported per table.
    const result = await checkReportFile({ bytes: notice, fileName: '无表.docx' })
    expect(result.failures.filter((f) => f.rule === 'READ-TABLE')).toHaveLength(3)
  })
})
