import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely'
import type {
  ServerConsultationCommentsTable,
  ServerConsultationsTable,
  ServerQaEntriesTable,
} from '../consultations/tables'
import type {
  ItemAttachmentsTable,
  RateLimitCountersTable,
  UploadBlobsTable,
  UploadChunksTable,
  UploadSessionsTable,
} from '../uploads/tables'

/**
 * The central server's tables. Timestamps are UTC ISO-8601 text in both SQLite and PostgreSQL so
 * they compare and sort the same way on both backends; JSON is stored as text so an item is kept
 * exactly as the department sent it (jsonb would reorder its keys).
 */

/** A department that may push items; the token is stored only as a SHA-256 hash. */
export interface DepartmentsTable {
  id: string
  code: string
  name: string
  /** Hex SHA-256 of the current bearer token; null once revoked. */
  token_hash: string | null
  /** First characters of the token, so an administrator can tell tokens apart. */
  token_prefix: string | null
  token_issued_at: string | null
  /** Last day the token is valid (`YYYY-MM-DD`, China time), or null: no expiry. */
  token_expires_at: string | null
  created_at: string
  updated_at: string
}

/** Item lifecycle on the server; the district moves items between these. */
export type ItemStatus = 'received' | 'published' | 'returned' | 'withdrawn'

/** The latest revision of each item, plus where the district's handling of it stands. */
export interface ItemsTable {
  /** The client's UUID; globally unique, owned by one department. */
  id: string
  department_id: string
  revision: number
  content_hash: string
  title: string
  kind: string
  /** `item.approvedAt` normalised to UTC, so lateness can be computed with a text comparison. */
  approved_at: string
  approved_by: string
  item_json: string
  status: ItemStatus
  status_reason: string | null
  status_at: string
  published_url: string | null
  first_received_at: string
  last_received_at: string
}

/** Every revision ever received (the history; the latest is mirrored in `items`). */
export interface ItemRevisionsTable {
  item_id: string
  revision: number
  content_hash: string
  item_json: string
  received_at: string
}

/** What happened to an item, in cursor order; what `GET /api/v1/changes` reads. */
export type ChangeType = 'received' | 'published' | 'returned' | 'withdrawn'

export interface ChangesTable {
  /** Autoincrement / bigserial: the cursor. pg returns int8 as a string, hence the union. */
  id: ColumnType<number | string, never, never>
  department_id: string
  item_id: string
  type: ChangeType
  revision: number
  url: string | null
  reason: string | null
  at: string
}

/** Heads of a department desk's audit chain, as acknowledged (docs/sync-protocol.md, 审计锚点). */
export interface AuditAnchorsTable {
  department_id: string
  seq: number
  /** Hex SHA-256 of the desk's audit entry `seq`. */
  hash: string
  received_at: string
}

/** `audit_anchor_epochs` (migration 0100): restores a desk declared and the district accepted. */
export interface AuditAnchorEpochsTable {
  department_id: string
  /** 1 for the first restore; the chain before it is epoch 0. */
  epoch: number
  rebased_at: string
  /** The desk's `backup.restore` entry in the new chain. */
  restore_seq: number
  restore_hash: string
  /** The district's latest anchor when the restore was declared (null: none yet). */
  replaced_seq: number | null
  replaced_hash: string | null
  /** How many (seq, hash) pairs of the replaced chain the restore carried. */
  carried: number
}

/** `audit_anchors_superseded` (migration 0100): anchors of a replaced chain, kept. */
export interface AuditAnchorsSupersededTable {
  department_id: string
  /** The epoch whose restore replaced them. */
  epoch: number
  seq: number
  hash: string
  received_at: string
}

/** `schedule_breakdowns` (migration 0150): the district's 重点工作分解表, one per year. */
export interface ScheduleBreakdownsTable {
  year: number
  /** Up by one each time a breakdown that differs is published for the year. */
  version: number
  title: string
  file_name: string
  /** Hex SHA-256 of the published file. */
  sha256: string
  /** wireContentHash of the tasks: a re-publication of the same tasks changes nothing. */
  content_hash: string
  /** BreakdownTaskWire[] as JSON. */
  tasks_json: string
  task_count: number
  published_at: string
  published_by: string
}

/** `schedule_tables` (migration 0150): a department's 工作配档表 as last sent. */
export interface ScheduleTablesTable {
  department_id: string
  year: number
  content_hash: string
  /** The PUT body as received (PutScheduleTableBody). */
  table_json: string
  title: string
  breakdown_version: number | null
  as_of: string
  task_count: number
  done_count: number
  evidence_count: number
  evidence_published: number
  first_received_at: string
  received_at: string
}

