import type { Kysely } from 'kysely'
import type { HomeTodo, TodoGroup } from '../../shared/home/types'
import { TODO_ROWS } from '../../shared/home/types'
import type { ItemStatus } from '../../shared/items/types'
import type { SyncStatus } from '../../shared/sync/types'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { qaReviewQueue } from '../engagement/qa-review'
import { reviewQueue } from '../review/workflow/views'
import { searchItems } from '../search/search-items'

/** Not yet published: an overdue item in these states still waits for its officer (条例第二十六条). */
const UNPUBLISHED: ItemStatus[] = ['draft', 'pending_review', 'returned', 'approved']

/**
 * 我的待办: each heading asks its own domain's query — the review queue's 「待我审查」 (the same
 * separation-of-duties check that `review:decide` applies), 政策问答's 「待我审核的问答」 (the
 * check of `engagement:qa-review`), the item search's author, status and
 * 「逾期」 filters (the catalogue's 时限, else 20 working days), and the sync worker's outbox counts.
 * Nothing here restates a rule of those domains.
 */
export async function homeTodo(
  db: Kysely<DB>,
  actor: Actor,
  clock: Clock,
  syncStatus: () => Promise<SyncStatus>,
): Promise<HomeTodo> {
  const queue = await reviewQueue(db, actor, 'mine', clock)
  const awaitingMyReview: TodoGroup = {
    count: queue.length,
    rows: queue.slice(0, TODO_ROWS).map((r) => ({
      itemId: r.itemId,
      title: r.title,
      note: `${r.stepName}（第 ${r.stepIndex + 1}/${r.stepCount} 步）· ${r.submittedByName} 提交`,
    })),
  }

  const qa = await qaReviewQueue(db, actor)
  const qaAwaitingMyReview: TodoGroup = {
    count: qa.length,
    rows: qa.slice(0, TODO_ROWS).map((r) => ({
      itemId: r.id,
      title: r.question,
      note: `${r.stepName}（第 ${r.stepIndex + 1}/${r.stepCount} 步）· ${r.submittedByName ?? ''} 提交`,
    })),
  }

  const mine = (statuses: ItemStatus[], late?: boolean) =>
    searchItems(
      db,
      {
        authorId: actor.id,
        statuses,
        ...(late === undefined ? {} : { late }),
        sort: late ? 'signed' : 'updated',
        order: late ? 'asc' : 'desc',
        offset: 0,
        limit: TODO_ROWS,
      },
      clock,
    )
  const returned = await mine(['returned'])
  const overdue = await mine(UNPUBLISHED, true)

  const status = await syncStatus()
  return {
    awaitingMyReview,
    qaAwaitingMyReview,
    returnedToMe: {
      count: returned.total,
      rows: returned.rows.map((r) => ({ itemId: r.id, title: r.title, note: null })),
    },
    myOverdue: {
      count: overdue.total,
      rows: overdue.rows.map((r) => ({
        itemId: r.id,
        title: r.title,
        note: r.dueDate ? `应于 ${r.dueDate} 前公开` : null,
      })),
    },
    sync: {
      failed: status.counts.failed,
      conflict: status.counts.conflict,
      tampered: status.counts.tampered,
      lastError: status.lastError,
    },
  }
}
