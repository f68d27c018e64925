/** core/review: the confidentiality-review scanner (保密审查). */
export { scanText, DEFAULT_HEAD_LENGTH } from './scan-text'
export { scanDocument, type DocumentFinding } from './scan-document'
export { maskFinding, maskAll, maskValue, MASKABLE_KINDS } from './mask'
export { KeywordAutomaton } from './keyword-automaton'
export { createKeywordMatcher } from './keyword-matcher'
export { parseKeywordList, KeywordListError } from './keyword-list'
// The one label table lives in src/shared/review/labels.ts (architecture doc, principle 11).
export { FINDING_KIND_LABELS, SEVERITY_LABELS } from '../../shared/review/labels'
export { SEVERITIES, severityRank } from './types'
export type {
  Finding,
  FindingKind,
  KeywordEntry,
  KeywordMatcher,
  ScanOptions,
  Severity,
} from './types'
export {
  extractText,
  isSupportedFile,
  SUPPORTED_EXTENSIONS,
  ExtractError,
  SEGMENT_SEPARATOR,
  type ExtractResult,
  type Segment,
  type SegmentSource,
  type ExtractErrorCode,
} from './extract'
