import type { Kysely } from 'kysely'
import type {
  ChecklistAnswerInput,
  CarrierForm,
  PublishChannel,
} from '../../../shared/review/types'
import type { Actor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import type { EventBus } from '../../events/bus'
import { AppError } from '../../errors'
import type { IdSource } from '../../ids'
import { emitStatusChange } from '../../items/item-events'
import { loadItemRow } from '../../items/items-repo'
import { freezeRevision } from '../../items/revisions'
import { currentChain } from './chain'
import { checkAnswers, currentChecklist } from './checklist'
import { OTHER_CHANNEL_REQUIRED } from '../../../shared/review/schemas'
import { scanItem } from './scan-item'
import { auditActor } from '../../accounts/actor'

export interface SubmitInput {
  itemId: string
  revision: number
  contentHash: string
  checklistVersion: number
  selfCheck: ChecklistAnswerInput[]
  carrier: CarrierForm
  channels: PublishChannel[]
  channelOther?: string | undefined
}

/** The CONFLICT every stale decision or submission gets. */
export const contentChanged = () =>
  new AppError('CONFLICT', '内容已变更，请重新审查', { reason: 'content_changed' })

/**
 * 提交审查: an officer submits the item's current revision with the self-check answered in full
 * (notes where an answer flags a risk). The scanner runs (department keywords; 意见征集 skips
 * process hints) and its findings are stored with the submission, bound to the revision and its
 * content hash; the chain snapshot is the current chain; the item becomes 待审查. Returns the id.
 */
export async function submitReview(
  db: Kysely<DB>,
  dataDir: string,
  actor: Actor,
  input: SubmitInput,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  if (!actor.roles.includes('officer')) {
    throw new AppError('FORBIDDEN', '只有起草人可以提交审查')
  }
  const before = await loadItemRow(db, input.itemId)
  // Scan outside the transaction (attachments are read from disk); the transaction re-checks the hash.
  const scan = await scanItem(db, dataDir, before)
  return db.transaction().execute(async (trx) => {
    const row = await loadItemRow(trx, input.itemId)
    if (row.status === 'pending_review') {
      throw new AppError('CONFLICT', '该条目已在审查中，无需重复提交')
    }
    if (row.status !== 'draft' && row.status !== 'returned') {
      throw new AppError('CONFLICT', '该条目已审查通过；如需再次审查，请先修改内容')
    }
    if (row.title.trim() === '') throw new AppError('VALIDATION', '请先填写标题再提交审查')
    if (
      input.revision !== row.revision ||
      input.contentHash !== row.content_hash ||
      scan.contentHash !== row.content_hash
    ) {
      throw new AppError('CONFLICT', '内容已变更，请重新检查后再提交', {
        reason: 'content_changed',
      })
    }
    const checklist = await currentChecklist(trx, clock)
    if (input.checklistVersion !== checklist.version) {
      throw new AppError('CONFLICT', '审查清单已更新，请刷新后重新填写自查表')
    }
    const selfCheck = checkAnswers(checklist, input.selfCheck, true)
    const channelOther = input.channels.includes('other')
      ? input.channelOther?.trim() || null
      : null
    // 拟公开方式 其他 is stored with what it is (the record prints 其他（…）), never as a bare 其他.
    if (input.channels.includes('other') && channelOther === null) {
      throw new AppError('VALIDATION', OTHER_CHANNEL_REQUIRED)
    }
    const chain = await currentChain(trx, clock)
    const previous = await trx
      .selectFrom('reviews')
      .select(['round', 'revision'])
      .where('item_id', '=', row.id)
      .orderBy('round', 'desc')
      .limit(1)
      .executeTakeFirst()
    const id = ids()
    const at = clock().toISOString()
    const round = (previous?.round ?? 0) + 1
    await trx
      .insertInto('reviews')
      .values({
        id,
        item_id: row.id,
        round,
        state: 'open',
        referred: 0,
        revision: row.revision,
        content_hash: row.content_hash,
        previous_revision: previous?.revision ?? null,
        checklist_version: checklist.version,
        chain_version: chain.version,
        steps_json: JSON.stringify(chain.steps),
        current_step: 0,
        self_check_json: JSON.stringify(selfCheck),
        carrier: input.carrier,
        channels_json: JSON.stringify([...new Set(input.channels)]),
        channel_other: channelOther,
        findings_json: JSON.stringify(scan.findings),
        counts_json: JSON.stringify(scan.counts),
        article: null,
        submitted_by: actor.id,
        submitted_by_name: actor.displayName,
        submitted_at: at,
        closed_at: null,
      })
      .execute()
    await trx
      .updateTable('items')
      .set({ status: 'pending_review' })
      .where('id', '=', row.id)
      .execute()
    await emitStatusChange(events, trx, { itemId: row.id, before: row.status, actor, clock })
    // The reviewed revision must stay as the reviewer saw it: later edits (masking too) append.
    await freezeRevision(trx, row.id, row.revision)
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'review.submit',
        target: `item:${row.id}`,
        after: { contentHash: row.content_hash },
        detail: {
          round,
          revision: row.revision,
          version: checklist.version,
          from: row.status,
          to: 'pending_review',
          count: scan.findings.length,
          blocker: scan.counts.blocker,
          high: scan.counts.high,
        },
      },
      clock,
    )
    return id
  })
}
