import type { Kysely } from 'kysely'
import type { DepartmentView } from '../../shared/accounts/types'
import type { DB } from '../db/schema'

/** The department this installation belongs to, or null before setup. */
export async function getDepartment(db: Kysely<DB>): Promise<DepartmentView | null> {
  const row = await db
    .selectFrom('department')
    .select(['name', 'org_code'])
    .where('id', '=', 1)
    .executeTakeFirst()
  return row ? { name: row.name, orgCode: row.org_code } : null
}

/** Creates or replaces the single department row (callers validate and audit). */
export async function saveDepartment(
  db: Kysely<DB>,
  department: DepartmentView,
  now: string,
): Promise<void> {
  await db
    .insertInto('department')
    .values({
      id: 1,
      name: department.name,
      org_code: department.orgCode,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ name: department.name, org_code: department.orgCode, updated_at: now }),
    )
    .execute()
}
