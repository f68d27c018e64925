import * as c from './schemas'
import type {
  CalendarAddResult,
  CalendarPreview,
  CalendarYearView,
  IcsImportPreview,
} from './types'
import { out } from '../channel-output'
import { empty } from '../fields'

/** 节假日日历 channels (composed into the one contract by src/shared/contract.ts). */
export const calendarContract = {
  /** Every stored year, ascending, with its source. Any signed-in user. */
  'calendar:list': { input: empty, output: out<CalendarYearView[]>() },
  /** Parses a pasted 国务院办公厅放假通知; writes nothing. Unreadable lines → VALIDATION. */
  'calendar:parse-notice': { input: c.parseNoticeSchema, output: out<CalendarPreview>() },
  /** Stores a year (replacing its row), audited; returns it and the due dates that moved. Officers and administrators. */
  'calendar:add': { input: c.calendarAddSchema, output: out<CalendarAddResult>() },
  /** Reads an .ics chosen in the open dialog into previews; writes nothing; `null` when cancelled. Officers and administrators. */
  'calendar:import-ics': { input: empty, output: out<IcsImportPreview | null>() },
} as const
