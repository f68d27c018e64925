import type { Kysely } from 'kysely'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { loadItemRow } from './items-repo'
import { requireItemEditor } from './permissions'
import { auditActor } from '../accounts/actor'

/**
 * Links a policy and its interpretation (政策解读) both ways. An interpretation explains exactly
 * one policy; a policy may have several interpretations (文字解读, 图解 …). Links are not content:
 * they create no revision and do not void an approval, but they are audited.
 */
export async function linkInterpretation(
  db: Kysely<DB>,
  actor: Actor,
  link: { policyId: string; interpretationId: string },
  clock: Clock,
): Promise<void> {
  requireItemEditor(actor)
  await db.transaction().execute(async (trx) => {
    const policy = await loadItemRow(trx, link.policyId)
    const interpretation = await loadItemRow(trx, link.interpretationId)
    if (policy.kind !== 'policy') {
      throw new AppError('VALIDATION', `「${policy.title}」不是政策文件，只能为政策文件关联解读`)
    }
    if (interpretation.kind !== 'interpretation') {
      throw new AppError(
        'VALIDATION',
        `「${interpretation.title}」不是政策解读，请先把类别改为政策解读`,
      )
    }
    const existing = await trx
      .selectFrom('item_links')
      .select('policy_id')
      .where('interpretation_id', '=', link.interpretationId)
      .executeTakeFirst()
    if (existing?.policy_id === link.policyId) return
    if (existing) {
      const other = await loadItemRow(trx, existing.policy_id)
      throw new AppError(
        'CONFLICT',
        `该解读已关联政策文件「${other.title}」：一篇解读只解读一个政策文件，请先取消原关联`,
      )
    }
    await trx
      .insertInto('item_links')
      .values({ ...toColumns(link), created_at: clock().toISOString() })
      .execute()
    await audit(trx, actor, 'item.link', link, policy.title, clock)
  })
}

/** Removes a policy ↔ interpretation link (audited); NOT_FOUND when there is none. */
export async function unlinkInterpretation(
  db: Kysely<DB>,
  actor: Actor,
  link: { policyId: string; interpretationId: string },
  clock: Clock,
): Promise<void> {
  requireItemEditor(actor)
  await db.transaction().execute(async (trx) => {
    const policy = await loadItemRow(trx, link.policyId)
    const result = await trx
      .deleteFrom('item_links')
      .where('policy_id', '=', link.policyId)
      .where('interpretation_id', '=', link.interpretationId)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) {
      throw new AppError('NOT_FOUND', '这两个条目之间没有关联，请刷新后重试')
    }
    await audit(trx, actor, 'item.unlink', link, policy.title, clock)
  })
}

function toColumns(link: { policyId: string; interpretationId: string }) {
  return { policy_id: link.policyId, interpretation_id: link.interpretationId }
}

async function audit(
  trx: Kysely<DB>,
  actor: Actor,
  action: 'item.link' | 'item.unlink',
  link: { policyId: string; interpretationId: string },
  policyTitle: string,
  clock: Clock,
): Promise<void> {
  await appendAudit(
    trx,
    {
      actor: auditActor(actor),
      action,
      target: `item:${link.interpretationId}`,
      detail: { ...link, policyTitle },
    },
    clock,
  )
}
