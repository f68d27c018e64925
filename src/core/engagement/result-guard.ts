import type { EventPayload } from '../events/bus'
import { AppError } from '../errors'
import { loadItemRow } from '../items/items-repo'
import { commentRows, resultBasisHash } from './result-basis'

/**
 * A 需更新 adoption result (意见采纳情况说明) never passes review: its counts must equal the
 * decisions (713号令第十五条 — the handling of the opinions is explained as it was decided). When
 * the final step of 保密审查 makes a consultation's result item 已通过 while a decision changed, a
 * comment was regrouped, or a late comment waits undecided since the result was generated, the
 * approval is refused inside its transaction (nothing is written) and the officer is told to
 * regenerate it (更新采纳情况说明), which cancels the round and starts a new one.
 * Listener of 'item.changed' (core/events/listeners.ts).
 */
export async function refuseStaleResultApproval({
  db,
  itemId,
  change,
  after,
}: EventPayload<'item.changed'>): Promise<void> {
  if (change !== 'status' || after !== 'approved') return
  const c = await db
    .selectFrom('consultations')
    .select(['id', 'draft_item_id', 'start_date', 'end_date', 'result_basis_hash'])
    .where('result_item_id', '=', itemId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!c) return
  const rows = await commentRows(db, c.id)
  const undecided = rows.filter((r) => r.decision === null).length
  const draft = await loadItemRow(db, c.draft_item_id)
  const current =
    resultBasisHash({
      draftTitle: draft.title,
      startDate: c.start_date,
      endDate: c.end_date,
      rows,
    }) === c.result_basis_hash
  if (undecided === 0 && current) return
  const why =
    undecided > 0
      ? `生成后又收到 ${undecided} 条意见尚未处理`
      : '生成后意见的处理结果、身份或分组有变化'
  throw new AppError(
    'CONFLICT',
    `该意见采纳情况说明需更新（${why}），不能审核通过：请起草人在意见征集页「更新采纳情况说明」后重新提交审查`,
  )
}
