import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import { SYNC_PROTOCOL_VERSION } from '../../../shared/sync/wire'
import type { ServerDB } from '../../db/schema'
import { ApiError } from '../../errors'
import { SERVER_CAPABILITIES } from '../capabilities'
import { buildOpenApiDocument } from '../openapi'

/**
 * The routes that need no token: health (for the load balancer, so it also checks the database;
 * it tells the protocol revision and the server's capabilities) and the OpenAPI document. Health is exempt from the rate limit.
 */
export function registerPublicRoutes(
  app: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
): void {
  app.get('/health', { config: { rateLimit: false } }, async () => {
    try {
      await sql`select 1`.execute(db)
    } catch {
      throw new ApiError('UNAVAILABLE', '数据库暂时不可用，请稍后重试。')
    }
    return {
      status: 'ok',
      time: clock().toISOString(),
      protocol: SYNC_PROTOCOL_VERSION,
      capabilities: SERVER_CAPABILITIES,
    }
  })

  const document = buildOpenApiDocument()
  app.get('/openapi.json', async () => document)
}
