import type { ItemStatus, LiveRevision } from '../../shared/items/types'
import {
  editConfirmQuestion,
  isWorkingStatus,
  needsEditConfirm,
} from '../../shared/items/revision-state'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { ItemRow } from '../db/tables/drafting'
import { contentColumns, parseSnapshot } from './content'
import { AppError } from '../errors'

/**
 * 修订稿 (issue 10: no approval or submission is voided by a stray keystroke). A content change of
 * an item that is 待审查, 已通过 or 已同步 must say it was confirmed (`confirmRevision: true` in the
 * channel's input, after the editor asked 「修改将撤回本次审查……」 / 「已通过的第 N 版保持不变……」);
 * otherwise core refuses it and writes nothing.
 */
export function requireEditConfirmed(before: ItemRow, confirmed: boolean | undefined): void {
  if (!needsEditConfirm(before.status) || confirmed === true) return
  throw new AppError('CONFLICT', editConfirmQuestion(before.status, before.revision), {
    reason: 'confirm_revision',
    status: before.status,
    revision: before.revision,
  })
}

/** What a content change does to the item's status and its approved revision. */
export interface EditTransition {
  status: ItemStatus
  /** 待审查 → 草稿: the open review is withdrawn (cancelled, audited). */
  withdrawsReview: boolean
  /** 已通过/已同步 → a 修订稿: the approved revision stays in force as `live_*`. */
  startsRevision: boolean
  /** 已撤回 → 草稿: nothing approved stays in force. */
  voidsApproval: boolean
}

/**
 * The transition of a content change of `before` (null: creating). 草稿 and 退回修改 keep their
 * status. 待审查 goes back to 草稿 with its review withdrawn; 已通过/已同步 start a working revision
 * (status 草稿) while the approved revision stays what syncs; 已撤回 goes back to 草稿.
 */
export function editTransition(before: ItemRow | null, changed: boolean): EditTransition {
  const none = { withdrawsReview: false, startsRevision: false, voidsApproval: false }
  if (before === null) return { status: 'draft', ...none }
  if (!changed) return { status: before.status, ...none }
  switch (before.status) {
    case 'pending_review':
      return { status: 'draft', ...none, withdrawsReview: true }
    case 'approved':
    case 'synced':
      return { status: 'draft', ...none, startsRevision: true }
    case 'withdrawn':
      return { status: 'draft', ...none, voidsApproval: true }
    default:
      return { status: before.status, ...none }
  }
}

/** The approved revision still in force beside a working revision, from the row's `live_*`. */
export function liveRevisionOf(
  row: Pick<ItemRow, 'status' | 'live_revision' | 'live_status'>,
): LiveRevision | null {
  if (row.live_revision === null || row.live_status === null || !isWorkingStatus(row.status)) {
    return null
  }
  return { revision: row.live_revision, status: row.live_status }
}

/**
 * The rows as they stand in force: for an item with a 修订稿 (liveRevisionOf not null), the fields
 * the public sees — 类别, 标题, 发文机关/字号, dates, 主题/体裁, 有效性, 目录 — are read from the
 * approved revision's snapshot, not the working revision's (which may change them before it is
 * approved); status and revision stay the row's. Other rows are returned as they are. The body is
 * left as it is (callers read it through the sync payload).
 */
export async function withInForceContent<
  R extends Pick<ItemRow, 'id' | 'status' | 'live_revision' | 'live_status'>,
>(db: Kysely<DB>, rows: R[]): Promise<R[]> {
  const live = rows.filter((r) => liveRevisionOf(r) !== null)
  if (live.length === 0) return rows
  const snapshots = await db
    .selectFrom('item_revisions')
    .select(['item_id', 'revision', 'snapshot_json'])
    .where((eb) =>
      eb.or(
        live.map((r) => eb.and([eb('item_id', '=', r.id), eb('revision', '=', r.live_revision!)])),
      ),
    )
    .execute()
  const content = new Map(
    snapshots.map((s) => [`${s.item_id}@${s.revision}`, parseSnapshot(s.snapshot_json).content]),
  )
  return rows.map((r) => {
    const c = liveRevisionOf(r) ? content.get(`${r.id}@${r.live_revision}`) : undefined
    if (!c) return r
    const inForce: Partial<ItemRow> = contentColumns(c)
    // Only the columns the caller selected are replaced.
    return {
      ...r,
      ...Object.fromEntries(Object.entries(inForce).filter(([k]) => k in r)),
    }
  })
}
