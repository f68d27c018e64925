import type { Kysely } from 'kysely'
import { formatIndexNumber } from '../../shared/index-pattern'
import type { Actor } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { readDraftingSettings } from './drafting-settings'
import { loadItemRow } from './items-repo'
import { auditActor } from '../accounts/actor'

/**
 * Assigns the item's 索引号 when it is approved (the review service calls this inside its
 * approval transaction; given a plain connection it opens its own). The sequence restarts each
 * year (the approval year, from `clock`) and comes from `index_sequences` in the same transaction
 * as the item update; UNIQUE constraints on the number and on (year, sequence) back it up.
 * Idempotent: an item that already has a number keeps it (also after later edits).
 */
export async function assignIndexNumber(
  db: Kysely<DB>,
  itemId: string,
  clock: Clock,
  actor: Actor | null = null,
): Promise<string> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => assignIndexNumber(trx, itemId, clock, actor))
  }
  const item = await loadItemRow(db, itemId)
  if (item.index_number) return item.index_number
  const department = await getDepartment(db)
  if (!department) throw new AppError('SETUP_REQUIRED', '尚未登记本单位，无法分配索引号')
  const { indexPattern } = await readDraftingSettings(db)
  const now = clock()
  const year = now.getFullYear()
  const next = await db
    .insertInto('index_sequences')
    .values({ year, last_seq: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({ last_seq: eb('last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  const indexNumber = formatIndexNumber(indexPattern, {
    org: department.orgCode,
    date: now,
    seq: next.last_seq,
  })
  await db
    .updateTable('items')
    .set({ index_number: indexNumber, index_year: year, index_seq: next.last_seq })
    .where('id', '=', itemId)
    .execute()
  await appendAudit(
    db,
    {
      actor: actor ? auditActor(actor) : null,
      action: 'item.index_assigned',
      target: `item:${itemId}`,
      detail: { indexNumber, year, seq: next.last_seq },
    },
    clock,
  )
  return indexNumber
}
