import type { DiffRow } from '../../../../shared/items/types'

export type DiffBlock = { kind: 'rows'; rows: DiffRow[] } | { kind: 'gap'; rows: DiffRow[] }

/**
 * Folds long runs of unchanged paragraphs into gaps, keeping `context` rows next to each change,
 * so a long document's diff shows where it changed.
 */
export function foldUnchanged(rows: DiffRow[], context = 2, minGap = 4): DiffBlock[] {
  const keep = rows.map((r) => r.op !== 'same')
  const near = rows.map((_, i) => {
    for (let d = -context; d <= context; d++) if (keep[i + d]) return true
    return false
  })
  const blocks: DiffBlock[] = []
  let i = 0
  while (i < rows.length) {
    let j = i
    if (near[i]) {
      while (j < rows.length && near[j]) j++
      blocks.push({ kind: 'rows', rows: rows.slice(i, j) })
    } else {
      while (j < rows.length && !near[j]) j++
      const run = rows.slice(i, j)
      blocks.push(run.length >= minGap ? { kind: 'gap', rows: run } : { kind: 'rows', rows: run })
    }
    i = j
  }
  return blocks
}
