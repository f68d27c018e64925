/**
 * The report rules (issue 13): every arithmetic rule of the national format, the cross-year rules,
 * reconciliation with the records and narrative against tables. Pure functions; REPORT's
 * validation panel and the `check-report` CLI both call `runReportRules`.
 */
import { arithmeticRules } from './arithmetic'
import { crossYearRules } from './cross-year'
import { narrativeRules } from './narrative'
import { reconcileRules } from './reconcile'
import type { RuleFailure, RuleInput } from './types'

export type { CellRef, ReportRecords, RuleFailure, RuleInput, RuleSeverity } from './types'
export { arithmeticRules, FORMAT_SOURCE } from './arithmetic'
export { crossYearRules } from './cross-year'
export { narrativeRules, splitSentences, statedFees } from './narrative'
export { reconcileRules } from './reconcile'
export { parseChineseNumeral } from '../../../shared/chinese-numeral'
export { findQuantities, parseNumberText } from './numbers'

/** Every rule over one report; errors first, then warnings, each group in rule order. */
export function runReportRules(input: RuleInput): RuleFailure[] {
  const all = [
    ...arithmeticRules(input.tables),
    ...crossYearRules(input.tables, input.prior),
    ...reconcileRules(input.tables, input.records),
    ...narrativeRules(input.tables, input.narrative, input.records),
  ]
  return [
    ...all.filter((f) => f.severity === 'error'),
    ...all.filter((f) => f.severity === 'warning'),
  ]
}

/** True when a failure is an error (a warning does not fail the report). */
export const isError = (f: RuleFailure): boolean => f.severity === 'error'
