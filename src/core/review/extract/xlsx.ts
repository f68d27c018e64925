import ExcelJS from 'exceljs'
import { isOleCompound } from './office-zip'
import { ExtractError, joinSegments, type ExtractResult, type Segment } from './types'

type Part = Omit<Segment, 'start'>

function noteText(note: unknown): string {
  if (typeof note === 'string') return note
  const texts = (note as { texts?: Array<{ text?: string }> } | undefined)?.texts
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : ''
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? ''
  } catch {
    // A malformed rich-text or formula value: fall back to its raw form rather than failing the file.
    return String(cell.value ?? '')
  }
}

/**
 * .xlsx: the cell text of every sheet, rows as lines and cells separated by tabs. Everything Excel
 * hides is included and labelled: hidden and very hidden sheets, hidden rows and columns go to
 * 'hidden' segments naming their sheet; cell notes go to 'comment'; workbook properties (creator,
 * last editor, company) to 'properties'.
 */
export async function extractXlsx(bytes: Uint8Array): Promise<ExtractResult> {
  if (isOleCompound(bytes)) {
    throw new ExtractError(
      'ENCRYPTED',
      '该 Excel 文件已加密或为旧版 .xls 格式，无法读取：请去除密码并另存为 .xlsx 后再扫描',
    )
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    )
  } catch (cause) {
    throw new ExtractError(
      'CORRUPT',
      '该 Excel 文件已损坏或不是有效的 .xlsx 文件，无法读取：请用 Excel/WPS 打开后另存再扫描',
      {
        cause,
      },
    )
  }
  const parts: Part[] = []
  const notes: string[] = []
  for (const ws of wb.worksheets) {
    const visible: string[] = []
    const hidden: string[] = []
    const sheetHidden = ws.state !== 'visible'
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const shown: string[] = []
      const masked: string[] = []
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const t = cellText(cell)
        const note = noteText(cell.note)
        if (note) notes.push(`批注（${ws.name}!${cell.address}）：${note}`)
        if (t === '') return
        if (row.hidden || ws.getColumn(c).hidden) masked.push(t)
        else shown.push(t)
      })
      if (shown.length > 0) visible.push(shown.join('\t'))
      if (masked.length > 0) hidden.push(`第${r}行：${masked.join('\t')}`)
    })
    if (sheetHidden) {
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
  const props: Array<[string, string | undefined]> = [
    ['作者', wb.creator],
    ['最后修改者', wb.lastModifiedBy],
    ['单位', wb.company],
    ['经理', wb.manager],
    ['标题', wb.title],
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
