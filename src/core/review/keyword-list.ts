import type { KeywordEntry } from './types'
import type { Severity } from './types'

/** A keyword list line that cannot be understood; the message is Chinese and names the line. */
export class KeywordListError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
    this.name = 'KeywordListError'
  }
}

/** The words a keyword list (.txt or .xlsx) may use for a severity, English or Chinese. */
const SEVERITY_WORDS: Record<string, Severity> = {
  blocker: 'blocker',
  high: 'high',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  阻断: 'blocker',
  高: 'high',
  警告: 'warn',
  提示: 'info',
}

/** The severity a keyword list names with `word` (case-insensitive), or undefined. */
export function severityOfWord(word: string): Severity | undefined {
  return SEVERITY_WORDS[word.toLowerCase()]
}

/**
 * Parses a department keyword list (.txt): one word per line, `#` starts a comment line, an optional
 * severity after a TAB (`词<TAB>warn`, or 阻断/高/警告/提示). Throws {@link KeywordListError} for an
 * unknown severity rather than guessing.
 */
export function parseKeywordList(text: string): KeywordEntry[] {
  const entries: KeywordEntry[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const [word = '', level] = raw.split('\t').map((s) => s.trim())
    if (word === '') return
    if (level === undefined || level === '') {
      entries.push({ word })
      return
    }
    const severity = severityOfWord(level)
    if (severity === undefined) {
      throw new KeywordListError(
        `关键词表第 ${i + 1} 行的级别“${level}”无法识别，应为 blocker/high/warn/info 或 阻断/高/警告/提示`,
        i + 1,
      )
    }
    entries.push({ word, severity })
  })
  return entries
}
