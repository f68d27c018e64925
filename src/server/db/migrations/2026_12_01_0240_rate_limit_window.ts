import type { Kysely } from 'kysely'

/**
 * Each rate-limit counter keeps the length of its own window (ms), so one store can hold
 * counters of different windows — the API limiter's minute and the public comment page's ten
 * minutes (issue 14) — and the sweep of ended windows never deletes a counter still running.
 * Rows from before have 0: their windows count as ended at the next sweep (one fresh window).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('rate_limit_counters')
    .addColumn('window_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
}
