import { KeywordAutomaton } from './keyword-automaton'
import { severityRank, type KeywordEntry, type KeywordMatcher, type Severity } from './types'

/**
 * Compiles keywords (strings or entries) into one Aho–Corasick automaton. Blank words are dropped;
 * a word listed twice keeps its most serious severity.
 */
export function createKeywordMatcher(
  keywords: ReadonlyArray<string | KeywordEntry>,
): KeywordMatcher {
  const byWord = new Map<string, { severity: Severity; note?: string }>()
  for (const k of keywords) {
    const e = typeof k === 'string' ? { word: k } : k
    const word = e.word.trim()
    if (word === '') continue
    const severity = e.severity ?? 'high'
    const prev = byWord.get(word)
    if (prev === undefined || severityRank(severity) > severityRank(prev.severity)) {
      byWord.set(word, { severity, note: e.note ?? prev?.note })
    }
  }
  const entries = [...byWord].map(([word, v]) => ({ word, severity: v.severity }))
  const notes = [...byWord.values()].map((v) => v.note)
  return {
    automaton: KeywordAutomaton.build(entries.map((e) => e.word)),
    entries,
    notes,
    reasons: entries.map(
      (e, i) =>
        `命中本部门敏感词表中的“${e.word}”${notes[i] ? `（${notes[i]}）` : ''}，请确认是否可以公开`,
    ),
  }
}
