import type { Selectable } from 'kysely'

/** `calendar_years`: one row per year of the holiday calendar (see migration 0040). */
export interface CalendarYearsTable {
  year: number
  /** JSON string[] of `YYYY-MM-DD` days off. */
  holidays_json: string
  /** JSON string[] of `YYYY-MM-DD` 调休 make-up working days. */
  workdays_json: string
  /** JSON Record<date, festival name>. */
  names_json: string
  source: 'package' | 'notice' | 'ics' | 'manual'
  note: string | null
  updated_at: string
  /** The user id who stored the row; null for the package seed and the CLI. */
  updated_by: string | null
  updated_by_name: string | null
}
export type CalendarYearRow = Selectable<CalendarYearsTable>
