import type { CatalogueColumn } from './types'

/** The one label table of the catalogue domain (architecture doc, principle 11). */

/** The catalogue's standard column headers (export writes them; import maps them by name). */
export const CATALOGUE_COLUMN_LABELS: Record<CatalogueColumn, string> = {
  seq: '序号',
  level1: '一级事项',
  level2: '二级事项',
  content: '公开内容（要素）',
  basis: '公开依据',
  timeLimit: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  method: '公开方式',
  level: '公开层级',
}
