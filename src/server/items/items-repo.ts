import type { Kysely, Transaction } from 'kysely'
import { isPostgres } from '../db/dialect'
import type { ItemRow, ItemUpdate, NewChange, NewItem, NewRevision, ServerDB } from '../db/schema'

type Db = Kysely<ServerDB> | Transaction<ServerDB>

/**
 * Inserts many new items in one statement, skipping ids that exist, and returns the ids this call
 * created. The primary key, not a prior read, decides, so concurrent first pushes of one id
 * create exactly one row (on PostgreSQL the losers wait for the winner's commit). Rows are sorted by id first so that two concurrent batches lock rows in the same order
 * and cannot deadlock each other.
 */
export async function insertItemsIfAbsent(db: Db, rows: NewItem[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const inserted = await db
    .insertInto('items')
    .values(sorted)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute()
  return new Set(inserted.map((r) => r.id))
}

/** The stored item `id` (any department), locked for update on PostgreSQL. */
export function findItemForUpdate(trx: Transaction<ServerDB>, id: string) {
  const query = trx.selectFrom('items').selectAll().where('id', '=', id)
  return (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirst()
}

/** The stored item `id` when it belongs to `departmentId`. */
export function findOwnItem(
  db: Db,
  departmentId: string,
  id: string,
): Promise<ItemRow | undefined> {
  return db
    .selectFrom('items')
    .selectAll()
    .where('id', '=', id)
    .where('department_id', '=', departmentId)
    .executeTakeFirst()
}

/** Updates the item row. */
export async function updateItem(db: Db, id: string, set: ItemUpdate): Promise<void> {
  await db.updateTable('items').set(set).where('id', '=', id).execute()
}

/** Records received revisions; the (item_id, revision) key forbids a second copy. */
export async function insertRevisions(db: Db, rows: NewRevision[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('item_revisions').values(rows).execute()
}

/** Appends change events in the given order (their ids become cursor values). */
export async function insertChanges(db: Db, rows: NewChange[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('changes').values(rows).execute()
}

/** Appends one change event. */
export async function insertChange(db: Db, row: NewChange): Promise<void> {
  await insertChanges(db, [row])
}
