import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding, FindingKind, Severity } from '../../../../src/core/review'

/** The labelled corpus: real-looking documents, each with the findings a reviewer expects. */
export const CORPUS_DIR = join(__dirname, '../../../fixtures/review/corpus')

export interface ExpectedFinding {
  kind: FindingKind
  text: string
  severity: Severity
}

export interface CorpusDoc {
  name: string
  text: string
  itemKind?: string
  expected: ExpectedFinding[]
}

/** Loads every `*.txt` with its `*.labels.json` sidecar. */
export function loadCorpus(): CorpusDoc[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const labels = JSON.parse(
        readFileSync(join(CORPUS_DIR, f.replace(/\.txt$/, '.labels.json')), 'utf8'),
      ) as { itemKind?: string; expected: ExpectedFinding[] }
      return { name: f, text: readFileSync(join(CORPUS_DIR, f), 'utf8'), ...labels }
    })
}

export interface KindScore {
  kind: FindingKind
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
}

/**
 * Per-kind precision and recall: a finding is a true positive when a not-yet-matched label has the
 * same kind, text and severity (a right value at the wrong severity counts as both a miss and a false
 * alarm). Also returns the mismatches, for a readable failure.
 */
export function score(
  docs: ReadonlyArray<{ name: string; expected: ExpectedFinding[]; found: Finding[] }>,
): { scores: Map<FindingKind, KindScore>; misses: string[] } {
  const scores = new Map<FindingKind, KindScore>()
  const get = (kind: FindingKind) => {
    let s = scores.get(kind)
    if (!s) scores.set(kind, (s = { kind, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 }))
    return s
  }
  const misses: string[] = []
  for (const d of docs) {
    const open = [...d.expected]
    for (const f of d.found) {
      const i = open.findIndex(
        (e) => e.kind === f.kind && e.text === f.text && e.severity === f.severity,
      )
      if (i >= 0) {
        get(f.kind).tp++
        open.splice(i, 1)
      } else {
        get(f.kind).fp++
        misses.push(`${d.name}: 误报 ${f.kind}/${f.severity} “${f.text}”`)
      }
    }
    for (const e of open) {
      get(e.kind).fn++
      misses.push(`${d.name}: 漏报 ${e.kind}/${e.severity} “${e.text}”`)
    }
  }
  for (const s of scores.values()) {
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp)
    s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn)
  }
  return { scores, misses }
}

/** A fixed-width table of the scores, for the test log. */
export function formatScores(scores: Map<FindingKind, KindScore>): string {
  const rows = [...scores.values()].sort((a, b) => a.kind.localeCompare(b.kind))
  const head = 'kind                      TP  FP  FN  precision  recall'
  const lines = rows.map(
    (r) =>
      `${r.kind.padEnd(24)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}  ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}`,
  )
  return [head, ...lines].join('\n')
}
