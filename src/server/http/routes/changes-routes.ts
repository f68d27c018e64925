import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { listChanges } from '../../changes/changes-service'
import type { ServerDB } from '../../db/schema'
import { changesQuerySchema, parseOrThrow } from '../../items/item-schemas'
import { departmentOf } from '../authenticate'

/** `GET /changes`: the district's actions on this department's items since a cursor. */
export function registerChangesRoutes(app: FastifyInstance, db: Kysely<ServerDB>): void {
  app.get('/changes', async (req) => {
    const department = departmentOf(req)
    const query = parseOrThrow(changesQuerySchema, req.query, '查询参数')
    return listChanges(db, department.id, query.cursor, query.limit)
  })
}
