import type { Insertable, Kysely, Transaction } from 'kysely'
import { lockDepartmentForWrite } from '../departments/departments-repo'
import type { ServerDB } from './schema'

/** The columns every "one row per department and year, as last sent" table has. */
interface DepartmentYearColumns {
  department_id: string
  year: number
  content_hash: string
  first_received_at: string
  received_at: string
}

type TablesWith<T> = {
  [K in keyof ServerDB]: ServerDB[K] extends T ? K : never
}[keyof ServerDB]

/** A table holding a department's document of a year (the annual report, the 工作配档表). */
export type DepartmentYearTable = TablesWith<DepartmentYearColumns>
/** A table of rows belonging to such a document (report cells, table tasks). */
export type DepartmentYearChildTable = TablesWith<{ department_id: string; year: number }>

/** What a PUT of the document did, with its HTTP status. */
export interface DepartmentYearOutcome {
  status: 200 | 201
  receipt: {
    year: number
    result: 'created' | 'updated' | 'unchanged'
    contentHash: string
    receivedAt: string
  }
}

/**
 * SQLite's and PostgreSQL's limits on bound parameters in one statement are far above this; an
 * insert of child rows is cut into batches of at most this many parameters.
 */
const PARAMETERS_PER_INSERT = 4800

export interface DepartmentYearPut<
  P extends DepartmentYearTable,
  C extends DepartmentYearChildTable,
> {
  table: P
  childTable: C
  departmentId: string
  year: number
  /** wireContentHash of the body as received: the same hash again changes nothing. */
  contentHash: string
  now: string
  /** The document's own columns (the key, hash and receipt times are filled in here). */
  row: Omit<Insertable<ServerDB[P]>, keyof DepartmentYearColumns>
  /** The child rows, built only when the document changed (they replace the stored ones). */
  childRows: () => Insertable<ServerDB[C]>[]
}

/** The loose view the helper writes through: both tables are chosen by the caller. */
type LooseDB = Record<string, DepartmentYearColumns>

/**
 * Stores a department's document of a year as sent (idempotent PUT), in one transaction under
 * the department's write lock: the same body again (same content hash) changes nothing → 200
 * `unchanged`; a different one updates the document row and replaces all its child rows → 200
 * `updated`; the first → 201 `created` (first_received_at = now). A department addresses only its
 * own row: `departmentId` comes from the authenticated token, never from the body.
 */
export async function putDepartmentYear<
  P extends DepartmentYearTable,
  C extends DepartmentYearChildTable,
>(db: Kysely<ServerDB>, put: DepartmentYearPut<P, C>): Promise<DepartmentYearOutcome> {
  const { departmentId, year, contentHash, now } = put
  return db.transaction().execute(async (trx) => {
    await lockDepartmentForWrite(trx, departmentId)
    const loose = trx as unknown as Transaction<LooseDB>
    const table: string = put.table
    const childTable: string = put.childTable
    const stored = await loose
      .selectFrom(table)
      .select(['content_hash', 'received_at'])
      .where('department_id', '=', departmentId)
      .where('year', '=', year)
      .executeTakeFirst()
    if (stored && stored.content_hash === contentHash) {
      return {
        status: 200,
        receipt: { year, result: 'unchanged', contentHash, receivedAt: stored.received_at },
      }
    }
    const row = { ...put.row, content_hash: contentHash, received_at: now }
    if (stored) {
      await loose
        .updateTable(table)
        .set(row)
        .where('department_id', '=', departmentId)
        .where('year', '=', year)
        .execute()
    } else {
      await loose
        .insertInto(table)
        .values({ ...row, department_id: departmentId, year, first_received_at: now })
        .execute()
    }
    await loose
      .deleteFrom(childTable)
      .where('department_id', '=', departmentId)
      .where('year', '=', year)
      .execute()
    const children = put.childRows() as unknown as DepartmentYearColumns[]
    const first = children[0]
    if (first) {
      const batch = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / Object.keys(first).length))
      for (let i = 0; i < children.length; i += batch) {
        await loose
          .insertInto(childTable)
          .values(children.slice(i, i + batch))
          .execute()
      }
    }
    return {
      status: stored ? 200 : 201,
      receipt: { year, result: stored ? 'updated' : 'created', contentHash, receivedAt: now },
    }
  })
}
