import type { Kysely, Transaction } from 'kysely'
import { isPostgres } from '../db/dialect'
import type { DepartmentRow, ServerDB } from '../db/schema'

type Db = Kysely<ServerDB> | Transaction<ServerDB>

/** The department whose current token hashes to `tokenHash`, or undefined. */
export function findDepartmentByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'token_expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/** The department with `code`, or undefined. */
export function findDepartmentByCode(db: Db, code: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst()
}

/** Every department, by code. */
export function listDepartmentRows(db: Db): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().orderBy('code').execute()
}

/** Inserts a department row. */
export async function insertDepartment(db: Db, row: DepartmentRow): Promise<void> {
  await db.insertInto('departments').values(row).execute()
}

/** Replaces (or, with nulls, removes) a department's token; returns whether a row matched. */
export async function setDepartmentToken(
  db: Db,
  code: string,
  token: { hash: string; prefix: string; issuedAt: string; expiresAt: string | null } | null,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('departments')
    .set({
      token_hash: token?.hash ?? null,
      token_prefix: token?.prefix ?? null,
      token_issued_at: token?.issuedAt ?? null,
      token_expires_at: token?.expiresAt ?? null,
      updated_at: now,
    })
    .where('code', '=', code)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Takes the department's write lock for the rest of the transaction; call it first.
 *
 * PostgreSQL: change ids come from a sequence, and with concurrent transactions a later id can
 * commit before an earlier one; a client reading `id > cursor` in between would skip the earlier
 * change for ever. Holding the department row lock from before the first change insert until
 * commit makes ids commit in order within a department, which is all a department's cursor reads.
 *
 * SQLite: a transaction that reads before it writes can fail with SQLITE_BUSY (no retry) when
 * another process (the admin CLI) wrote in between. A harmless write as the first statement
 * takes the write lock up front, so the busy timeout makes it wait instead.
 */
export async function lockDepartmentForWrite(
  trx: Transaction<ServerDB>,
  departmentId: string,
): Promise<void> {
  if (isPostgres(trx)) {
    await trx
      .selectFrom('departments')
      .select('id')
      .where('id', '=', departmentId)
      .forNoKeyUpdate()
      .execute()
    return
  }
  await trx
    .updateTable('departments')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', departmentId)
    .execute()
}
