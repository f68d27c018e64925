import type { FindingKind, Severity } from '../types'

/** What a number classifier concluded about one compact candidate (digits/letters only). */
export interface Verdict {
  kind: FindingKind
  severity: Severity
  reason: string
  /** True when the masked form should be offered as the suggestion. */
  mask: boolean
}

/** Context a classifier may look at: the text just before the candidate. */
export interface NumberContext {
  /** Up to 16 characters before the candidate. */
  before: string
}
