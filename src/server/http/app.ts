import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Kysely } from 'kysely'
import type { DestinationStream } from 'pino'
import type { ServerDB } from '../db/schema'
import { DEFAULT_LATE_RULE, type LateRule } from '../overview/overview-service'
import { authenticateHook } from './authenticate'
import { installErrorHandlers } from './error-handler'
import { DEFAULT_RATE_LIMIT, installRateLimit, type RateLimitOptions } from './rate-limit'
import { registerChangesRoutes } from './routes/changes-routes'
import { registerDistrictView } from './routes/district-view-routes'
import { registerPublicRoutes } from './routes/health-routes'
import { registerItemRoutes } from './routes/items-routes'

/** Default largest request body: 20 MB (an item with embedded images can be large). */
export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024

/** Everything the server needs; all state lives in `db`, so any number of instances can share it. */
export interface BuildServerOptions {
  db: Kysely<ServerDB>
  clock?: () => Date
  bodyLimit?: number
  /** `false` turns the limiter off (benchmarks); default 600 requests per minute per token. */
  rateLimit?: RateLimitOptions | false
  view?: { password?: string; openWithoutPassword: boolean; lateRule?: LateRule }
  https?: { cert: Buffer | string; key: Buffer | string }
  /** Fastify logger settings; `false` for silence (tests). */
  logger?: { level?: string; stream?: DestinationStream } | false
  /** Trust X-Forwarded-For from a load balancer in front (for the per-IP limit and logs). */
  trustProxy?: boolean
}

/**
 * Log redaction: the bearer token (and Basic credentials of the district page) must never reach a
 * log. Fastify's default request serializer omits headers, so this guards custom logging too.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'request.headers.authorization',
]

/** Builds (but does not start) the central server. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date())
  const logger: FastifyServerOptions['logger'] =
    options.logger === false
      ? false
      : {
          level: options.logger?.level ?? 'info',
          redact: { paths: REDACT_PATHS, censor: '[已隐藏]' },
          ...(options.logger?.stream ? { stream: options.logger.stream } : {}),
        }
  const app = Fastify({
    logger,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance
  app.decorateRequest('department', null)
  // The API speaks JSON only; without this, text/plain bodies would reach handlers as strings.
  app.removeContentTypeParser('text/plain')
  installErrorHandlers(app)
  if (options.rateLimit !== false)
    await installRateLimit(app, options.rateLimit ?? DEFAULT_RATE_LIMIT)

  await app.register(
    async (api) => {
      registerPublicRoutes(api, options.db, clock)
      // Token-protected routes live in their own scope so the hook cannot leak onto public ones.
      await api.register(async (scope) => {
        scope.addHook('onRequest', authenticateHook(options.db))
        registerItemRoutes(scope, options.db, clock)
        registerChangesRoutes(scope, options.db)
        // Schedule tables, activity plans and annual reports get their own route files here.
      })
    },
    { prefix: '/api/v1' },
  )
  registerDistrictView(app, options.db, clock, {
    openWithoutPassword: options.view?.openWithoutPassword ?? false,
    lateRule: options.view?.lateRule ?? DEFAULT_LATE_RULE,
    ...(options.view?.password ? { password: options.view.password } : {}),
  })
  return app
}
