import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { auditAnchorBodySchema, auditAnchorsQuerySchema } from '../../../shared/sync/wire'
import { listAnchors, putAnchor } from '../../changes/audit-anchors-service'
import type { ServerDB } from '../../db/schema'
import { parseOrThrow } from '../../items/item-schemas'
import { departmentOf } from '../authenticate'

/** `PUT /audit-anchors` and `GET /audit-anchors`: the desk's audit-chain heads (token required). */
export function registerAuditAnchorRoutes(
  app: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
): void {
  app.put('/audit-anchors', async (req, reply) => {
    const department = departmentOf(req)
    const body = parseOrThrow(auditAnchorBodySchema, req.body, '审计锚点')
    const outcome = await putAnchor(db, department.id, body, clock().toISOString())
    return reply.status(outcome.status).send(outcome.anchor)
  })

  app.get('/audit-anchors', async (req) => {
    const department = departmentOf(req)
    const query = parseOrThrow(auditAnchorsQuerySchema, req.query, '查询参数')
    return listAnchors(db, department.id, query.after, query.limit)
  })
}
