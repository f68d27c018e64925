/**
 * District 重点工作分解表 files as districts send them, built in memory (nothing binary in git):
 * a title row merged across, a 填报单位/日期 line, two header rows with odd names (重点工作 /
 * 任务分解 over 具体任务 and 公开载体, 责任单位, 完成时限), section rows 「一、…」 merged across,
 * category cells and a 完成时限 merged down, a date cell, a blank row and notes under the table.
 * Also the broken files: empty, no header, impossible dates, encrypted, not a spreadsheet.
 */
import * as XLSX from '@e965/xlsx'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'

export const TITLE = '2024年淄博高新区政务公开重点工作分解表'
export const PREAMBLE = '填报单位：区政务公开办　　　　填报日期：2024年3月1日'

type Cell = string | number | Date | null

/** The sheet as rows (A–F) plus its merges, 0-based. */
export function breakdownRows(): { rows: Cell[][]; merges: [number, number, number, number][] } {
  const rows: Cell[][] = [
    [TITLE],
    [PREAMBLE],
    ['序号', '重点工作', '任务分解', '', '责任单位', '完成时限'],
    ['', '', '具体任务', '公开载体', '', ''],
    ['一、以政务公开助推重点工作落实'],
    [
      1,
      '助推高水平开放',
      '做好扩大有效投资政策公开',
      '政府网站',
      '区发改局、市示范局',
      '2024年6月底前',
    ],
    [2, '', '做好招商引资政策解读', '政府网站', '区投资促进中心', '持续推进'],
    [3, '', '做好消费支持政策公开', '两微一端', '各部门单位', new Date(Date.UTC(2024, 8, 30))],
    ['二、做好政策公开与解读回应'],
    [4, '政策解读', '开展重点领域政策解读', '政府网站', '区示范局（牵头）', '2024年12月底前'],
    [5, '', '实施政策集成式发布', '政务公开专区', '区人社局', ''],
    [],
    ['注：1.完成时限为最迟完成时间。'],
    ['2.各单位于每月25日前报送进展情况。'],
  ]
  const merges: [number, number, number, number][] = [
    [0, 0, 0, 5],
    [1, 0, 1, 5],
    [2, 0, 3, 0],
    [2, 1, 3, 1],
    [2, 2, 2, 3],
    [2, 4, 3, 4],
    [2, 5, 3, 5],
    [4, 0, 4, 5],
    [5, 1, 7, 1],
    [8, 0, 8, 5],
    [9, 1, 10, 1],
    [9, 5, 10, 5],
    [12, 0, 12, 5],
    [13, 0, 13, 5],
  ]
  return { rows, merges }
}

/** What the importer should read from the standard breakdown. */
export const EXPECTED_TASKS = [
  {
    number: '1',
    category: '助推高水平开放',
    requirement: '做好扩大有效投资政策公开',
    deadline: '2024年6月底前',
    date: '2024-06-30',
    own: true,
  },
  {
    number: '2',
    category: '助推高水平开放',
    requirement: '做好招商引资政策解读',
    deadline: '持续推进',
    date: null,
    own: false,
  },
  {
    number: '3',
    category: '助推高水平开放',
    requirement: '做好消费支持政策公开',
    deadline: '2024-09-30',
    date: '2024-09-30',
    own: true,
  },
  {
    number: '4',
    category: '政策解读',
    requirement: '开展重点领域政策解读',
    deadline: '2024年12月底前',
    date: '2024-12-31',
    own: true,
  },
  {
    number: '5',
    category: '政策解读',
    requirement: '实施政策集成式发布',
    deadline: '2024年12月底前',
    date: '2024-12-31',
    own: false,
  },
]

/** As Excel (or WPS) saves it, styled, with a real date cell. */
export async function breakdownXlsx(
  mutate?: (rows: Cell[][]) => void,
  sheetName = '分解表',
): Promise<Buffer> {
  const { rows, merges } = breakdownRows()
  mutate?.(rows)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheetName)
  rows.forEach((r, i) => {
    ws.getRow(i + 1).values = r.map((v) => (v === null ? '' : v))
  })
  ws.getCell('F8').numFmt = 'yyyy-mm-dd'
  for (const [t, l, b, r] of merges) ws.mergeCells(t + 1, l + 1, b + 1, r + 1)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

