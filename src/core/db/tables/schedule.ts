import type { Selectable } from 'kysely'
import type { ActivityChannel, OpinionAdoption } from '../../../shared/activities/types'
import type { TaskSource } from '../../../shared/schedule/types'

/** `schedule_years`: one 工作配档表 per year, its title and last import. */
export interface ScheduleYearsTable {
  year: number
  title: string
  source_file: string | null
  source_sha256: string | null
  imported_at: string | null
  imported_by_name: string | null
  created_at: string
  updated_at: string
}
export type ScheduleYearRow = Selectable<ScheduleYearsTable>

/** `schedule_tasks`: one task of the district's breakdown plus the department's fields. */
export interface ScheduleTasksTable {
  id: string
  year: number
  /** Row order in the table. */
  seq: number
  /** The section heading row above the task (「一、……」), '' when none. */
  section: string
  /** 序号 as written (「1.」「（一）」). */
  number: string
  /** 重点工作 / 工作任务 (a category cell merged down over several tasks). */
  category: string
  /** 具体任务 / 具体要求 / 工作内容. */
  requirement: string
  /** 责任单位 / 牵头单位 as the district wrote it. */
  lead_unit: string
  lead_leader: string
  /** 完成时限 as the district wrote it. */
  district_deadline: string
  /** 1 when 责任单位 names this department (recomputed on every import). */
  own_auto: number
  /** The officer's override of own_auto, or null. */
  own_manual: number | null
  source: TaskSource
  disclosure_content: string
  /** 责任科室 of the department. */
  section_office: string
  /** 责任人. */
  owner: string
  /** The department's 完成时限 (null: the district's). */
  deadline_text: string | null
  /** 完成情况. */
  completion: string
  /** The day the task was completed; set → 已完成. */
  completed_on: string | null
  note: string
  created_at: string
  updated_at: string
  updated_by_name: string | null
  deleted_at: string | null
}
export type ScheduleTaskRow = Selectable<ScheduleTasksTable>

/** `schedule_measures`: 具体措施, several per task. */
export interface ScheduleMeasuresTable {
  id: string
  task_id: string
  seq: number
  text: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** `schedule_progress`: dated 进展情况 entries (history, append-only). */
export interface ScheduleProgressTable {
  id: string
  task_id: string
  date: string
  text: string
  created_at: string
  created_by: string | null
  created_by_name: string | null
  updated_at: string
}

/** `schedule_evidence`: 佐证材料 links to items. */
export interface ScheduleEvidenceTable {
  id: string
  task_id: string
  item_id: string
  created_at: string
  created_by_name: string | null
  updated_at: string
  deleted_at: string | null
  /** When the item was last published (item-change hook, migration 0140), UTC ISO. */
  published_at: string | null
  /** When the item was last withdrawn (item-change hook, migration 0140), UTC ISO. */
  withdrawn_at: string | null
}

/** `schedule_sync` (migration 0140): per year, the district breakdown applied and the table sent. */
export interface ScheduleSyncTable {
  year: number
  breakdown_version: number | null
  breakdown_published_at: string | null
  breakdown_received_at: string | null
  /** wireContentHash of the table last acknowledged by the district. */
  sent_hash: string | null
  sent_at: string | null
  updated_at: string
}

/** `open_activities`: 政府开放活动 (plan, then what happened). */
export interface OpenActivitiesTable {
  id: string
  year: number
  unit_name: string
  title: string
  planned_date: string | null
  planned_time_text: string
  location: string
  form: string
  channel: ActivityChannel
  content: string
  invitees: string
  invitee_count: number | null
  signup: string
  contact: string
  phone: string
  note: string
  held_on: string | null
  summary: string
  participants: string
  participant_count: number | null
  /** The disclosure draft made from the record. */
  item_id: string | null
  created_at: string
  updated_at: string
  updated_by_name: string | null
  deleted_at: string | null
}
export type OpenActivityRow = Selectable<OpenActivitiesTable>

/** `activity_opinions`: opinions received at an activity and the answers (采纳情况). */
export interface ActivityOpinionsTable {
  id: string
  activity_id: string
  seq: number
  opinion: string
  adoption: OpinionAdoption
  response: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}
