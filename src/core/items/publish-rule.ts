import type { Kysely } from 'kysely'
import type { ItemStatus } from '../../shared/items/types'
import type { DB } from '../db/schema'
import { loadItemRow } from './items-repo'

export type PublishStage = 'approve' | 'sync'

export type PublishCheck = { ok: true } | { ok: false; reasons: string[] }

/** What the policy must have reached before its interpretation may reach `stage`. */
const POLICY_AT_LEAST: Record<PublishStage, readonly ItemStatus[]> = {
  approve: ['approved', 'synced'],
  sync: ['synced'],
}

/**
 * May this item be approved (stage `approve`) or synced/published (`sync`)? An interpretation
 * (政策解读) is published with its policy and never before it (同步组织、同步审签、同步部署): it
 * needs a linked policy that is already approved (for approval) or synced (for sync) — the review
 * may approve both in one transaction, policy first. Other kinds pass. The review and sync
 * services call this; it states reasons in Chinese.
 */
export async function canPublish(
  db: Kysely<DB>,
  itemId: string,
  stage: PublishStage,
): Promise<PublishCheck> {
  const item = await loadItemRow(db, itemId)
  if (item.kind !== 'interpretation') return { ok: true }
  const link = await db
    .selectFrom('item_links as l')
    .innerJoin('items as p', 'p.id', 'l.policy_id')
    .select(['p.title', 'p.status', 'p.live_status'])
    .where('l.interpretation_id', '=', itemId)
    .executeTakeFirst()
  if (!link) {
    return { ok: false, reasons: ['政策解读须先关联所解读的政策文件，才能审核通过或发布'] }
  }
  // A policy in revision (修订稿) counts by its approved revision, which stays in force.
  const reached =
    POLICY_AT_LEAST[stage].includes(link.status) ||
    (link.live_status !== null && POLICY_AT_LEAST[stage].includes(link.live_status))
  if (!reached) {
    const need = stage === 'approve' ? '审核通过' : '同步发布'
    return {
      ok: false,
      reasons: [`政策解读不能早于政策文件发布：请先${need}政策文件「${link.title}」`],
    }
  }
  return { ok: true }
}
