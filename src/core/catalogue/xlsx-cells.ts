import type ExcelJS from 'exceljs'

/** Plain text of a cell: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[]
      result?: unknown
      text?: unknown
      error?: string
    }
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim()
    if (o.result !== undefined) return String(o.result).trim()
    if (typeof o.text === 'string') return o.text.trim()
  }
  return String(cell.text ?? '').trim()
}

/** Header text normalised for matching: no whitespace, half-width brackets. */
export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
}
