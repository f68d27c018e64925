import type { ItemStatus } from '../../shared/items/types'
import type { EvidenceState, TaskStatus } from '../../shared/schedule/types'

/**
 * A task's status is derived, never typed: 已完成 once a completion day is recorded; otherwise
 * 逾期 when the 完成时限 reads as a day before today (calendar days: a 完成时限 is a calendar
 * date, not a count of working days); 推进中 once a 进展情况 entry exists; else 未开始.
 */
export function deriveTaskStatus(
  task: { completedOn: string | null; deadlineDate: string | null; progressCount: number },
  today: string,
): TaskStatus {
  if (task.completedOn !== null) return 'done'
  if (task.deadlineDate !== null && task.deadlineDate < today) return 'overdue'
  if (task.progressCount > 0) return 'in_progress'
  return 'not_started'
}

/** Completed after its 完成时限. */
export function completedLate(completedOn: string | null, deadlineDate: string | null): boolean {
  return completedOn !== null && deadlineDate !== null && completedOn > deadlineDate
}

/** 佐证材料's state from the linked item's current status, read at read time. */
export function evidenceState(status: ItemStatus): EvidenceState {
  switch (status) {
    case 'synced':
      return 'published'
    case 'approved':
      return 'approved'
    case 'pending_review':
      return 'in_review'
    case 'withdrawn':
      return 'withdrawn'
    default:
      return 'draft'
  }
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return t.toISOString().slice(0, 10)
}
