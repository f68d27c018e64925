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

/** 发文字号 and 索引号 fragments match from this many characters (「3号」). */
export const MIN_NUMBER_CHARS = 2

/**
 * A term as it would be written in a 发文字号: the brackets officers type for the year
 * (`[2024]`, `(2024)`, `【2024】`, `［2024］`) read as the standard 六角括号 〔2024〕 (GB/T 9704).
 */
export function normaliseNumberTerm(term: string): string {
  return term.replace(/[[［【(（]/gu, '〔').replace(/[\]］】)）]/gu, '〕')
}
