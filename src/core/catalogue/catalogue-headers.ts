import type { CatalogueColumn } from '../../shared/catalogue/types'
import { normaliseHeaderName } from '../spreadsheet'

/** Header names (normalised) that map to each column; the first is the standard one. */
export const HEADER_ALIASES: Record<CatalogueColumn, string[]> = {
  seq: ['序号', '编号'],
  level1: ['一级事项', '公开事项', '事项名称', '事项'],
  level2: ['二级事项', '子事项'],
  content: ['公开内容(要素)', '公开内容', '公开要素', '内容'],
  basis: ['公开依据', '依据'],
  timeLimit: ['公开时限', '时限'],
  subject: ['公开主体', '责任主体', '主体'],
  channels: ['公开渠道和载体', '公开渠道', '公开载体', '渠道和载体'],
  audience: ['公开对象', '对象'],
  method: ['公开方式', '方式'],
  level: ['公开层级', '层级'],
}

/** The column a header names, or null. */
export function headerColumn(text: string): CatalogueColumn | null {
  const h = normaliseHeaderName(text)
  if (h === '') return null
  for (const [column, names] of Object.entries(HEADER_ALIASES) as [CatalogueColumn, string[]][]) {
    if (names.includes(h)) return column
  }
  return null
}

/** A tick in a check-box sub-column (全社会 / 特定群体, 主动 / 依申请, 县级 / 乡级). */
export function isTick(text: string): boolean {
  return /^[√✓✔☑vVＶ是有●]$/.test(text.trim())
}
