import rateLimit from '@fastify/rate-limit'
import { isIP } from 'node:net'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bearerToken, hashToken } from '../auth/tokens'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { ApiError } from '../errors'
import { databaseRateLimitStore } from './rate-limit-store'

/**
 * The request limits. Three counters, each over the same fixed window:
 * - per client address, counted BEFORE authentication, on every request but `/health` — so a
 *   client without a valid token (5,000 made-up tokens) gets 429s instead of 5,000 database
 *   lookups and 401s;
 * - per address, failed authentications (401s): after `authFailuresMax` in a window the address
 *   gets only 429s until the window ends (token guessing and misconfigured clients);
 * - per token, after authentication (a department's own budget; several departments may share
 *   one NAT address, hence `addressMax` is larger than `max`).
 */
export interface RateLimitOptions {
  /** Requests per department token in each window. */
  max: number
  timeWindowMs: number
  /** Requests per client address in each window, counted before authentication; default 5 × max. */
  addressMax?: number
  /** Failed authentications (401) per address in each window before it gets only 429; default 30. */
  authFailuresMax?: number
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 }

/** Failed authentications an address may make per window by default. */
export const DEFAULT_AUTH_FAILURES_MAX = 30

/**
 * The per-address counters' key: an IPv4 address (also IPv4-mapped IPv6) as it is, an IPv6
 * address by its /64 — one client (one home or office line) holds a whole /64 and may use any
 * address in it, so counting /128s would give it 2^64 budgets.
 */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (isIP(address) !== 6) return address
  const [head = '', tail = ''] = address.toLowerCase().split('::')
  const groups = (part: string) => (part ? part.split(':') : [])
  const h = groups(head)
  // An embedded IPv4 tail (::1.2.3.4) lies in the interface half: only the first four groups count.
  const t = groups(tail)
  const all = address.includes('::')
    ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t]
    : h
  return `${all
    .slice(0, 4)
    .map((g) => g.padStart(4, '0'))
    .join(':')}::/64`
}

/** The token limiter's key: the token's hash (never the token itself, kept as a map key). */
export function rateLimitKey(req: FastifyRequest): string {
  const token = bearerToken(req.headers.authorization)
  return token ? `t:${hashToken(token)}` : `ip:${addressKey(req.ip)}`
}

/** Distinct keys the in-memory store keeps per counter (an LRU; the oldest are forgotten). */
const STORE_SIZE = 20_000

type Limiter = (
  req: FastifyRequest,
  callOptions?: { increment?: boolean },
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttl?: number; remaining?: number }>

function limited(reply: FastifyReply, ttlMs: number, message: string): ApiError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000))
  reply.header('retry-after', String(seconds))
  return new ApiError('RATE_LIMITED', message.replace('{s}', String(seconds)))
}

const TOO_FAST = '请求过于频繁，请在 {s} 秒后重试；大量条目请使用批量接口。'
const TOO_MANY_FAILURES =
  '该地址的认证失败次数过多，请在 {s} 秒后重试，并核对部门令牌是否正确、是否已过期或被吊销。'

/** Routes that opt out (`config: { rateLimit: false }`): `/health`, for the load balancer. */
function exempt(req: FastifyRequest): boolean {
  return (req.routeOptions.config as { rateLimit?: unknown } | undefined)?.rateLimit === false
}

/**
 * Registers the limiters: the address and failure checks as the app's first `onRequest` hook (so
 * they run before any route scope's authentication hook), the failure count in `onSend`.
 * Returns the per-token hook, which the authenticated scope adds after its authentication hook.
 * The store is in memory for one instance (SQLite); with `shared` (PostgreSQL, DATABASE_URL) the
 * counters live in the database, so instances behind a load balancer enforce one limit together.
 */
export async function installRateLimit(
  app: FastifyInstance,
  options: RateLimitOptions,
  /** Counters in this database (PostgreSQL, several instances), not in this process's memory. */
  shared?: Kysely<ServerDB>,
): Promise<(req: FastifyRequest, reply: FastifyReply) => Promise<void>> {
  await app.register(rateLimit, {
    global: false,
    max: options.max,
    timeWindow: options.timeWindowMs,
    cache: STORE_SIZE,
    ...(shared ? { store: databaseRateLimitStore(shared) } : {}),
  })
  const create = (app as unknown as { createRateLimit: (o: object) => Limiter }).createRateLimit
  const byAddress = create({
    max: options.addressMax ?? options.max * 5,
    keyGenerator: (req: FastifyRequest) => `ip:${addressKey(req.ip)}`,
  })
  const failures = create({
    max: options.authFailuresMax ?? DEFAULT_AUTH_FAILURES_MAX,
    keyGenerator: (req: FastifyRequest) => `fail:${addressKey(req.ip)}`,
  })
  const byToken = create({ max: options.max, keyGenerator: rateLimitKey })

  app.addHook('onRequest', async (req, reply) => {
    if (exempt(req)) return
    const failed = await failures(req, { increment: false })
    // `remaining` reaches 0 once the address has had `authFailuresMax` failures in this window.
    if (!failed.isAllowed && failed.remaining === 0) {
      throw limited(reply, failed.ttl ?? options.timeWindowMs, TOO_MANY_FAILURES)
    }
    const address = await byAddress(req)
    if (address.isExceeded) throw limited(reply, address.ttl ?? options.timeWindowMs, TOO_FAST)
  })
  // Counted before the 401 is written (onSend, not onResponse): with the counters in the database
  // the client cannot send its next guess before this failure is recorded.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 401 && !exempt(req)) await failures(req)
    return payload
  })
  return async (req, reply) => {
    const token = await byToken(req)
    if (token.isExceeded) throw limited(reply, token.ttl ?? options.timeWindowMs, TOO_FAST)
  }
}
