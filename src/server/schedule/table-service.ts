import type { Kysely } from 'kysely'
import type { PutScheduleTableBody, ScheduleTableReceipt } from '../../shared/schedule/wire'
import { wireContentHash } from '../../shared/sync/wire'
import type { ScheduleTableTasksTable, ServerDB } from '../db/schema'
import { putDepartmentYear } from '../db/department-year-put'
import { ApiError } from '../errors'

/** What `PUT /schedule/tables/{year}` did, with its HTTP status. */
export interface TableOutcome {
  status: 200 | 201
  receipt: ScheduleTableReceipt
}

/**
 * Stores `departmentId`'s 工作配档表 of `year` as sent (idempotent PUT): the same body again (same
 * wireContentHash) changes nothing → 200 `unchanged`; a different one replaces the stored table
 * and its task rows in one transaction → 200 `updated`; the first → 201 `created`. Each department
 * has its own row: there is no way to address another department's table.
 */
export async function putScheduleTable(
  db: Kysely<ServerDB>,
  departmentId: string,
  year: number,
  body: PutScheduleTableBody,
  now: string,
): Promise<TableOutcome> {
  const contentHash = await wireContentHash(body)
  const ids = new Set<string>()
  for (const t of body.tasks) {
    if (ids.has(t.id)) {
      throw new ApiError('VALIDATION', `配档表中任务编号重复：${t.id}`, [{ path: ['tasks'] }])
    }
    ids.add(t.id)
  }
  const evidence = body.tasks.flatMap((t) => t.evidence)
  return putDepartmentYear(db, {
    table: 'schedule_tables',
    childTable: 'schedule_table_tasks',
    departmentId,
    year,
    contentHash,
    now,
    row: {
      table_json: JSON.stringify(body),
      title: body.title,
      breakdown_version: body.breakdownVersion,
      as_of: body.asOf,
      task_count: body.tasks.length,
      done_count: body.tasks.filter((t) => t.completedOn !== null).length,
      evidence_count: evidence.length,
      evidence_published: evidence.filter((e) => e.state === 'published').length,
    },
    childRows: () =>
      body.tasks.map((t): ScheduleTableTasksTable => ({
        department_id: departmentId,
        year,
        task_id: t.id,
        seq: t.seq,
        number: t.number,
        requirement: t.requirement,
        deadline: t.deadline,
        deadline_date: t.deadlineDate,
        completed_on: t.completedOn,
        progress_count: t.progress.length,
        evidence_count: t.evidence.length,
        evidence_published: t.evidence.filter((e) => e.state === 'published').length,
      })),
  })
}

/** The department's own stored table of `year`, or NOT_FOUND. */
export async function getScheduleTable(db: Kysely<ServerDB>, departmentId: string, year: number) {
  const row = await db
    .selectFrom('schedule_tables')
    .select(['content_hash', 'received_at', 'table_json'])
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .executeTakeFirst()
  if (!row) throw new ApiError('NOT_FOUND', `区级尚未收到本部门 ${year} 年的工作配档表。`)
  return {
    year,
    contentHash: row.content_hash,
    receivedAt: row.received_at,
    table: JSON.parse(row.table_json) as PutScheduleTableBody,
  }
}
