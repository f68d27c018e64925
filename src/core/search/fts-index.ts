import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { EventPayload } from '../events/bus'

/** Attachment text indexed per item is capped so one huge spreadsheet cannot bloat the index. */
export const MAX_ATTACHMENT_TEXT = 1_000_000

/**
 * Rewrites an item's row in the trigram index from its current title, body text and attachments'
 * text. Runs on every content change ('item.changed', below), in the change's transaction (the index is
 * contentless, so the row is deleted and inserted again rather than updated).
 */
export async function reindexItem(db: Kysely<DB>, itemId: string): Promise<void> {
  const item = await db
    .selectFrom('items')
    .select(['rid', 'title', 'body_text'])
    .where('id', '=', itemId)
    .executeTakeFirst()
  if (!item) return
  const texts = await db
    .selectFrom('item_attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select('b.text')
    .where('a.item_id', '=', itemId)
    .orderBy('a.position')
    .execute()
  const attachmentText = texts
    .map((t) => t.text ?? '')
    .filter((t) => t !== '')
    .join('\n')
    .slice(0, MAX_ATTACHMENT_TEXT)
  await sql`DELETE FROM items_fts WHERE rowid = ${item.rid}`.execute(db)
  await sql`INSERT INTO items_fts (rowid, title, body_text, attachment_text)
    VALUES (${item.rid}, ${item.title}, ${item.body_text}, ${attachmentText})`.execute(db)
}

/**
 * Listener of 'item.changed' (registered in core/events/listeners.ts): a content change reindexes
 * the item's title, body and attachment text in the change's transaction.
 */
export async function reindexOnItemChange(e: EventPayload<'item.changed'>): Promise<void> {
  if (e.change === 'content') await reindexItem(e.db, e.itemId)
}
