import * as q from './schemas'
import type {
  ImportPreview,
  ImportResult,
  LetterResult,
  LetterTemplate,
  RequestCaseView,
  RequestCounts,
  RequestListResult,
  RequestSettings,
  RequestView,
} from './types'
import { out } from '../channel-output'
import { empty } from '../fields'

/** 依申请公开 channels (composed into the one contract by src/shared/contract.ts). */
export const requestsContract = {
  /** The list with tab and filters; personal data masked. */
  'requests:list': { input: q.requestListSchema, output: out<RequestListResult>() },
  /** The badge/home-card figures (open, due within 3 working days, overdue, paused). */
  'requests:counts': { input: empty, output: out<RequestCounts>() },
  'requests:get': { input: q.requestIdSchema, output: out<RequestView>() },
  /** 登记: numbered from the pattern, receipt date per 第三十一条, due date computed. Officers. */
  'requests:register': { input: q.requestRegisterSchema, output: out<RequestView>() },
  /** Records one event (补正, 征求意见, 延期, 收费, 答复 …); refused when out of order. */
  'requests:add-event': { input: q.requestEventSchema, output: out<RequestView>() },
  /** 更正收到日期 with a reason (audited); the due date is recomputed. */
  'requests:set-receipt': { input: q.receiptChangeSchema, output: out<RequestView>() },
  /** Creates or updates a 行政复议 / 行政诉讼 case linked to the request. */
  'requests:save-case': { input: q.caseSaveSchema, output: out<RequestCaseView>() },
  'requests:get-settings': { input: empty, output: out<RequestSettings>() },
  /** Administrators. */
  'requests:update-settings': {
    input: q.requestSettingsPatchSchema,
    output: out<RequestSettings>(),
  },
  'requests:templates': { input: empty, output: out<LetterTemplate[]>() },
  /** Administrators and officers: the department's own wording of one letter. */
  'requests:save-template': { input: q.templateSaveSchema, output: out<LetterTemplate>() },
  /** Back to the built-in wording. */
  'requests:reset-template': { input: q.templateResetSchema, output: out<LetterTemplate>() },
  /** Generates a letter (.docx) where the user chooses; `null` when cancelled. */
  'requests:letter': { input: q.letterSchema, output: out<LetterResult | null>() },
  /** Opens a ledger (.xlsx/.xls/.csv) in a dialog (or re-maps an open one); `null` when cancelled. */
  'requests:import-preview': { input: q.importPreviewSchema, output: out<ImportPreview | null>() },
  /** All-or-nothing import with the mapping shown in the preview. */
  'requests:import-commit': { input: q.importCommitSchema, output: out<ImportResult>() },
} as const
