import { writeFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { RecordExportResult } from '../../../shared/review/types'
import type { Actor } from '../../accounts/actor'
import { getDepartment } from '../../accounts/department'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import { buildDocxInWorker } from '../../workers'
import { AppError } from '../../errors'
import { loadItemRow } from '../../items/items-repo'
import { getChecklist } from './checklist'
import { reviewRecordDocument, type RecordRound } from './record-document'
import { listReviews } from './rows'
import { stepViews } from './views'
import { auditActor } from '../../accounts/actor'

/**
 * Writes the 保密审查单 of one submission (default: the item's latest) as .docx, laid out by the
 * one document module: the record fields, the checklist with each step's answers and notes, the
 * findings summary (masked values), every round's decisions and a signing row per step, 索引号
 * and content hash. Audited.
 */
export async function exportReviewRecord(
  db: Kysely<DB>,
  actor: Actor,
  itemId: string,
  reviewId: string | undefined,
  path: string,
  clock: Clock,
): Promise<RecordExportResult> {
  const item = await loadItemRow(db, itemId)
  const reviews = await listReviews(db, itemId)
  const review = reviewId ? reviews.find((r) => r.row.id === reviewId) : reviews[0]
  if (!review) throw new AppError('NOT_FOUND', '该条目还没有审查记录')
  const department = await getDepartment(db)
  const checklist = await getChecklist(db, clock, review.row.checklist_version)
  // Every round up to this one, oldest first (listReviews is newest first).
  const rounds: RecordRound[] = []
  for (const r of [...reviews].reverse()) {
    if (r.row.round > review.row.round) continue
    rounds.push({ review: r, steps: await stepViews(db, r, clock) })
  }
  const round = rounds.find((r) => r.review.row.id === review.row.id)
  if (!round) throw new AppError('NOT_FOUND', '该条目还没有审查记录')
  const doc = reviewRecordDocument({
    item,
    departmentName: department?.name ?? '',
    checklist,
    round,
    rounds,
    exportedBy: actor.displayName,
    exportedAt: clock().toISOString(),
  })
  const bytes = await buildDocxInWorker(doc)
  try {
    await writeFile(path, bytes)
  } catch {
    throw new AppError('VALIDATION', `无法写入「${path}」：请检查文件夹权限或文件是否正被打开`)
  }
  await appendAudit(
    db,
    {
      actor: auditActor(actor),
      action: 'review.record_export',
      target: `item:${itemId}`,
      detail: { round: review.row.round, file: path },
    },
    clock,
  )
  return { path, reviewId: review.row.id }
}
