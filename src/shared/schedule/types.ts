import type { ItemStatus } from '../items/types'

/**
 * 工作配档表 (the department's work schedule built from the district's 重点工作分解表): codes and
 * the view types that cross the IPC boundary. Chinese labels are in ./labels.ts; every rule
 * (status, deadlines, matching) is in core/schedule.
 */

/** Where a task came from: a breakdown file, added by hand, or (later) the district's server. */
export const TASK_SOURCES = ['import', 'manual', 'district'] as const
export type TaskSource = (typeof TASK_SOURCES)[number]

/** Derived, never typed: 未开始 / 推进中 / 已完成 / 逾期. */
export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** The state of one piece of evidence, read from the item at read time. */
export const EVIDENCE_STATES = ['published', 'approved', 'in_review', 'draft', 'withdrawn'] as const
export type EvidenceState = (typeof EVIDENCE_STATES)[number]

/** Fields of the district's breakdown the importer recognises (and the 配档表's own columns). */
export const BREAKDOWN_FIELDS = [
  'number',
  'category',
  'requirement',
  'leadUnit',
  'leadLeader',
  'deadline',
  'measures',
  'disclosureContent',
  'sectionOffice',
  'owner',
  'progress',
  'completion',
  'note',
] as const
export type BreakdownField = (typeof BREAKDOWN_FIELDS)[number]

/** A 完成时限 as read: the text, and the date it says when it says one. */
export interface DeadlineReading {
  text: string
  /** `YYYY-MM-DD`, the last day the text allows (「2024年12月底前」 → 2024-12-31), or null. */
  date: string | null
}

export interface MeasureView {
  id: string
  text: string
}

export interface ProgressView {
  id: string
  date: string
  text: string
  createdAt: string
  createdByName: string | null
}

export interface EvidenceView {
  id: string
  itemId: string
  title: string
  itemStatus: ItemStatus
  state: EvidenceState
  publishedDate: string | null
  indexNumber: string | null
}

/** One row of the 配档表. */
export interface ScheduleTaskView {
  id: string
  year: number
  seq: number
  section: string
  number: string
  category: string
  requirement: string
  leadUnit: string
  leadLeader: string
  districtDeadline: string
  /** 责任单位 names this department (or the officer said so). */
  own: boolean
  ownAuto: boolean
  ownManual: boolean | null
  source: TaskSource
  disclosureContent: string
  sectionOffice: string
  owner: string
  /** The department's own 完成时限 text, or null when the district's applies. */
  deadlineText: string | null
  /** The 完成时限 that applies, read. */
  deadline: DeadlineReading
  completion: string
  completedOn: string | null
  note: string
  status: TaskStatus
  /** Completed after the deadline. */
  completedLate: boolean
  measures: MeasureView[]
  /** Newest first. */
  progress: ProgressView[]
  evidence: EvidenceView[]
  updatedAt: string
  updatedByName: string | null
}

export type StatusCounts = Record<TaskStatus, number>

/** A short task reference for the dashboard lists. */
export interface TaskRef {
  id: string
  number: string
  title: string
  deadline: DeadlineReading
  status: TaskStatus
  owner: string
}

/** One month of the timeline: the tasks due in it and how many are done. */
export interface TimelineMonth {
  month: number
  due: number
  done: number
  overdue: number
  tasks: TaskRef[]
}

export interface ScheduleOverview {
  year: number
  title: string | null
  total: number
  own: number
  counts: StatusCounts
  overdue: TaskRef[]
  dueThisWeek: TaskRef[]
  /** Twelve months; tasks without a date are counted in `undated`. */
  timeline: TimelineMonth[]
  undated: number
  importedAt: string | null
  sourceFile: string | null
}

/** The year's figures for the annual report's section 六 (工作配档表 落实情况). */
export interface ScheduleYearFigures {
  year: number
  total: number
  own: number
  done: number
  doneOnTime: number
  doneLate: number
  inProgress: number
  notStarted: number
  overdue: number
  /** done / total, 0…1 (0 when there are no tasks). */
  completionRate: number
  evidenceLinks: number
  evidencePublished: number
}

/** The home page's card. */
export interface ScheduleHomeCard {
  year: number
  total: number
  counts: StatusCounts
  overdue: TaskRef[]
  dueThisWeek: TaskRef[]
}

/** What the import found, for the mapping step. */
export interface ImportPreview {
  token: string
  fileName: string
  sheets: string[]
  sheet: string
  headerRow: number | null
  dataRow: number | null
  /** Column headers as read (0-based index → text). */
  headers: string[]
  /** Field → column index (recognised or as mapped). */
  mapping: Partial<Record<BreakdownField, number>>
  /** True when the task column could not be recognised: the user must map it. */
  needsMapping: boolean
  /** First rows as they would import. */
  sample: ImportedTaskPreview[]
  taskCount: number
  /** Chinese problems that block the import (sheet/row/cell named); empty when it can go. */
  errors: string[]
  /** Things to check that do not block it (the title names another year). */
  warnings: string[]
  /** The title row as read. */
  title: string
}

export interface ImportedTaskPreview {
  row: number
  section: string
  number: string
  category: string
  requirement: string
  leadUnit: string
  deadline: string
  own: boolean
}

export interface ImportResult {
  year: number
  fileName: string
  added: number
  updated: number
  unchanged: number
  removed: number
  own: number
  total: number
}

export interface ExportResult {
  file: string
  count: number
}
