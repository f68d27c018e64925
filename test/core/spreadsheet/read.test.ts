import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import {
  fillMerged,
  findHeader,
  readSpreadsheet,
  SpreadsheetError,
  type SheetGrid,
} from '../../../src/core/spreadsheet'
import {
  biff8Xls,
  CSV_EXPECTED,
  DATA,
  excelStyleXlsx,
  gb18030Csv,
  MERGES,
  namespacedXlsx,
  NOTES,
  PREAMBLE,
  TITLE,
  utf8BomCsv,
} from '../../fixtures/spreadsheet/build'

const CATALOGUE_FIELDS = {
  seq: ['序号', '编号'],
  level1: ['一级事项', '公开事项', '事项名称'],
  level2: ['二级事项', '子事项'],
  content: ['公开内容(要素)', '公开内容'],
  timeLimit: ['公开时限', '时限'],
  public: ['全社会'],
  group: ['特定群体'],
  updated: ['更新日期'],
}

/** What every reader must see in the standard fixture, whatever the file format. */
function expectStandardSheet(sheet: SheetGrid | undefined) {
  if (!sheet) throw new Error('no sheet')
  expect(sheet.name).toBe('目录')
  expect(sheet.rows[0]?.[0]).toBe(TITLE)
  expect(sheet.rows[1]?.[0]).toBe(PREAMBLE)
  expect(sheet.rows[2]?.slice(0, 8)).toEqual([
    '序号',
    '公开事项',
    '',
    '公开内容（要素）',
    '公开时限',
    '公开对象',
    '',
    '更新日期',
  ])
  expect(sheet.rows[4]).toEqual(DATA[0]!.map(String))
  // 行政许可 is merged down over the second data row: empty there, filled by fillMerged.
  expect(sheet.rows[5]?.[1]).toBe('')
  expect(fillMerged(sheet)[5]?.[1]).toBe('行政许可')
  expect(sheet.rows[6]?.[3]).toBe('处罚依据、结果\n（去除个人信息）')
  expect(sheet.rows[6]?.[7]).toBe('2024-12-31')
  expect(sheet.rows.slice(-2).map((r) => r[0])).toEqual(NOTES)
  expect([...sheet.merges].sort(byPos)).toEqual([...MERGES].sort(byPos))

  const header = findHeader(sheet, CATALOGUE_FIELDS)
  expect(header).toMatchObject({ headerRow: 2, headerRows: 2, dataRow: 4, unmatched: [] })
  expect(header?.columns).toEqual({
    seq: 0,
    level1: 1,
    level2: 2,
    content: 3,
    timeLimit: 4,
    public: 5,
    group: 6,
    updated: 7,
  })
}
/** The CSV rows as read: a row's trailing empty cells are not kept. */
const CSV_ROWS = CSV_EXPECTED.map((r) => {
  const row = [...r]
  while (row[row.length - 1] === '') row.pop()
  return row
})
const byPos = (a: { top: number; left: number }, b: { top: number; left: number }) =>
  a.top - b.top || a.left - b.left

