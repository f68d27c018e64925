import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { putDepartmentYear } from '../../src/server/db/department-year-put'
import type { ScheduleTableTasksTable, ServerDB } from '../../src/server/db/schema'
import { BACKENDS, useBackend } from './helpers/backends'
import { department } from './helpers/test-server'

const YEAR = 2026

async function departmentId(db: Kysely<ServerDB>, code: string): Promise<string> {
  await department(db, code)
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  return row.id
}

function tasks(departmentId: string, count: number, label: string): ScheduleTableTasksTable[] {
  return Array.from({ length: count }, (_, i) => ({
    department_id: departmentId,
    year: YEAR,
    task_id: `t-${i}`,
    seq: i + 1,
    number: String(i + 1),
    requirement: `${label} ${i + 1}`,
    deadline: '2026年6月底前',
    deadline_date: '2026-06-30',
    completed_on: null,
    progress_count: 0,
    evidence_count: 0,
    evidence_published: 0,
  }))
}

/** One PUT of a 工作配档表 row through the shared helper (the table service's own use of it). */
function put(db: Kysely<ServerDB>, id: string, hash: string, now: string, children: number) {
  return putDepartmentYear(db, {
    table: 'schedule_tables',
    childTable: 'schedule_table_tasks',
    departmentId: id,
    year: YEAR,
    contentHash: hash,
    now,
    row: {
      table_json: '{}',
      title: `配档表 ${hash}`,
      breakdown_version: 1,
      as_of: '2026-11-26',
      task_count: children,
      done_count: 0,
      evidence_count: 0,
      evidence_published: 0,
    },
    childRows: () => tasks(id, children, hash),
  })
}

describe.each(BACKENDS)(
  'putDepartmentYear: upsert a department’s row of a year, replace its children (%s)',
  (kind) => {
    const backend = useBackend(kind)

    it('created, unchanged (children not rebuilt), updated with every child replaced in batches; first_received_at kept; another department untouched', async () => {
      const { db } = await backend.fresh()
      const a = await departmentId(db, 'CZJ')
      const b = await departmentId(db, 'JYJ')

      const created = await put(db, a, 'sha256:one', '2026-11-26T08:00:00.000Z', 1000)
      expect(created).toEqual({
        status: 201,
        receipt: {
          year: YEAR,
          result: 'created',
          contentHash: 'sha256:one',
          receivedAt: '2026-11-26T08:00:00.000Z',
        },
      })
      await put(db, b, 'sha256:other', '2026-11-26T08:00:00.000Z', 3)

      let rebuilt = false
      const again = await putDepartmentYear(db, {
        table: 'schedule_tables',
        childTable: 'schedule_table_tasks',
        departmentId: a,
        year: YEAR,
        contentHash: 'sha256:one',
        now: '2026-11-27T08:00:00.000Z',
        row: {
          table_json: '{}',
          title: '不会写入',
          breakdown_version: 1,
          as_of: '2026-11-27',
          task_count: 0,
          done_count: 0,
          evidence_count: 0,
          evidence_published: 0,
        },
        childRows: () => {
          rebuilt = true
          return []
        },
      })
      expect(again).toEqual({
        status: 200,
        receipt: {
          year: YEAR,
          result: 'unchanged',
          contentHash: 'sha256:one',
          receivedAt: '2026-11-26T08:00:00.000Z',
        },
      })
      expect(rebuilt).toBe(false)

      // 1,000 rows of 12 columns cross several insert batches; a smaller body leaves no stale row.
      const updated = await put(db, a, 'sha256:two', '2026-11-28T08:00:00.000Z', 450)
      expect(updated.status).toBe(200)
      expect(updated.receipt).toMatchObject({
        result: 'updated',
        receivedAt: '2026-11-28T08:00:00.000Z',
      })
      const row = await db
        .selectFrom('schedule_tables')
        .selectAll()
        .where('department_id', '=', a)
        .executeTakeFirstOrThrow()
      expect(row).toMatchObject({
        title: '配档表 sha256:two',
        content_hash: 'sha256:two',
        first_received_at: '2026-11-26T08:00:00.000Z',
        received_at: '2026-11-28T08:00:00.000Z',
      })
      const mine = await db
        .selectFrom('schedule_table_tasks')
        .select(['task_id', 'requirement'])
        .where('department_id', '=', a)
        .execute()
      expect(mine).toHaveLength(450)
      expect(new Set(mine.map((t) => t.task_id)).size).toBe(450)
      expect(mine.every((t) => t.requirement.startsWith('sha256:two '))).toBe(true)
      const theirs = await db
        .selectFrom('schedule_table_tasks')
        .select('requirement')
        .where('department_id', '=', b)
        .execute()
      expect(theirs.map((t) => t.requirement).sort()).toEqual([
        'sha256:other 1',
        'sha256:other 2',
        'sha256:other 3',
      ])
    })
  },
)
