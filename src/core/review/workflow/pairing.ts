import type { Kysely } from 'kysely'
import type { ItemRef } from '../../../shared/items/types'
import type { ApprovalNotice, ReviewPairing } from '../../../shared/review/types'
import type { DB } from '../../db/schema'
import type { ItemRow } from '../../db/tables/drafting'
import { canPublish } from '../../items/publish-rule'
import type { ParsedReview } from './rows'

/**
 * 政策文件 ↔ 政策解读 for each of `itemIds`: an interpretation's policy, a policy's interpretations
 * (item_links), as short references with their status — the queue and the review page show the
 * pair together (同步组织、同步审签、同步部署).
 */
export async function pairingsOf(
  db: Kysely<DB>,
  itemIds: readonly string[],
): Promise<Map<string, ReviewPairing[]>> {
  const out = new Map<string, ReviewPairing[]>()
  if (itemIds.length === 0) return out
  const ids = [...new Set(itemIds)]
  const links = await db
    .selectFrom('item_links')
    .select(['policy_id', 'interpretation_id'])
    .where((eb) => eb.or([eb('policy_id', 'in', ids), eb('interpretation_id', 'in', ids)]))
    .execute()
  const other = [...new Set(links.flatMap((l) => [l.policy_id, l.interpretation_id]))]
  const rows =
    other.length === 0
      ? []
      : await db
          .selectFrom('items')
          .select(['id', 'kind', 'title', 'status', 'doc_number', 'validity'])
          .where('id', 'in', other)
          .execute()
  const refs = new Map<string, ItemRef>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        kind: r.kind,
        title: r.title,
        status: r.status,
        docNumber: r.doc_number,
        validity: r.validity,
      },
    ]),
  )
  const add = (id: string, pairing: ReviewPairing) => {
    if (!ids.includes(id)) return
    const list = out.get(id) ?? []
    list.push(pairing)
    out.set(id, list)
  }
  for (const l of links) {
    const policy = refs.get(l.policy_id)
    const interpretation = refs.get(l.interpretation_id)
    if (policy) add(l.interpretation_id, { relation: 'policy', item: policy })
    if (interpretation) add(l.policy_id, { relation: 'interpretation', item: interpretation })
  }
  return out
}

/**
 * The interpretation rule said before the checklist: for an open review of a 政策解读 whose policy
 * is not approved (or that has none), core's own refusal text (canPublish 'approve', the check
 * `decide` applies at the final step) and whether the current step is the final one.
 */
export async function approvalNoticeOf(
  db: Kysely<DB>,
  item: Pick<ItemRow, 'id' | 'kind'>,
  review: ParsedReview | null,
): Promise<ApprovalNotice | null> {
  if (item.kind !== 'interpretation' || !review || review.row.state !== 'open') return null
  const check = await canPublish(db, item.id, 'approve')
  if (check.ok) return null
  return {
    message: check.reasons.join('；'),
    atFinalStep: (review.row.current_step ?? 0) === review.steps.length - 1,
  }
}
