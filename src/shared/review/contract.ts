import { out } from '../channel-output'
import { empty } from '../fields'
import {
  chainUpdateSchema,
  checklistGetSchema,
  checklistUpdateSchema,
  keywordAddSchema,
  keywordImportSchema,
  keywordRemoveSchema,
  recordExportSchema,
  reviewDecideSchema,
  reviewItemSchema,
  reviewMaskSchema,
  reviewQueueSchema,
  reviewSubmitSchema,
} from './schemas'
import type {
  ChecklistVersion,
  KeywordImportResult,
  RecordExportResult,
  ReviewChain,
  ReviewKeyword,
  ReviewQueueRow,
  ReviewScanResult,
  ReviewView,
} from './types'

/** 保密审查 channels: scan, submit, chain of decisions, masking, checklist, keywords, record. */
export const reviewContract = {
  /** Scans the current revision (title, body, attachments incl. hidden parts); stores nothing. */
  'review:scan': { input: reviewItemSchema, output: out<ReviewScanResult>() },
  /** 提交审查: officer; self-check complete; runs the scanner and stores the findings; 待审查. */
  'review:submit': { input: reviewSubmitSchema, output: out<ReviewView>() },
  /** Open reviews: waiting for the acting user (`mine`) or all; with finding counts. */
  'review:queue': { input: reviewQueueSchema, output: out<ReviewQueueRow[]>() },
  /** The review screen of one item (latest submission, steps, findings, checklist, diff). */
  'review:get': { input: reviewItemSchema, output: out<ReviewView>() },
  /** 同意公开 / 退回修改 / 不予公开 / 报上级审查 at the current step; stale hash → CONFLICT. */
  'review:decide': { input: reviewDecideSchema, output: out<ReviewView>() },
  /** Masks one finding or a kind in the title/body → a new revision (back to 草稿). Officers. */
  'review:mask': { input: reviewMaskSchema, output: out<ReviewScanResult>() },
  /** A checklist version (default: current). */
  'review:checklist-get': { input: checklistGetSchema, output: out<ChecklistVersion>() },
  /** Administrators: saves the questions as a new version. */
  'review:checklist-update': { input: checklistUpdateSchema, output: out<ChecklistVersion>() },
  'review:chain-get': { input: empty, output: out<ReviewChain>() },
  /** Administrators: new submissions use the new chain; open reviews keep theirs. */
  'review:chain-update': { input: chainUpdateSchema, output: out<ReviewChain>() },
  'review:keywords-list': { input: empty, output: out<ReviewKeyword[]>() },
  /** Administrators: a .txt or .xlsx (first column) chosen in a dialog; `null` when cancelled. */
  'review:keywords-import': {
    input: keywordImportSchema,
    output: out<KeywordImportResult | null>(),
  },
  'review:keywords-add': { input: keywordAddSchema, output: out<ReviewKeyword>() },
  'review:keywords-remove': { input: keywordRemoveSchema, output: out<ReviewKeyword[]>() },
  /** 保密审查单 .docx saved where the user chooses; `null` when cancelled. */
  'review:record-export': {
    input: recordExportSchema,
    output: out<RecordExportResult | null>(),
  },
} as const
