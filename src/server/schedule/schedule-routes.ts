import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { putScheduleTableBodySchema, scheduleYearSchema } from '../../shared/schedule/wire'
import type { ServerDB } from '../db/schema'
import { departmentOf } from '../http/authenticate'
import { parseOrThrow } from '../items/item-schemas'
import { getBreakdown, listBreakdowns } from './breakdown-service'
import { getScheduleTable, putScheduleTable } from './table-service'

/**
 * The schedule endpoints of a department's token (docs/sync-protocol.md §2 「工作配档表」):
 * the district's published breakdowns to pull, and the department's own 工作配档表 to PUT and read
 * back. A department addresses only its own table (the token decides whose).
 */
export function registerScheduleRoutes(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
): void {
  scope.get('/schedule/breakdowns', async (req) => {
    const department = departmentOf(req)
    const list = await listBreakdowns(db)
    return {
      department: { code: department.code, name: department.name },
      breakdowns: list.map((b) => ({
        year: b.year,
        version: b.version,
        title: b.title,
        taskCount: b.taskCount,
        publishedAt: b.publishedAt,
      })),
    }
  })

  scope.get<{ Params: { year: string } }>('/schedule/breakdowns/:year', async (req) => {
    const department = departmentOf(req)
    const year = parseOrThrow(scheduleYearSchema, req.params.year, '年度')
    return getBreakdown(db, year, department)
  })

  scope.put<{ Params: { year: string } }>('/schedule/tables/:year', async (req, reply) => {
    const department = departmentOf(req)
    const year = parseOrThrow(scheduleYearSchema, req.params.year, '年度')
    const body = parseOrThrow(putScheduleTableBodySchema, req.body, '工作配档表')
    const outcome = await putScheduleTable(db, department.id, year, body, clock().toISOString())
    return reply.status(outcome.status).send(outcome.receipt)
  })

  scope.get<{ Params: { year: string } }>('/schedule/tables/:year', async (req) => {
    const department = departmentOf(req)
    const year = parseOrThrow(scheduleYearSchema, req.params.year, '年度')
    return getScheduleTable(db, department.id, year)
  })
}
