import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { addressKey } from '../http/rate-limit'
import { databaseRateLimitStore } from '../http/rate-limit-store'

/** Comments one address may send per window by default (a household or office line). */
export const DEFAULT_COMMENT_LIMIT = { max: 10, windowMs: 10 * 60_000 }

/** Addresses remembered at most (the oldest window is forgotten first). */
const MAX_KEYS = 50_000

/** The counter's key prefix in the shared store (apart from the API limiter's `ip:`/`t:` keys). */
const KEY_PREFIX = 'comment:'

/**
 * The comment page's own per-address limit, counted on every submission (accepted or not) in a
 * fixed window from the address's first submission: on top of the server's general per-address
 * request limit, much lower because a comment is a write any passer-by can make. IPv6 addresses
 * count by their /64. `hit` answers the seconds to wait when the address is over the limit.
 */
export interface CommentThrottle {
  hit(ip: string): Promise<number | null>
}

type Limit = { max: number; windowMs: number }

const waitSeconds = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs / 1000))

/** One instance (SQLite): the windows in this process's memory. */
export function memoryCommentThrottle(
  options: Limit = DEFAULT_COMMENT_LIMIT,
  clock: () => Date = () => new Date(),
): CommentThrottle {
  const windows = new Map<string, { count: number; resetAt: number }>()
  return {
    hit(ip) {
      const key = addressKey(ip)
      const now = clock().getTime()
      let w = windows.get(key)
      if (!w || w.resetAt <= now) {
        windows.delete(key)
        if (windows.size >= MAX_KEYS) {
          const oldest = windows.keys().next().value
          if (oldest !== undefined) windows.delete(oldest)
        }
        w = { count: 0, resetAt: now + options.windowMs }
        windows.set(key, w)
      }
      w.count++
      return Promise.resolve(w.count <= options.max ? null : waitSeconds(w.resetAt - now))
    },
  }
}

/**
 * Several instances on one PostgreSQL (DATABASE_URL): the counters in the database, through the
 * same store the API limiter uses (`rate_limit_counters`), so the limit holds across instances.
 */
export function sharedCommentThrottle(
  db: Kysely<ServerDB>,
  options: Limit = DEFAULT_COMMENT_LIMIT,
  clock: () => Date = () => new Date(),
): CommentThrottle {
  const Store = databaseRateLimitStore(db, () => clock().getTime())
  const store = new Store()
  return {
    hit(ip) {
      return new Promise((resolve, reject) => {
        store.incr(
          `${KEY_PREFIX}${addressKey(ip)}`,
          (error, result) => {
            if (error || !result) return reject(error ?? new Error('rate limit store'))
            resolve(result.current <= options.max ? null : waitSeconds(result.ttl))
          },
          options.windowMs,
        )
      })
    },
  }
}
