import type { Kysely } from 'kysely'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { EventBus } from '../events/bus'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { commitChange, snapshotAttachments } from './commit'
import { loadItemRow } from './items-repo'
import { requireItemEditor } from './permissions'
import { getRevision } from './revisions'

/**
 * Restores an old revision as a new one (kind `restore`): its title, body, metadata and attachment
 * set come back; the current 有效性 stays (立改废 is changed only on purpose). Topics, genres or
 * catalogue entries deleted since are left empty. Blobs are never deleted, so old attachments can
 * always come back. Stale `baseRevision` → CONFLICT.
 */
export async function restoreRevision(
  db: Kysely<DB>,
  actor: Actor,
  input: { id: string; revision: number; baseRevision: number; confirmRevision?: boolean },
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<void> {
  requireItemEditor(actor)
  await db.transaction().execute(async (trx) => {
    const before = await loadItemRow(trx, input.id)
    if (input.baseRevision !== before.revision) {
      throw new AppError(
        'CONFLICT',
        `该条目已被修改（当前第 ${before.revision} 版），请刷新后再恢复`,
        { currentRevision: before.revision },
      )
    }
    const old = await getRevision(trx, input.id, input.revision)
    const exists = async (table: 'topics' | 'genres' | 'catalogue_entries', id: string | null) =>
      id !== null &&
      (await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !==
        undefined
    const content = {
      ...old.content,
      validity: before.validity,
      validityById: before.validity_by_id,
      topicId: (await exists('topics', old.content.topicId)) ? old.content.topicId : null,
      genreId: (await exists('genres', old.content.genreId)) ? old.content.genreId : null,
      catalogueEntryId: (await exists('catalogue_entries', old.content.catalogueEntryId))
        ? old.content.catalogueEntryId
        : null,
    }
    // Re-point the item's attachment references at the snapshot's blobs.
    const blobs = await trx
      .selectFrom('attachment_blobs')
      .select('sha256')
      .where('sha256', 'in', ['', ...old.attachments.map((a) => a.sha256)])
      .execute()
    const stored = new Set(blobs.map((b) => b.sha256))
    const keep = old.attachments.filter((a) => stored.has(a.sha256))
    const currentRefs = await trx
      .selectFrom('item_attachments')
      .selectAll()
      .where('item_id', '=', input.id)
      .execute()
    await trx.deleteFrom('item_attachments').where('item_id', '=', input.id).execute()
    const now = clock().toISOString()
    for (const [position, a] of keep.entries()) {
      const previous = currentRefs.find((r) => r.sha256 === a.sha256)
      await trx
        .insertInto('item_attachments')
        .values({
          id: previous?.id ?? ids(),
          item_id: input.id,
          sha256: a.sha256,
          name: a.name,
          ext: a.name.includes('.') ? (a.name.split('.').pop() ?? '').toLowerCase() : '',
          position,
          added_by: previous?.added_by ?? actor.id,
          added_at: previous?.added_at ?? now,
        })
        .onConflict((oc) => oc.columns(['item_id', 'sha256']).doNothing())
        .execute()
    }
    await commitChange(
      trx,
      {
        before,
        itemId: input.id,
        content,
        attachments: await snapshotAttachments(trx, input.id),
        kind: 'restore',
        actor,
        action: 'item.restore',
        events,
        confirmed: input.confirmRevision === true,
        detail: { fromRevision: input.revision },
      },
      clock,
    )
  })
}