function prefixXml(xml: string, root: string, prefix: string): string {
  return xml
    .replace(new RegExp(`<${root}(\\s[^>]*?)xmlns="`), `<${root}$1xmlns:${prefix}="`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`)
}

/** The same file with namespace-prefixed XML (`<x:worksheet>`), as non-Excel producers write. */
export async function namespacedBreakdownXlsx(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await breakdownXlsx())
  for (const [path, root] of [
    ['xl/workbook.xml', 'workbook'],
    ['xl/worksheets/sheet1.xml', 'worksheet'],
  ] as const) {
    const xml = (await zip.file(path)?.async('string')) ?? ''
    const out = prefixXml(xml, root, 'x')
    if (!out.includes(`<x:${root}`)) throw new Error(`fixture: ${path} not rewritten`)
    zip.file(path, out)
  }
  return zip.generateAsync({ type: 'nodebuffer' })
}

/** A BIFF8 .xls (Excel 97–2003) with the same merges. */
export function breakdownXls(): Buffer {
  const { rows, merges } = breakdownRows()
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: 'yyyy-mm-dd' })
  ws['!merges'] = merges.map(([t, l, b, r]) => ({ s: { r: t, c: l }, e: { r: b, c: r } }))
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '分解表')
  return XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer
}

/**
 * A big breakdown: `tasks` rows under one header, the 重点工作 cell merged down over every
 * `per` tasks (10,000 tasks, per 5 → 2,000 merged ranges). Written with SheetJS (fast).
 */
export function bigBreakdownXlsx(tasks: number, per = 5): Buffer {
  const rows: Cell[][] = [[TITLE], ['序号', '重点工作', '具体任务', '责任单位', '完成时限']]
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }]
  for (let i = 0; i < tasks; i++) {
    const group = Math.floor(i / per)
    rows.push([
      i + 1,
      i % per === 0 ? `第${group + 1}类重点工作` : '',
      `具体任务第${i + 1}项：做好相关领域信息公开`,
      i % 3 === 0 ? '区示范局' : '区财政局',
      `2024年${(i % 12) + 1}月底前`,
    ])
    if (i % per === 0 && per > 1) {
      merges.push({ s: { r: rows.length - 1, c: 1 }, e: { r: rows.length - 2 + per, c: 1 } })
    }
  }
  const ws = XLSX.utils.aoa_to_sheet(rows)
  ws['!merges'] = merges
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '分解表')
  return XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer
}

/** A workbook whose only sheet is empty. */
export async function emptyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Sheet1')
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

/** A table that is not a breakdown (no recognisable header). */
export async function noHeaderXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  ws.addRow(['甲', '乙', '丙'])
  ws.addRow(['1', '2', '3'])
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

/** An encrypted (password-protected) OOXML file: a compound file with EncryptionInfo. */
export function encryptedXlsx(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new()
  const info = Buffer.alloc(256)
  info.writeUInt16LE(4, 0)
  info.writeUInt16LE(4, 2)
  info.writeUInt32LE(0x40, 4)
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info)
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(1024, 7))
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer
}

/** A PNG named .xlsx. */
export const NOT_A_SPREADSHEET = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000',
  'hex',
)

/** CSV as Excel saves 「CSV UTF-8」 (with BOM): no merges, so every row names its category. */
export function breakdownCsv(): Buffer {
  const rows = [
    ['序号', '工作任务', '具体要求', '责任科室', '时限要求'],
    ['1', '政策解读', '开展重点领域政策解读', '区示范局', '2024年12月底前'],
    ['2', '政策解读', '实施政策集成式发布', '区人社局', '按上级部署'],
  ]
  const text = rows.map((r) => r.join(',')).join('\r\n') + '\r\n'
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}
