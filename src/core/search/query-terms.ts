/** Trigram full-text needs at least this many characters per term. */
export const MIN_FTS_CHARS = 3

export interface ParsedQuery {
  /** Terms of ≥ 3 characters: matched with the trigram index as phrases. */
  ftsTerms: string[]
  /** Shorter terms: matched with LIKE on titles only (a body scan would not stay fast). */
  shortTerms: string[]
}

/** Splits the search box text on whitespace (ASCII and ideographic); duplicates dropped. */
export function parseQuery(text: string | undefined): ParsedQuery {
  const terms = [...new Set((text ?? '').split(/[\s\u3000]+/u).filter((t) => t !== ''))].slice(
    0,
    10,
  )
  return {
    ftsTerms: terms.filter((t) => [...t].length >= MIN_FTS_CHARS),
    shortTerms: terms.filter((t) => [...t].length < MIN_FTS_CHARS),
  }
}

/** An FTS5 MATCH expression: every term as a quoted phrase, all required. */
export function ftsMatch(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')
}

/** A LIKE pattern matching `text` literally anywhere (escape character `\`). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
