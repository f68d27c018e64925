import { z } from 'zod'
import * as s from './schemas'
import type {
  ExportResult,
  ImportPreview,
  ImportResult,
  ScheduleHomeCard,
  ScheduleOverview,
  ScheduleTaskView,
} from './types'
import { out } from '../channel-output'

const empty = z.strictObject({})

/**
 * 工作配档表 channels. Files are always chosen in a platform dialog; the renderer never names a
 * path. Reading is open to every signed-in user; changes need the officer role (core checks).
 */
export const scheduleContract = {
  /** Years that have a table, newest first. */
  'schedule:years': { input: empty, output: out<number[]>() },
  'schedule:list': { input: s.scheduleYearSchema, output: out<ScheduleTaskView[]>() },
  'schedule:get': { input: s.scheduleTaskIdSchema, output: out<ScheduleTaskView>() },
  /** Counts by status, overdue and due-this-week lists, month timeline. */
  'schedule:overview': { input: s.scheduleYearSchema, output: out<ScheduleOverview>() },
  /** The home page card for the current year. */
  'schedule:home': { input: empty, output: out<ScheduleHomeCard>() },
  /** Asks for a breakdown file and previews it; `null` when the user cancels. */
  'schedule:import-preview': {
    input: s.scheduleImportPreviewSchema,
    output: out<ImportPreview | null>(),
  },
  /** The held file again, with another sheet or column mapping. */
  'schedule:import-remap': { input: s.scheduleImportRemapSchema, output: out<ImportPreview>() },
  /** Imports the held file in one transaction (re-import updates tasks in place). */
  'schedule:import-commit': { input: s.scheduleImportCommitSchema, output: out<ImportResult>() },
  'schedule:create-task': { input: s.scheduleTaskCreateSchema, output: out<ScheduleTaskView>() },
  'schedule:update-task': { input: s.scheduleTaskUpdateSchema, output: out<ScheduleTaskView>() },
  /** Only tasks added by hand; imported ones change by re-importing. */
  'schedule:remove-task': { input: s.scheduleTaskIdSchema, output: out<null>() },
  'schedule:add-measure': { input: s.measureAddSchema, output: out<ScheduleTaskView>() },
  'schedule:update-measure': { input: s.measureUpdateSchema, output: out<ScheduleTaskView>() },
  'schedule:remove-measure': { input: s.measureRemoveSchema, output: out<ScheduleTaskView>() },
  'schedule:add-progress': { input: s.progressAddSchema, output: out<ScheduleTaskView>() },
  'schedule:complete': { input: s.taskCompleteSchema, output: out<ScheduleTaskView>() },
  'schedule:reopen': { input: s.scheduleTaskIdSchema, output: out<ScheduleTaskView>() },
  'schedule:link-evidence': { input: s.evidenceLinkSchema, output: out<ScheduleTaskView>() },
  'schedule:unlink-evidence': { input: s.evidenceUnlinkSchema, output: out<ScheduleTaskView>() },
  /** The 配档表 as .xlsx saved where the user chooses; `null` when cancelled. */
  'schedule:export': { input: s.scheduleExportSchema, output: out<ExportResult | null>() },
} as const