/** `schedule_table_tasks` (migration 0150): one row per task of a department's table. */
export interface ScheduleTableTasksTable {
  department_id: string
  year: number
  task_id: string
  seq: number
  number: string
  requirement: string
  deadline: string
  deadline_date: string | null
  completed_on: string | null
  progress_count: number
  evidence_count: number
  evidence_published: number
}

/** `department_reports` (migration 0170): a department's published annual report as last sent. */
export interface DepartmentReportsTable {
  department_id: string
  year: number
  format: string
  title: string
  /** ReportTables as JSON (as received). */
  tables_json: string
  /** Sections 一/五/六 as JSON. */
  narrative_json: string
  item_id: string | null
  content_hash: string
  first_received_at: string
  received_at: string
}

/** `department_report_cells` (migration 0170): the report's tables as data, one row per cell. */
export interface DepartmentReportCellsTable {
  department_id: string
  year: number
  table_key: string
  row_key: string
  column_key: string
  /** null = a blank cell (not zero). */
  value: number | null
}

/** A district role: 查看 (read, export), 审核发布 (publish breakdowns, publish/return items), 管理员. */
export type DistrictRole = 'viewer' | 'publisher' | 'admin'

/** `district_users` (migration 0151): district staff who log in to the district pages. */
export interface DistrictUsersTable {
  id: string
  username: string
  display_name: string
  role: DistrictRole
  /** `scrypt$…` (the desk's format, src/core/accounts/password.ts). */
  password_hash: string
  failed_attempts: number
  locked_until: string | null
  disabled_at: string | null
  last_login_at: string | null
  created_at: string
  updated_at: string
}

/** `district_sessions` (migration 0151): a login; the cookie's SHA-256, never the cookie itself. */
export interface DistrictSessionsTable {
  id_hash: string
  user_id: string
  /** The token every form of the session carries. */
  csrf: string
  created_at: string
  last_seen_at: string
  expires_at: string
}

/** `district_audit` (migration 0151): every district action, with who did it. */
export interface DistrictAuditTable {
  id: ColumnType<number | string, never, never>
  at: string
  actor_id: string | null
  actor_name: string
  action: string
  target: string | null
  detail_json: string | null
}

/** `district_calendar` (migration 0152): the holiday calendar the district publishes, per year. */
export interface DistrictCalendarTable {
  year: number
  version: number
  title: string
  /** JSON string[] of `YYYY-MM-DD` days off / 调休 working days; JSON Record<date, festival>. */
  holidays_json: string
  workdays_json: string
  names_json: string
  /** The notice as pasted (kept for the record). */
  notice_text: string
  published_at: string
  published_by: string
}

/** The kysely database interface of the server. */
export interface ServerDB {
  departments: DepartmentsTable
  items: ItemsTable
  item_revisions: ItemRevisionsTable
  changes: ChangesTable
  audit_anchors: AuditAnchorsTable
  audit_anchor_epochs: AuditAnchorEpochsTable
  audit_anchors_superseded: AuditAnchorsSupersededTable
  consultations: ServerConsultationsTable
  consultation_comments: ServerConsultationCommentsTable
  qa_entries: ServerQaEntriesTable
  schedule_breakdowns: ScheduleBreakdownsTable
  schedule_tables: ScheduleTablesTable
  schedule_table_tasks: ScheduleTableTasksTable
  department_reports: DepartmentReportsTable
  department_report_cells: DepartmentReportCellsTable
  district_users: DistrictUsersTable
  district_sessions: DistrictSessionsTable
  district_audit: DistrictAuditTable
  district_calendar: DistrictCalendarTable
  upload_sessions: UploadSessionsTable
  upload_chunks: UploadChunksTable
  upload_blobs: UploadBlobsTable
  item_attachments: ItemAttachmentsTable
  rate_limit_counters: RateLimitCountersTable
}

export type DepartmentRow = Selectable<DepartmentsTable>
export type ItemRow = Selectable<ItemsTable>
export type NewItem = Insertable<ItemsTable>
export type ItemUpdate = Updateable<ItemsTable>
export type NewRevision = Insertable<ItemRevisionsTable>
export type ChangeRow = Selectable<ChangesTable>
export type NewChange = Insertable<ChangesTable>
