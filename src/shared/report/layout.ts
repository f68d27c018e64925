import type { ReportTableKey } from './format'

/**
 * Relative column widths of the printed tables, shared by the .docx writer and the in-app preview
 * so both look alike: table 三's three label columns wider than its seven figures, table 二's
 * label column wider than its values, table 四's fifteen figures equal.
 */
export function tableColumnWeights(table: ReportTableKey, columns: number): number[] {
  if (table === 'table3') return [1.5, 1.9, 4.4, ...Array.from({ length: columns - 3 }, () => 1.15)]
  if (table === 'table2') return [2.2, ...Array.from({ length: columns - 1 }, () => 1.6)]
  return Array.from({ length: columns }, () => 1)
}
