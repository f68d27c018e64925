import type { Kysely } from 'kysely'
import type { AttachmentView } from '../../shared/items/types'
import type { DB } from '../db/schema'

/** An item's attachments in order, with their blob's size and text status. */
export async function listAttachmentViews(
  db: Kysely<DB>,
  itemId: string,
): Promise<AttachmentView[]> {
  const rows = await db
    .selectFrom('item_attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .leftJoin('users as u', 'u.id', 'a.added_by')
    .select([
      'a.id',
      'a.item_id',
      'a.name',
      'a.ext',
      'a.sha256',
      'a.added_at',
      'b.size_bytes',
      'b.text_status',
      'b.text_warning',
      'u.display_name',
    ])
    .where('a.item_id', '=', itemId)
    .orderBy('a.position')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    name: r.name,
    ext: r.ext,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    textStatus: r.text_status,
    textWarning: r.text_warning,
    addedAt: r.added_at,
    addedByName: r.display_name,
  }))
}
