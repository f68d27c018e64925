import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bearerToken, hashToken } from '../auth/tokens'
import { ApiError } from '../errors'

/** Requests allowed per token (or per IP without a token) in each window. */
export interface RateLimitOptions {
  max: number
  timeWindowMs: number
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 }

/**
 * The limiter's key: the token's hash (never the token itself, which would then sit in memory
 * as a map key), or the client IP for requests without one.
 */
export function rateLimitKey(req: FastifyRequest): string {
  const token = bearerToken(req.headers.authorization)
  return token ? `t:${hashToken(token)}` : `ip:${req.ip}`
}

/**
 * Registers @fastify/rate-limit. Its store is in memory, so with several instances behind a load
 * balancer each instance counts separately (documented in docs/sync-protocol.md).
 */
export async function installRateLimit(
  app: FastifyInstance,
  options: RateLimitOptions,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.timeWindowMs,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_req, context) =>
      new ApiError(
        'RATE_LIMITED',
        `请求过于频繁，请在 ${Math.ceil(context.ttl / 1000)} 秒后重试；大量条目请使用批量接口。`,
      ),
  })
}
