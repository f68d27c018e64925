import {
  REVIEW_SEVERITIES,
  type ReviewFindingKind,
  type ReviewSeverity,
} from '../../shared/review/types'
import type { KeywordAutomaton } from './keyword-automaton'

/**
 * How serious a finding is; `blocker` stops publication outright (a classification marking). The
 * scanner's vocabulary is defined once, in src/shared/review/types.ts (the UI shows the same codes).
 */
export type Severity = ReviewSeverity

/** Severities from most to least serious, for sorting and thresholds. */
export const SEVERITIES: readonly Severity[] = REVIEW_SEVERITIES

const RANK: Record<Severity, number> = { blocker: 3, high: 2, warn: 1, info: 0 }

/** Numeric rank of a severity: blocker = 3 … info = 0. */
export function severityRank(severity: Severity): number {
  return RANK[severity]
}

/** What a detector recognised. Labels for people live in src/shared/review/labels.ts. */
export type FindingKind = ReviewFindingKind

/** One thing the scanner wants a reviewer to look at. Offsets are UTF-16 code units, like JS strings. */
export interface Finding {
  kind: FindingKind
  severity: Severity
  /** Inclusive start offset into the scanned text. */
  start: number
  /** Exclusive end offset into the scanned text. */
  end: number
  /** The matched text, `text.slice(start, end)`. */
  text: string
  /** Chinese explanation of why this was flagged (which rule, which context). */
  reason: string
  /** What to do instead, e.g. the masked form of a personal-data value. */
  suggestion?: string
}

/** One department keyword and how serious a hit on it is (default high). */
export interface KeywordEntry {
  word: string
  severity?: Severity
  /** Why the department listed it, shown in the finding's reason. */
  note?: string
}

/** A compiled keyword list: build once with {@link createKeywordMatcher}, pass to every scan. */
export interface KeywordMatcher {
  readonly automaton: KeywordAutomaton
  readonly entries: readonly Required<Pick<KeywordEntry, 'word' | 'severity'>>[]
  readonly notes: readonly (string | undefined)[]
  /** The finding reason per entry, built once here rather than once per hit on the hot path. */
  readonly reasons: readonly string[]
}

/** Options for {@link scanText}. */
export interface ScanOptions {
  /** The kind of disclosure item, e.g. '意见征集' (drafts are expected there: no process hints). */
  itemKind?: string
  /** A department keyword list compiled once with `createKeywordMatcher`. */
  keywords?: KeywordMatcher
  /** How many leading characters count as the document head for markings (default 200). */
  headLength?: number
}

/** What every detector receives: the text, a digit-normalised twin of it and the options. */
export interface DetectorContext {
  /** The original text; findings quote from it. */
  text: string
  /**
   * The same text with full-width digits/letters folded to ASCII. Same length as `text`, so offsets
   * found in it are valid in `text` (each full-width form is one UTF-16 unit, like its ASCII twin).
   */
  folded: string
  headLength: number
  options: ScanOptions
}

/** A detector appends its findings to `out` (no intermediate arrays: the scanner is on a hot path). */
export type Detector = (ctx: DetectorContext, out: Finding[]) => void