describe('readSpreadsheet', () => {
  it('reads an .xlsx as Excel saves it: title, 填报单位 line, two header rows, merges, dates, notes', async () => {
    const book = readSpreadsheet({ bytes: await excelStyleXlsx(), fileName: '目录.xlsx' })
    expect(book.format).toBe('xlsx')
    expectStandardSheet(book.sheets[0])
    expect(book.sheets[1]).toMatchObject({ name: '说明', hidden: true })
    expect(book.properties).toMatchObject({ author: '张三', company: '淄博高新区政务公开办' })
  })

  it('reads an .xlsx whose XML uses namespace prefixes (<x:workbook>, <properties:Properties>)', async () => {
    const bytes = await namespacedXlsx()
    // The reason this module reads with @e965/xlsx: exceljs 4.4 cannot open this file.
    await expect(
      new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer),
    ).rejects.toThrow()
    const book = readSpreadsheet({ bytes, fileName: '其他软件导出.xlsx' })
    expectStandardSheet(book.sheets[0])
  })

  it('reads ISO date cells (t="d", as Strict OOXML and some libraries write them)', async () => {
    const zip = await JSZip.loadAsync(await excelStyleXlsx())
    const path = 'xl/worksheets/sheet1.xml'
    const xml = (await zip.file(path)?.async('string')) ?? ''
    const rewritten = xml.replace(
      /<c r="H5"[^>]*>[\s\S]*?<\/c>/,
      '<c r="H5" t="d"><v>2024-02-20T00:00:00</v></c>',
    )
    expect(rewritten).not.toBe(xml)
    zip.file(path, rewritten)
    const bytes = await zip.generateAsync({ type: 'nodebuffer' })
    expect(readSpreadsheet({ bytes, fileName: 'a.xlsx' }).sheets[0]?.rows[4]?.[7]).toBe(
      '2024-02-20',
    )
  })

  it('reads a BIFF8 .xls with its merged ranges and date cells', () => {
    const bytes = biff8Xls()
    expect(bytes.subarray(0, 4).toString('hex')).toBe('d0cf11e0')
    const book = readSpreadsheet({ bytes, fileName: '目录.xls' })
    expect(book.format).toBe('xls')
    expectStandardSheet(book.sheets[0])
  })

  it('reads a UTF-8 csv with a BOM (Excel) and a GB18030 csv (WPS) to the same text', () => {
    const bom = readSpreadsheet({ bytes: utf8BomCsv(), fileName: '台账.csv' })
    const gb = readSpreadsheet({ bytes: gb18030Csv(), fileName: '台账.csv' })
    expect(bom.format).toBe('csv')
    expect(bom.sheets[0]?.rows).toEqual(CSV_ROWS)
    expect(gb.sheets[0]?.rows).toEqual(CSV_ROWS)
    // No BOM left on the first header, so it matches by name.
    expect(findHeader(gb.sheets[0]!, { seq: ['序号'], name: ['申请人'] })?.columns).toEqual({
      seq: 0,
      name: 1,
    })
  })

  it('reads a UTF-8 csv without a BOM', () => {
    const bytes = utf8BomCsv().subarray(3)
    expect(readSpreadsheet({ bytes, fileName: 'a.csv' }).sheets[0]?.rows).toEqual(CSV_ROWS)
  })

  it('throws SpreadsheetError in Chinese naming the file for a corrupt or foreign file', async () => {
    const good = await excelStyleXlsx()
    const cases: [Buffer, string][] = [
      [good.subarray(0, Math.floor(good.length / 2)), '截断.xlsx'],
      [Buffer.from('not a workbook'), '假的.xlsx'],
      [Buffer.alloc(0), '空.xls'],
      [Buffer.concat([biff8Xls().subarray(0, 600), Buffer.alloc(100)]), '坏的.xls'],
    ]
    for (const [bytes, fileName] of cases) {
      let error: unknown
      try {
        readSpreadsheet({ bytes, fileName })
      } catch (e) {
        error = e
      }
      expect(error, fileName).toBeInstanceOf(SpreadsheetError)
      expect((error as SpreadsheetError).code).toBe('VALIDATION')
      expect((error as Error).message).toContain(`无法读取表格「${fileName}」`)
      expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

describe('the attachment scan reads through the spreadsheet module', () => {
  it('scans a .xls (BIFF8) and a namespace-prefixed .xlsx, not only Excel-made .xlsx', async () => {
    const { extractText } = await import('../../../src/core/review/extract')
    for (const [bytes, name] of [
      [biff8Xls(), '目录.xls'],
      [await namespacedXlsx(), '目录.xlsx'],
    ] as const) {
      const doc = await extractText(bytes, name)
      const sheet = doc.segments.find((s) => s.source === 'sheet:目录')
      expect(sheet?.text, name).toContain('处罚依据、结果')
      expect(sheet?.text, name).toContain('2024-12-31')
    }
    const prefixed = await extractText(await namespacedXlsx(), '目录.xlsx')
    expect(prefixed.segments.find((s) => s.source === 'properties')?.text).toContain('作者：张三')
    // A workbook's hidden sheet is still labelled as hidden.
    const excel = await extractText(await excelStyleXlsx(), '目录.xlsx')
    expect(excel.segments).toContainEqual(
      expect.objectContaining({ source: 'hidden', label: '隐藏工作表“说明”' }),
    )
  })
})
