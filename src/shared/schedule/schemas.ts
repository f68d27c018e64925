import { z } from 'zod'
import {
  idSchema as id,
  isoDateSchema as date,
  limitedText as text,
  yearSchema as year,
} from '../fields'
import { BREAKDOWN_FIELDS } from './types'

/** zod schemas of the schedule channels; the UI derives its form rules from them. */

export const scheduleYearSchema = z.strictObject({ year })

/** Export: the department's own tasks (default) or all of the year's. */
export const scheduleExportSchema = z.strictObject({
  year,
  scope: z.enum(['own', 'all']).default('own'),
})
export const scheduleTaskIdSchema = z.strictObject({ id })

/** Field → 0-based column, as the user mapped them in the mapping step. */
export const breakdownMappingSchema = z.partialRecord(
  z.enum(BREAKDOWN_FIELDS),
  z.number().int().min(0).max(199),
)

/** Step 1: choose the file (dialog); returns the preview. */
export const scheduleImportPreviewSchema = z.strictObject({ year })

/** Step 2: re-read the held file with another sheet or mapping. */
export const scheduleImportRemapSchema = z.strictObject({
  token: id,
  year,
  sheet: z.string().max(100).optional(),
  mapping: breakdownMappingSchema.optional(),
})

/** Step 3: import (one transaction). */
export const scheduleImportCommitSchema = z.strictObject({
  token: id,
  year,
  sheet: z.string().max(100).optional(),
  mapping: breakdownMappingSchema.optional(),
})

export const scheduleTaskCreateSchema = z.strictObject({
  year,
  number: text(20, '序号').default(''),
  category: text(2000, '重点任务').default(''),
  requirement: text(4000, '具体任务').min(1, '请填写具体任务'),
  leadUnit: text(500, '责任单位').default(''),
  districtDeadline: text(200, '完成时限').default(''),
})

/** The department's fields of a task; omitted fields are left as they are. */
export const scheduleTaskUpdateSchema = z.strictObject({
  id,
  disclosureContent: text(2000, '公开内容/载体').optional(),
  sectionOffice: text(200, '责任科室').optional(),
  owner: text(100, '责任人').optional(),
  /** null: use the district's 完成时限. */
  deadlineText: text(200, '完成时限').nullable().optional(),
  note: text(2000, '备注').optional(),
  /** null: decide from 责任单位. */
  ownManual: z.boolean().nullable().optional(),
})

export const measureAddSchema = z.strictObject({
  taskId: id,
  text: text(2000, '具体措施').min(1, '请填写具体措施'),
})
export const measureUpdateSchema = z.strictObject({
  id,
  text: text(2000, '具体措施').min(1, '请填写具体措施'),
})
export const measureRemoveSchema = z.strictObject({ id })

export const progressAddSchema = z.strictObject({
  taskId: id,
  date,
  text: text(4000, '进展情况').min(1, '请填写进展情况'),
})

/** 登记完成: the day and 完成情况. */
export const taskCompleteSchema = z.strictObject({
  id,
  completedOn: date,
  completion: text(4000, '完成情况').min(1, '请填写完成情况'),
})

export const evidenceLinkSchema = z.strictObject({ taskId: id, itemId: id })
export const evidenceUnlinkSchema = z.strictObject({ id })
