import type { Kysely } from 'kysely'
import { auditActor, requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { chineseDate } from '../documents'
import { AppError } from '../errors'
import type { EventBus } from '../events/bus'
import type { IdSource } from '../ids'
import { loadItemRow } from '../items/items-repo'
import { saveGeneratedItem } from '../items/save-item'
import { officeToday } from '../requests/office-day'
import { loadConsultationRow } from './consultations'
import { commentRows, resultBasisHash, resultHtml, resultTitle } from './result-basis'

/**
 * Generates the adoption result (意见采纳情况说明) as a disclosure item (类别 意见征集) from the
 * decisions — an ordinary item, so it goes through 保密审查 and sync like any other. Only after the
 * period (the last day counts: the Beijing office day of core's clock must be past `end_date`) and
 * with every comment decided. Run again (需更新: a decision changed, a late comment arrived), it
 * writes a new revision of the same item — a 修订稿 when the earlier one was approved — and binds
 * the result to the decisions it now states. Returns its id.
 */
export async function generateResult(
  db: Kysely<DB>,
  actor: Actor,
  consultationId: string,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  requireRole(actor, 'officer')
  const c = await loadConsultationRow(db, consultationId)
  if (officeToday(clock) <= c.end_date) {
    throw new AppError(
      'CONFLICT',
      `征集期至${chineseDate(c.end_date) ?? c.end_date}结束，征集期结束后才能生成意见采纳情况说明`,
    )
  }
  const rows = await commentRows(db, consultationId)
  const undecided = rows.filter((r) => r.decision === null).length
  if (undecided > 0) {
    throw new AppError(
      'CONFLICT',
      `还有 ${undecided} 条意见未处理，请逐条（或按组）作出处理后再生成采纳情况说明`,
    )
  }
  const draft = await loadItemRow(db, c.draft_item_id)
  const basis = { draftTitle: draft.title, startDate: c.start_date, endDate: c.end_date, rows }
  const fields = {
    kind: 'consultation' as const,
    title: resultTitle(draft.title),
    bodyHtml: resultHtml(basis),
    issuer: draft.issuer,
    docNumber: '',
    signedDate: officeToday(clock),
    plannedPublishDate: null,
    topicId: draft.topic_id,
    genreId: null,
    catalogueEntryId: null,
  }
  const existing = c.result_item_id ? await loadItemRow(db, c.result_item_id) : null
  const itemId = await saveGeneratedItem(db, actor, existing, fields, clock, ids, events)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('consultations')
      .set({
        result_item_id: itemId,
        result_basis_hash: resultBasisHash(basis),
        updated_at: clock().toISOString(),
      })
      .where('id', '=', c.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.result',
        target: `consultation:${c.id}`,
        detail: { name: c.title, item: itemId, comments: rows.length },
      },
      clock,
    )
  })
  return itemId
}
