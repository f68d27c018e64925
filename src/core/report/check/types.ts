import type {
  NarrativeSectionKey,
  ReportFormatId,
  ReportTables,
} from '../../../shared/report/format'
import type { RuleFailure } from '../rules/types'
import type { Matrix } from './matrix'

/** What a reader gets out of a file: body text lines (outside tables) in order and the tables. */
export interface ReadDocument {
  kind: 'docx' | 'html' | 'xlsx'
  paragraphs: string[]
  tables: Matrix[]
}

/** The outcome of checking one report file. */
export interface CheckReportResult {
  fileName: string
  kind: ReadDocument['kind']
  title: string | null
  year: number | null
  format: ReportFormatId
  /** Where the format came from: the tables' own labels, the report's year, or the default. */
  formatFrom: 'tables' | 'year' | 'default'
  tables: ReportTables
  narrative: Partial<Record<NarrativeSectionKey, string>>
  /** Reading problems (missing rows, text in number cells) and rule failures, errors first. */
  failures: RuleFailure[]
  errors: number
  warnings: number
}
