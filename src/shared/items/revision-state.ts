import { ITEM_STATUS_LABELS, WORKING_REVISION_LABELS } from './labels'
import type { ItemStatus, LiveRevision } from './types'

/**
 * 修订稿 (issue 10): an approved revision stays in force — it syncs and the district publishes it —
 * while a working revision goes through review and replaces it only when approved itself. The
 * question the editor asks first and core's refusal of an unconfirmed change are this one text.
 */

/** Statuses whose edit must be confirmed first: it withdraws a review or starts a 修订稿. */
export const CONFIRM_FIRST_STATUSES = [
  'pending_review',
  'approved',
  'synced',
] as const satisfies readonly ItemStatus[]

export function needsEditConfirm(status: ItemStatus): boolean {
  return (CONFIRM_FIRST_STATUSES as readonly ItemStatus[]).includes(status)
}

export type WorkingStatus = keyof typeof WORKING_REVISION_LABELS

export function isWorkingStatus(status: ItemStatus): status is WorkingStatus {
  return status === 'draft' || status === 'pending_review' || status === 'returned'
}

/** The dialog's title for an item in `status`. */
export function editConfirmTitle(status: ItemStatus): string {
  return status === 'pending_review' ? '撤回审查并修改？' : '开始修订稿？'
}

/**
 * What the officer is asked before the first change of an item that is 待审查 / 已通过 / 已同步
 * (`revision`: its current revision); core's refusal of an unconfirmed change says the same.
 */
export function editConfirmQuestion(status: ItemStatus, revision: number): string {
  if (status === 'pending_review') {
    return `修改将撤回本次审查：第 ${revision} 版的审查就此结束，已作出的审查意见不再有效，修改后须重新提交审查。`
  }
  const kept = status === 'synced' ? '保持不变，区级平台继续公开' : '保持不变并继续同步'
  return (
    `${ITEM_STATUS_LABELS[status]}的第 ${revision} 版${kept}；` +
    `修改将开始修订稿（第 ${revision + 1} 版），需重新审查后替换。`
  )
}

/** 「已通过 第 3 版」 — the approved revision in force. */
export function liveRevisionText(live: LiveRevision): string {
  return `${ITEM_STATUS_LABELS[live.status]} 第 ${live.revision} 版`
}

/** 「修订中 第 4 版」 — the working revision beside it. */
export function workingRevisionText(status: WorkingStatus, revision: number): string {
  return `${WORKING_REVISION_LABELS[status]} 第 ${revision} 版`
}

/**
 * Both states of an item with a 修订稿, 「已通过 第 3 版 · 修订中 第 4 版」; the status label alone
 * for any other item.
 */
export function revisionStateText(
  status: ItemStatus,
  revision: number,
  live: LiveRevision | null | undefined,
): string {
  if (!live || !isWorkingStatus(status)) return ITEM_STATUS_LABELS[status]
  return `${liveRevisionText(live)} · ${workingRevisionText(status, revision)}`
}
