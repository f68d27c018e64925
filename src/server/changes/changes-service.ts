import type { Kysely } from 'kysely'
import type { ChangeType, ServerDB } from '../db/schema'
import { ApiError } from '../errors'

/** One event in a department's change feed. */
export interface ChangeView {
  itemId: string
  type: ChangeType
  revision: number
  url?: string
  reason?: string
  at: string
}

/** A page of the feed; pass `nextCursor` back to continue. */
export interface ChangesPage {
  changes: ChangeView[]
  nextCursor: string
  hasMore: boolean
}

export const DEFAULT_CHANGES_LIMIT = 100

/**
 * Cursors are opaque to clients. Today a cursor is the last change id seen, prefixed so that a
 * future format can be told apart; the empty cursor means "from the beginning".
 */
const CURSOR = /^c(\d{1,18})$/

/** Encodes a change id as a cursor. */
export function encodeCursor(id: number): string {
  return `c${id}`
}

/** Decodes a cursor into the change id it stands for; throws INVALID_CURSOR for anything else. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0
  const match = CURSOR.exec(cursor)
  if (!match)
    throw new ApiError(
      'INVALID_CURSOR',
      '游标无效：请使用上次响应中的 nextCursor，或不带游标从头读取。',
    )
  return Number(match[1])
}

/**
 * The changes to `departmentId`'s items after `cursor`, oldest first. Reading `limit + 1` rows
 * tells whether more remain without a second query.
 */
export async function listChanges(
  db: Kysely<ServerDB>,
  departmentId: string,
  cursor: string | undefined,
  limit = DEFAULT_CHANGES_LIMIT,
): Promise<ChangesPage> {
  const after = decodeCursor(cursor)
  const rows = await db
    .selectFrom('changes')
    .select(['id', 'item_id', 'type', 'revision', 'url', 'reason', 'at'])
    .where('department_id', '=', departmentId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    changes: page.map((r) => ({
      itemId: r.item_id,
      type: r.type,
      revision: r.revision,
      ...(r.url === null ? {} : { url: r.url }),
      ...(r.reason === null ? {} : { reason: r.reason }),
      at: r.at,
    })),
    nextCursor: last ? encodeCursor(Number(last.id)) : encodeCursor(after),
    hasMore: rows.length > limit,
  }
}
