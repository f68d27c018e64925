import { cellRef, readSpreadsheet, SpreadsheetError } from '../../spreadsheet'
import { isOleCompound } from './office-zip'
import { ExtractError, joinSegments, type ExtractResult, type Segment } from './types'

type Part = Omit<Segment, 'start'>

/**
 * .xlsx and .xls: the cell text of every sheet, rows as lines and cells separated by tabs. Everything Excel
 * hides is included and labelled: hidden and very hidden sheets, hidden rows and columns go to
 * 'hidden' segments naming their sheet; cell notes go to 'comment'; workbook properties (creator,
 * last editor, company) to 'properties'. Read through the one spreadsheet module, so files from
 * WPS and other producers (namespace-prefixed XML) are read too.
 */
export async function extractXlsx(
  bytes: Uint8Array,
  opts: { legacy?: boolean } = {},
): Promise<ExtractResult> {
  // An OLE file named .xlsx is an encrypted workbook; named .xls it is the old binary format,
  // which the spreadsheet module reads (unless it is password-protected).
  if (isOleCompound(bytes) && !opts.legacy) {
    throw new ExtractError(
      'ENCRYPTED',
      '该 Excel 文件已加密或为旧版 .xls 格式，无法读取：请去除密码并另存为 .xlsx 后再扫描',
    )
  }
  let book
  try {
    book = readSpreadsheet({ bytes, fileName: opts.legacy ? 'attachment.xls' : 'attachment.xlsx' })
  } catch (cause) {
    if (!(cause instanceof SpreadsheetError)) throw cause
    if (/加密|密码/.test(cause.message)) {
      throw new ExtractError(
        'ENCRYPTED',
        '该 Excel 文件设置了打开密码，无法读取：请去除密码后再扫描',
        { cause },
      )
    }
    throw new ExtractError(
      'CORRUPT',
      '该 Excel 文件已损坏或不是有效的 Excel 文件，无法读取：请用 Excel/WPS 打开后另存再扫描',
      { cause },
    )
  }
  const parts: Part[] = []
  const notes: string[] = []
  for (const ws of book.sheets) {
    const visible: string[] = []
    const hidden: string[] = []
    const hiddenRows = new Set(ws.hiddenRows)
    const hiddenColumns = new Set(ws.hiddenColumns)
    for (const note of ws.comments) {
      notes.push(`批注（${ws.name}!${cellRef(note.row, note.col)}）：${note.text}`)
    }
    ws.rows.forEach((row, r) => {
      const shown: string[] = []
      const masked: string[] = []
      row.forEach((t, c) => {
        if (t === '') return
        if (hiddenRows.has(r) || hiddenColumns.has(c)) masked.push(t)
        else shown.push(t)
      })
      if (shown.length > 0) visible.push(shown.join('\t'))
      if (masked.length > 0) hidden.push(`第${r + 1}行：${masked.join('\t')}`)
    })
    if (ws.hidden) {
      const all = [...visible, ...hidden]
      parts.push({ source: 'hidden', label: `隐藏工作表“${ws.name}”`, text: all.join('\n') })
    } else {
      parts.push({
        source: `sheet:${ws.name}`,
        label: `工作表“${ws.name}”`,
        text: visible.join('\n'),
      })
      parts.push({
        source: 'hidden',
        label: `工作表“${ws.name}”中的隐藏行/列`,
        text: hidden.join('\n'),
      })
    }
  }
  parts.push({ source: 'comment', label: '单元格批注', text: notes.join('\n') })
  const p = book.properties
  const props: Array<[string, string | undefined]> = [
    ['作者', p.author],
    ['最后修改者', p.lastModifiedBy],
    ['单位', p.company],
    ['经理', p.manager],
    ['标题', p.title],
  ]
  parts.push({
    source: 'properties',
    label: '文档属性',
    text: props
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => `${k}：${(v ?? '').trim()}`)
      .join('\n'),
  })
  return joinSegments(parts)
}
