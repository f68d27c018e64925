import type { Kysely } from 'kysely'
import type { ItemBrief, QaView } from '../../shared/engagement/types'
import { auditActor, requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { ItemRow } from '../db/tables/drafting'
import type { QaRow } from '../db/tables/engagement'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { loadItemRow } from '../items/items-repo'
import { withInForceContent } from '../items/working-revision'
import { officeToday } from '../requests/office-day'
import { cancelOpenQaRound, openRounds, pendingStepOf, qaContentHash } from './qa-rounds'

/**
 * 政策问答库 (the Q&A base shared with the 12345 hotline): question and answer resting on a policy
 * (and optionally its interpretation). Reviewed like items — submitted by an officer and decided
 * step by step along the department's 保密审查 chain by people who did not write it (qa-review.ts;
 * an edit cancels the open round and returns the entry to 草稿). An answer is only as valid
 * as its policy: when the policy or interpretation is amended, repealed or expired (立改废), or the
 * entry's own 有效期 has passed, the entry is flagged on every read and sync — computed from the
 * items' 有效性, so it can never be stale — and goes to the district as not valid.
 */

/** 有效性 values that flag an answer, as the flag says them. */
const FLAGGED: Record<string, string> = { repealed: '已废止', amended: '已修改', expired: '已失效' }

const brief = (row: ItemRow): ItemBrief & { validity: string } => ({
  id: row.id,
  title: row.title,
  status: row.status,
  revision: row.revision,
  kind: row.kind,
  validity: row.validity,
})

/** Why the entry must be reviewed again, or null while its policy is valid. */
export function qaFlag(
  policy: Pick<ItemRow, 'validity'>,
  interpretation: Pick<ItemRow, 'validity'> | null,
  validTo: string | null,
  today: string,
): string | null {
  const p = FLAGGED[policy.validity]
  if (p) return `所依据的政策${p}（立改废），答复须重新审核`
  const i = interpretation ? FLAGGED[interpretation.validity] : undefined
  if (i) return `所依据的政策解读${i}，答复须重新审核`
  if (validTo !== null && validTo < today) return `已过有效期（${validTo}），答复须重新审核`
  return null
}

/** The entry's flag now, from its policy and interpretation as in force (修订稿: the approved one). */
export async function currentQaFlag(
  db: Kysely<DB>,
  row: QaRow,
  clock: Clock,
): Promise<string | null> {
  const [policy] = await withInForceContent(db, [await loadItemRow(db, row.policy_item_id)])
  const [interpretation = null] = row.interpretation_item_id
    ? await withInForceContent(db, [await loadItemRow(db, row.interpretation_item_id)])
    : []
  return qaFlag(policy!, interpretation, row.valid_to, officeToday(clock))
}

async function toViews(db: Kysely<DB>, rows: QaRow[], clock: Clock): Promise<QaView[]> {
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [r.policy_item_id, r.interpretation_item_id])
        .filter((x): x is string => !!x),
    ),
  ]
  const items =
    ids.length === 0
      ? []
      : await withInForceContent(
          db,
          await db.selectFrom('items').selectAll().where('id', 'in', ids).execute(),
        )
  // 修订稿: the policy as in force (its 有效性 and title), not a working revision's.
  const byId = new Map(items.map((i) => [i.id, i]))
  const today = officeToday(clock)
  const rounds = await openRounds(
    db,
    rows.filter((r) => r.state === 'pending').map((r) => r.id),
  )
  return rows.map((r) => {
    const policy = byId.get(r.policy_item_id)!
    const interpretation = r.interpretation_item_id
      ? (byId.get(r.interpretation_item_id) ?? null)
      : null
    return {
      id: r.id,
      question: r.question,
      answer: r.answer,
      policy: brief(policy),
      interpretation: interpretation ? brief(interpretation) : null,
      keywords: r.keywords,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      state: r.state,
      flag: qaFlag(policy, interpretation, r.valid_to, today),
      authorName: r.author_name,
      reviewedByName: r.reviewed_by_name,
      reviewedAt: r.reviewed_at,
      reviewNote: r.review_note,
      updatedAt: r.updated_at,
      contentHash: qaContentHash(r),
      pendingStep: pendingStepOf(rounds.get(r.id)),
    }
  })
}

