import { sql, type Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'

/** What @fastify/rate-limit hands a store's callbacks. */
type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void

/** Deletes rows of windows long gone about once per this many increments. */
const SWEEP_EVERY = 500

/**
 * A @fastify/rate-limit store (its `store` option: `incr`, `read`, `child`) keeping the counters
 * in the server database (`rate_limit_counters`, migration 0211), so several instances behind a
 * load balancer enforce ONE limit. Fixed windows from each key's first request, as the in-memory
 * store counts; one atomic upsert per counted request.
 */
export function databaseRateLimitStore(db: Kysely<ServerDB>, now: () => number = Date.now) {
  let increments = 0

  async function incr(key: string, timeWindow: number) {
    const at = now()
    // A window starts with a key's first request (as the in-memory store does) and lasts
    // `timeWindow`; a request after it starts the next one.
    const result = await sql<{ count: number | string; window_start: number | string }>`
      insert into rate_limit_counters (key, window_start, count, window_ms)
        values (${key}, ${at}, 1, ${timeWindow})
      on conflict (key) do update set
        window_ms = excluded.window_ms,
        count = case when rate_limit_counters.window_start + ${timeWindow} > ${at}
          then rate_limit_counters.count + 1 else 1 end,
        window_start = case when rate_limit_counters.window_start + ${timeWindow} > ${at}
          then rate_limit_counters.window_start else excluded.window_start end
      returning count, window_start`.execute(db)
    const row = result.rows[0]!
    if (++increments % SWEEP_EVERY === 0) {
      // Each row by its own window: counters of a longer window (the comment page's) stay.
      await db
        .deleteFrom('rate_limit_counters')
        .where(sql<number>`window_start + window_ms`, '<', at)
        .execute()
    }
    return { current: Number(row.count), ttl: Number(row.window_start) + timeWindow - at }
  }

  async function read(key: string, timeWindow: number) {
    const at = now()
    const row = await db
      .selectFrom('rate_limit_counters')
      .select(['count', 'window_start'])
      .where('key', '=', key)
      .executeTakeFirst()
    const end = row ? Number(row.window_start) + timeWindow : 0
    if (!row || end <= at) return { current: 0, ttl: 0 }
    return { current: row.count, ttl: end - at }
  }

  class DatabaseStore {
    incr(key: string, cb: StoreCallback, timeWindow: number): void {
      incr(key, timeWindow).then(
        (r) => cb(null, r),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      )
    }

    read(key: string, cb: StoreCallback, timeWindow: number): void {
      read(key, timeWindow).then(
        (r) => cb(null, r),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      )
    }

    child(): DatabaseStore {
      return new DatabaseStore()
    }
  }
  return DatabaseStore
}
