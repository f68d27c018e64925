import * as q from './schemas'
import type { ReportExportResult, ReportPublishResult, ReportView, ReportYearList } from './types'
import { out } from '../channel-output'
import { empty } from '../fields'

/** 年度报告 channels (composed into the one contract by src/shared/contract.ts). */
export const reportContract = {
  /** Years with data, and the year a report is due for now. */
  'report:years': { input: empty, output: out<ReportYearList>() },
  /** The compiled report of a year: tables, sources, narrative, problems. */
  'report:get': { input: q.reportYearInput, output: out<ReportView>() },
  /** An officer figure (行政许可 …) or an override of a store count, with its source. Officers. */
  'report:save-figure': { input: q.saveFigureSchema, output: out<ReportView>() },
  /** Last year's published figures, typed in (year = the report year). Officers. */
  'report:save-prior': { input: q.savePriorSchema, output: out<ReportView>() },
  /** Last year's figures from our own .xlsx export, chosen in a dialog; null when cancelled. */
  'report:import-prior': { input: q.reportYearInput, output: out<ReportView | null>() },
  'report:save-sections': { input: q.saveSectionsSchema, output: out<ReportView>() },
  /** Back to the generated draft of one section. */
  'report:reset-section': { input: q.resetSectionSchema, output: out<ReportView>() },
  'report:set-format': { input: q.setFormatSchema, output: out<ReportView>() },
  /** Writes the .docx or .xlsx where the user chooses; null when cancelled. */
  'report:export': { input: q.exportSchema, output: out<ReportExportResult | null>() },
  /** Makes (or updates) the disclosure item 体裁 年度报告 with the .docx attached, as a draft. */
  'report:publish': { input: q.publishSchema, output: out<ReportPublishResult>() },
} as const
