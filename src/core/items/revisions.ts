import type { Kysely } from 'kysely'
import type { RevisionKind, RevisionSummary, RevisionView } from '../../shared/items/types'
import type { Actor } from '../accounts/actor'
import type { DB } from '../db/schema'
import type { ItemRevisionRow } from '../db/tables/drafting'
import { AppError } from '../errors'
import { parseSnapshot, type Snapshot } from './content'

/**
 * Autosave coalescing window. The newest revision is the user's *open autosave* when it is an
 * autosave by the same user created less than this long ago: further autosaves overwrite it in
 * place and an explicit save finalises it (turns it into a `save`). After the window a new
 * autosave revision starts, so a long session still leaves checkpoints.
 */
export const AUTOSAVE_WINDOW_MS = 30 * 60_000

export interface RecordRevision {
  itemId: string
  /** The item's current revision number (0 when creating). */
  current: number
  kind: RevisionKind
  snapshot: Snapshot
  hash: string
  actor: Actor
  now: Date
}

/** The newest revision when it is `actor`'s open autosave (see AUTOSAVE_WINDOW_MS). */
export async function openAutosave(
  db: Kysely<DB>,
  itemId: string,
  current: number,
  actor: Actor,
  now: Date,
): Promise<ItemRevisionRow | undefined> {
  if (current < 1) return undefined
  const latest = await db
    .selectFrom('item_revisions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('revision', '=', current)
    .executeTakeFirst()
  if (!latest || latest.kind !== 'autosave' || latest.author_id !== actor.id) return undefined
  return now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_WINDOW_MS ? latest : undefined
}

/**
 * Freezes a revision that others now rely on (submitted for review): an open autosave becomes a
 * `save`, so the next edit by anyone appends a new revision instead of rewriting the one the
 * reviewer is looking at.
 */
export async function freezeRevision(
  db: Kysely<DB>,
  itemId: string,
  revision: number,
): Promise<void> {
  await db
    .updateTable('item_revisions')
    .set({ kind: 'save' })
    .where('item_id', '=', itemId)
    .where('revision', '=', revision)
    .where('kind', '=', 'autosave')
    .execute()
}

/**
 * Records a revision: an autosave or save by the user with an open autosave rewrites that one in
 * place (a save also marks it `save`); anything else appends revision `current + 1`.
 * Returns the revision number and whether a new row was opened.
 */
export async function recordRevision(
  db: Kysely<DB>,
  r: RecordRevision,
): Promise<{ revision: number; opened: boolean }> {
  const at = r.now.toISOString()
  const snapshot_json = JSON.stringify(r.snapshot)
  if (r.kind === 'autosave' || r.kind === 'save') {
    const open = await openAutosave(db, r.itemId, r.current, r.actor, r.now)
    if (open) {
      await db
        .updateTable('item_revisions')
        .set({ kind: r.kind, snapshot_json, content_hash: r.hash, updated_at: at })
        .where('item_id', '=', r.itemId)
        .where('revision', '=', open.revision)
        .execute()
      return { revision: open.revision, opened: false }
    }
  }
  const revision = r.current + 1
  await db
    .insertInto('item_revisions')
    .values({
      item_id: r.itemId,
      revision,
      kind: r.kind,
      snapshot_json,
      content_hash: r.hash,
      author_id: r.actor.id,
      author_name: r.actor.displayName,
      created_at: at,
      updated_at: at,
    })
    .execute()
  return { revision, opened: true }
}

function toSummary(row: ItemRevisionRow): RevisionSummary {
  return {
    revision: row.revision,
    kind: row.kind,
    title: parseSnapshot(row.snapshot_json).content.title,
    contentHash: row.content_hash,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** An item's revisions, newest first. */
export async function listRevisions(db: Kysely<DB>, itemId: string): Promise<RevisionSummary[]> {
  await requireItemExists(db, itemId)
  const rows = await db
    .selectFrom('item_revisions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('revision', 'desc')
    .execute()
  return rows.map(toSummary)
}

/** One revision with its full snapshot; NOT_FOUND with a Chinese message otherwise. */
export async function getRevision(
  db: Kysely<DB>,
  itemId: string,
  revision: number,
): Promise<RevisionView> {
  const row = await db
    .selectFrom('item_revisions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('revision', '=', revision)
    .executeTakeFirst()
  if (!row) {
    await requireItemExists(db, itemId)
    throw new AppError('NOT_FOUND', `没有第 ${revision} 版，请刷新版本列表后重试`)
  }
  const snapshot = parseSnapshot(row.snapshot_json)
  return {
    ...toSummary(row),
    itemId,
    content: snapshot.content,
    attachments: snapshot.attachments,
  }
}

/** Throws NOT_FOUND when the item does not exist. */
export async function requireItemExists(db: Kysely<DB>, itemId: string): Promise<void> {
  const found = await db
    .selectFrom('items')
    .select('id')
    .where('id', '=', itemId)
    .executeTakeFirst()
  if (!found) throw new AppError('NOT_FOUND', '条目不存在或已被删除，请刷新列表')
}
