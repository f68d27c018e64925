import Fastify, {
  type FastifyInstance,
  type FastifyLoggerOptions,
  type FastifyServerOptions,
} from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { isPostgres } from '../db/dialect'
import { DEFAULT_LATE_RULE, type LateRule } from '../overview/overview-service'
import { authenticateHook } from './authenticate'
import { installErrorHandlers } from './error-handler'
import { DEFAULT_RATE_LIMIT, installRateLimit, type RateLimitOptions } from './rate-limit'
import { registerAuditAnchorRoutes } from './routes/audit-anchor-routes'
import { registerChangesRoutes } from './routes/changes-routes'
import { registerDistrictView } from './routes/district-view-routes'
import { registerPublicRoutes } from './routes/health-routes'
import { registerItemRoutes } from './routes/items-routes'
import { registerConsultationPages, registerConsultationRoutes } from '../consultations/routes'
import { registerScheduleRoutes } from '../schedule/schedule-routes'
import { registerCalendarRoutes } from '../calendar/calendar-routes'
import { registerReportRoutes } from '../reports/report-routes'
import { registerUploadRoutes } from '../uploads/routes'
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../uploads/uploads-service'
import {
  capConnectionsPerAddress,
  DEFAULT_TIMEOUTS,
  timeoutOptions,
  type ServerTimeouts,
} from './timeouts'

/** Default largest request body: 20 MB (an item with embedded images can be large). */
export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024

/** Where log lines go: anything with `write(line)` (fastify's own type; pino is not a direct dependency). */
type LogStream = NonNullable<FastifyLoggerOptions['stream']>

/** Everything the server needs; all state lives in `db`, so any number of instances can share it. */
export interface BuildServerOptions {
  db: Kysely<ServerDB>
  clock?: () => Date
  bodyLimit?: number
  /**
   * `false` turns the limiters off (benchmarks, most tests); default 600 requests per minute per
   * token, and per address before authentication (see rate-limit.ts).
   */
  rateLimit?: RateLimitOptions | false
  /** Request, headers, idle and keep-alive timeouts and the per-address socket cap. */
  timeouts?: Partial<ServerTimeouts>
  view?: { password?: string; openWithoutPassword: boolean; lateRule?: LateRule }
  https?: { cert: Buffer | string; key: Buffer | string }
  /** Fastify logger settings; `false` for silence (tests). */
  logger?: { level?: string; stream?: LogStream } | false
  /**
   * Trust X-Forwarded-For only from these load balancers (addresses / CIDRs, proxy-addr syntax)
   * for the per-IP limit and logs; never `true`, which would let any client pick its own address
   * (review finding 8). Default false.
   */
  trustProxy?: TrustProxy
  /** Attachment uploads (protocol v2): file size limit, per-department quota, chunk size. */
  uploads?: Partial<UploadLimits>
}

/** The proxies to believe: addresses / CIDRs (proxy-addr syntax), or none. */
export type TrustProxy = readonly string[] | false

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
  const trustProxy = options.trustProxy ?? false
  if ((trustProxy as unknown) === true || (trustProxy !== false && trustProxy.length === 0))
    throw new TypeError('trustProxy must name the proxies (addresses / CIDRs)')
  const clock = options.clock ?? (() => new Date())
  const logger: FastifyServerOptions['logger'] =
    options.logger === false
      ? false
      : {
          level: options.logger?.level ?? 'info',
          redact: { paths: REDACT_PATHS, censor: '[已隐藏]' },
          ...(options.logger?.stream ? { stream: options.logger.stream } : {}),
        }
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const { http, ...fastifyTimeouts } = timeoutOptions(timeouts)
  const app = Fastify({
    logger,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: trustProxy === false ? false : [...trustProxy],
    ...fastifyTimeouts,
    // The node http options go to http.createServer, or with TLS into https.createServer's.
    ...(options.https ? { https: { ...http, ...options.https } } : { http }),
  }) as unknown as FastifyInstance
  // Behind a proxy every socket comes from the proxy's address: no per-address cap there.
  if (trustProxy === false) capConnectionsPerAddress(app.server, timeouts.connectionsPerAddress)
  if (options.https) {
    // HSTS on every response served over TLS: browsers then refuse plain http to this host.
    app.addHook('onSend', async (_req, reply) => {
      reply.header('strict-transport-security', 'max-age=31536000')
    })
  }
  app.decorateRequest('department', null)
  // The API speaks JSON only; without this, text/plain bodies would reach handlers as strings.
  app.removeContentTypeParser('text/plain')
  installErrorHandlers(app)
  // Before any route scope: the address limit runs ahead of authentication.
  const tokenLimit =
    options.rateLimit === false
      ? null
      : await installRateLimit(
          app,
          options.rateLimit ?? DEFAULT_RATE_LIMIT,
          // PostgreSQL: several instances may share it, so they share the counters too.
          isPostgres(options.db) ? options.db : undefined,
        )

  await app.register(
    async (api) => {
      registerPublicRoutes(api, options.db, clock)
      // Token-protected routes live in their own scope so the hook cannot leak onto public ones.
      await api.register(async (scope) => {
        scope.addHook('onRequest', authenticateHook(options.db, clock))
        if (tokenLimit) scope.addHook('onRequest', tokenLimit)
        registerItemRoutes(scope, options.db, clock)
        registerChangesRoutes(scope, options.db)
        registerAuditAnchorRoutes(scope, options.db, clock)
        registerConsultationRoutes(scope, options.db, clock)
        registerScheduleRoutes(scope, options.db, clock)
        registerCalendarRoutes(scope, options.db, clock)
        registerReportRoutes(scope, options.db, clock)
        registerUploadRoutes(scope, options.db, clock, {
          ...DEFAULT_UPLOAD_LIMITS,
          ...options.uploads,
        })
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
  registerConsultationPages(app, options.db, clock, {
    view: options.view ?? { openWithoutPassword: false },
    // PostgreSQL: the comment limit is shared by the instances, like the API limiter's counters.
    ...(isPostgres(options.db) ? { shared: options.db } : {}),
  })
  return app
}
