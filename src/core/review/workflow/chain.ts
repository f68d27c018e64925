import type { Kysely } from 'kysely'
import type { ReviewChain, ReviewChainStep } from '../../../shared/review/types'
import { requireRole, type Actor, auditActor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import { DEFAULT_CHAIN } from './defaults'
import { newestOrSeed } from './versioned'

/** The configured chain of steps (the newest version; the built-in two steps on first use). */
export async function currentChain(db: Kysely<DB>, clock: Clock): Promise<ReviewChain> {
  const row = await newestOrSeed(
    () =>
      db
        .selectFrom('review_chains')
        .selectAll()
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
    () =>
      db
        .insertInto('review_chains')
        .values({
          version: 1,
          steps_json: JSON.stringify(DEFAULT_CHAIN),
          created_at: clock().toISOString(),
          created_by: null,
          created_by_name: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute(),
    'review chain',
  )
  return {
    version: row.version,
    steps: JSON.parse(row.steps_json) as ReviewChainStep[],
    updatedAt: row.created_at,
    updatedByName: row.created_by_name,
  }
}

/**
 * Administrators: replaces the chain with `steps` as a new version. Open reviews keep the chain
 * they were submitted under; new submissions use this one.
 */
export async function updateChain(
  db: Kysely<DB>,
  actor: Actor,
  steps: readonly ReviewChainStep[],
  clock: Clock,
): Promise<ReviewChain> {
  requireRole(actor, 'admin')
  return db.transaction().execute(async (trx) => {
    const current = await currentChain(trx, clock)
    const next = steps.map((s) => ({ name: s.name.trim(), role: s.role }))
    await trx
      .insertInto('review_chains')
      .values({
        version: current.version + 1,
        steps_json: JSON.stringify(next),
        created_at: clock().toISOString(),
        created_by: actor.id,
        created_by_name: actor.displayName,
      })
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'review.chain_update',
        target: 'review_chain',
        before: current.steps,
        after: next,
        detail: {
          from: current.version,
          to: current.version + 1,
          steps: next.map((s) => s.name).join(' → '),
        },
      },
      clock,
    )
    return currentChain(trx, clock)
  })
}