export async function listQa(db: Kysely<DB>, clock: Clock): Promise<QaView[]> {
  const rows = await db
    .selectFrom('qa_entries')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .execute()
  return toViews(db, rows, clock)
}

export async function loadQa(db: Kysely<DB>, id: string): Promise<QaRow> {
  const row = await db
    .selectFrom('qa_entries')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该问答，可能已被删除')
  return row
}

export async function getQa(db: Kysely<DB>, id: string, clock: Clock): Promise<QaView> {
  return (await toViews(db, [await loadQa(db, id)], clock))[0]!
}

export interface QaSaveInput {
  id?: string | undefined
  question: string
  answer: string
  policyItemId: string
  interpretationItemId: string | null
  keywords: string
  validFrom: string | null
  validTo: string | null
}

/**
 * Creates or edits an entry; an edit of a submitted or approved entry sends it back to 草稿 (an open
 * review round is cancelled) and makes the editor one of its authors until its next approval.
 */
export async function saveQa(
  db: Kysely<DB>,
  actor: Actor,
  input: QaSaveInput,
  clock: Clock,
  ids: IdSource,
): Promise<string> {
  requireRole(actor, 'officer')
  const policy = await loadItemRow(db, input.policyItemId)
  if (policy.kind !== 'policy') {
    throw new AppError('VALIDATION', '依据政策须选择类别为「政策文件」的条目', {
      field: 'policyItemId',
    })
  }
  if (input.interpretationItemId !== null) {
    const interpretation = await loadItemRow(db, input.interpretationItemId)
    if (interpretation.kind !== 'interpretation') {
      throw new AppError('VALIDATION', '政策解读须选择类别为「政策解读」的条目', {
        field: 'interpretationItemId',
      })
    }
    const link = await db
      .selectFrom('item_links')
      .select('policy_id')
      .where('policy_id', '=', policy.id)
      .where('interpretation_id', '=', interpretation.id)
      .executeTakeFirst()
    if (!link) {
      throw new AppError('VALIDATION', '所选政策解读未关联到该政策，请先在起草中关联解读与政策', {
        field: 'interpretationItemId',
      })
    }
  }
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    throw new AppError('VALIDATION', '有效期止不能早于有效期起', { field: 'validTo' })
  }
  const now = clock().toISOString()
  const fields = {
    question: input.question,
    answer: input.answer,
    policy_item_id: policy.id,
    interpretation_item_id: input.interpretationItemId,
    keywords: input.keywords,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    state: 'draft' as const,
    updated_at: now,
  }
  const id = input.id ?? ids()
  const existing = input.id ? await loadQa(db, input.id) : null
  await db.transaction().execute(async (trx) => {
    if (existing) {
      const editors = JSON.parse(existing.editor_ids_json) as string[]
      await cancelOpenQaRound(trx, actor, id, clock)
      await trx
        .updateTable('qa_entries')
        .set({
          ...fields,
          reviewed_by_name: null,
          reviewed_at: null,
          editor_ids_json: JSON.stringify(
            editors.includes(actor.id) ? editors : [...editors, actor.id],
          ),
        })
        .where('id', '=', id)
        .execute()
    } else {
      await trx
        .insertInto('qa_entries')
        .values({
          id,
          ...fields,
          author_id: actor.id,
          author_name: actor.displayName,
          reviewed_by_name: null,
          reviewed_at: null,
          review_note: '',
          pushed_hash: null,
          created_at: now,
          deleted_at: null,
          editor_ids_json: '[]',
        })
        .execute()
    }
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'qa.save',
        target: `qa:${id}`,
        detail: { name: input.question.slice(0, 50) },
      },
      clock,
    )
  })
  return id
}

export async function removeQa(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  await loadQa(db, id)
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await cancelOpenQaRound(trx, actor, id, clock)
    await trx
      .updateTable('qa_entries')
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .execute()
    await appendAudit(
      trx,
      { actor: auditActor(actor), action: 'qa.remove', target: `qa:${id}`, detail: {} },
      clock,
    )
  })
}
