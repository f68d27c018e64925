import type { Kysely } from 'kysely'
import type { ItemRow, ItemStatus, ServerDB } from '../db/schema'
import { ApiError, NOT_FOUND_MESSAGE } from '../errors'
import { findOwnItem } from './items-repo'
import { attachmentProgress } from '../uploads/uploads-service'

/** The JSON form of a stored item, as `GET /api/v1/items/{id}` returns it. */
export interface ItemView {
  id: string
  revision: number
  contentHash: string
  item: unknown
  status: ItemStatus
  statusReason: string | null
  statusAt: string
  publishedUrl: string | null
  firstReceivedAt: string
  lastReceivedAt: string
  /**
   * Protocol v2: the files the item names and how many have not arrived; the item is complete on
   * the server only when `missing` is 0 (absent when it names none).
   */
  attachments?: { total: number; missing: number; complete: boolean }
}

/** Maps a row to its API form; `item` is parsed back from the text stored as sent. */
export function toItemView(row: ItemRow): ItemView {
  return {
    id: row.id,
    revision: row.revision,
    contentHash: row.content_hash,
    item: JSON.parse(row.item_json) as unknown,
    status: row.status,
    statusReason: row.status_reason,
    statusAt: row.status_at,
    publishedUrl: row.published_url,
    firstReceivedAt: row.first_received_at,
    lastReceivedAt: row.last_received_at,
  }
}

/** The latest stored revision of `id` for `departmentId`; 404 for unknown and foreign ids alike. */
export async function getItem(
  db: Kysely<ServerDB>,
  departmentId: string,
  id: string,
): Promise<ItemView> {
  const row = await findOwnItem(db, departmentId, id)
  if (!row) throw new ApiError('NOT_FOUND', NOT_FOUND_MESSAGE)
  const files = (await attachmentProgress(db, [row.id])).get(row.id)
  const view = toItemView(row)
  return files ? { ...view, attachments: { ...files, complete: files.missing === 0 } } : view
}
