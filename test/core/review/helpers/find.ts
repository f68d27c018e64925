import {
  scanText,
  type Finding,
  type FindingKind,
  type ScanOptions,
} from '../../../../src/core/review'

/** Findings of one kind in `text`, as compact `{ text, severity }` pairs for readable assertions. */
export function findKind(
  text: string,
  kind: FindingKind,
  options?: ScanOptions,
): Array<Pick<Finding, 'text' | 'severity'>> {
  return scanText(text, options)
    .filter((f) => f.kind === kind)
    .map(({ text: t, severity }) => ({ text: t, severity }))
}
