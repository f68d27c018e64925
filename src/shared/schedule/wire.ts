/**
 * The schedule part of the sync wire format (docs/sync-protocol.md §2 「工作配档表」), described
 * ONCE: the district's published 重点工作分解表 coming down, and a department's 工作配档表 with its
 * progress and evidence going up. The central server validates requests with these schemas
 * (src/server/schedule) and the desk's sync extension checks answers with them
 * (src/core/schedule/sync-extension.ts); the OpenAPI document is generated from them.
 */
import { z } from 'zod'
import { EVIDENCE_STATES, TASK_SOURCES, TASK_STATUSES } from './types'

/** Largest number of tasks in one breakdown or table. */
export const MAX_SCHEDULE_TASKS = 20_000

const noNul = (s: string) => !s.includes('\u0000')
const NUL_MESSAGE = '不能包含空字符（U+0000）'

/** A plain text that may be empty, without NUL. */
const plain = (max: number) => z.string().max(max).refine(noNul, { message: NUL_MESSAGE })
/** A non-empty plain text, without NUL. */
const required = (max: number) => plain(max).min(1)

/** A year the app keeps schedules for. */
export const scheduleYearSchema = z.coerce.number().int().min(2000).max(2100)

/** One task of the district's breakdown: only the district's columns. */
export const breakdownTaskWireSchema = z.strictObject({
  seq: z.int().min(1).max(MAX_SCHEDULE_TASKS),
  section: plain(2000),
  number: plain(100),
  category: plain(4000),
  requirement: required(8000),
  leadUnit: plain(2000),
  leadLeader: plain(500),
  deadline: plain(1000),
})
export type BreakdownTaskWire = z.infer<typeof breakdownTaskWireSchema>

/** The department the token belongs to, as the district named it (to match 责任单位 against). */
export const scheduleDepartmentSchema = z.object({ code: z.string(), name: z.string() })

/** `GET /api/v1/schedule/breakdowns`: the years the district has published, newest version each. */
export const breakdownListSchema = z.object({
  department: scheduleDepartmentSchema,
  breakdowns: z.array(
    z.object({
      year: z.int(),
      version: z.int().min(1),
      title: z.string(),
      taskCount: z.int().min(0),
      publishedAt: z.string(),
    }),
  ),
})
export type BreakdownList = z.infer<typeof breakdownListSchema>

/** `GET /api/v1/schedule/breakdowns/{year}`: the published breakdown of one year. */
export const breakdownWireSchema = z.object({
  department: scheduleDepartmentSchema,
  year: z.int(),
  /** Goes up by one each time the district publishes a breakdown that differs. */
  version: z.int().min(1),
  title: z.string(),
  fileName: z.string(),
  /** Hex SHA-256 of the file the district published. */
  sha256: z.string(),
  publishedAt: z.string(),
  tasks: z.array(breakdownTaskWireSchema).max(MAX_SCHEDULE_TASKS),
})
export type BreakdownWire = z.infer<typeof breakdownWireSchema>

const isoDate = z.iso.date()

/** One 佐证材料 link as the department's table reports it. */
export const evidenceWireSchema = z.strictObject({
  itemId: z.uuid(),
  title: plain(500),
  state: z.enum(EVIDENCE_STATES),
  indexNumber: plain(100).nullable(),
  publishedDate: isoDate.nullable(),
  /** When the item was last published / withdrawn (through the item-change hook), UTC ISO. */
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
})
export type EvidenceWire = z.infer<typeof evidenceWireSchema>

/** One row of a department's 工作配档表 with its progress and evidence. */
export const scheduleTableTaskWireSchema = z.strictObject({
  id: required(64),
  seq: z
    .int()
    .min(1)
    .max(MAX_SCHEDULE_TASKS * 2),
  source: z.enum(TASK_SOURCES),
  section: plain(2000),
  number: plain(100),
  category: plain(4000),
  requirement: required(8000),
  leadUnit: plain(2000),
  /** The 完成时限 that applies, as text, and the day it says (null: 持续推进 …). */
  deadline: plain(1000),
  deadlineDate: isoDate.nullable(),
  status: z.enum(TASK_STATUSES),
  completedOn: isoDate.nullable(),
  completedLate: z.boolean(),
  measures: z.array(plain(4000)).max(500),
  disclosureContent: plain(4000),
  sectionOffice: plain(500),
  owner: plain(500),
  completion: plain(8000),
  note: plain(4000),
  /** Newest first. */
  progress: z.array(z.strictObject({ date: isoDate, text: plain(8000) })).max(2000),
  evidence: z.array(evidenceWireSchema).max(200),
})
export type ScheduleTableTaskWire = z.infer<typeof scheduleTableTaskWireSchema>

/** `PUT /api/v1/schedule/tables/{year}` body: the department's own tasks of the year. */
export const putScheduleTableBodySchema = z.strictObject({
  title: required(500),
  /** The district breakdown version the table was built from; null when imported locally. */
  breakdownVersion: z.int().min(1).nullable(),
  /** The desk's calendar day (Beijing) the statuses were derived on. */
  asOf: isoDate,
  tasks: z.array(scheduleTableTaskWireSchema).max(MAX_SCHEDULE_TASKS),
})
export type PutScheduleTableBody = z.infer<typeof putScheduleTableBodySchema>

/** The answer to the PUT and the GET of the department's own table. */
export const scheduleTableReceiptSchema = z.object({
  year: z.int(),
  result: z.enum(['created', 'updated', 'unchanged']),
  /** `sha256:` + RFC 8785 hash of the body as received (wireContentHash). */
  contentHash: z.string(),
  receivedAt: z.string(),
})
export type ScheduleTableReceipt = z.infer<typeof scheduleTableReceiptSchema>

/** `GET /api/v1/schedule/tables/{year}`: what the district holds of this department's table. */
export const scheduleTableStoredSchema = z.object({
  year: z.int(),
  contentHash: z.string(),
  receivedAt: z.string(),
  table: putScheduleTableBodySchema,
})
