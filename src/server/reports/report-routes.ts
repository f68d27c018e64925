import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { putReportBodySchema, reportYearWireSchema } from '../../shared/report/wire'
import type { ServerDB } from '../db/schema'
import { departmentOf } from '../http/authenticate'
import { parseOrThrow } from '../items/item-schemas'
import { getReport, putReport } from './report-service'

/**
 * The annual report endpoints of a department's token: PUT the published report's tables and
 * text for a year (idempotent), GET them back. A department addresses only its own report (the
 * token decides whose).
 */
export function registerReportRoutes(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
): void {
  scope.put<{ Params: { year: string } }>('/reports/:year', async (req, reply) => {
    const department = departmentOf(req)
    const year = parseOrThrow(reportYearWireSchema, req.params.year, '年度')
    const body = parseOrThrow(putReportBodySchema, req.body, '年度报告')
    const outcome = await putReport(db, department.id, year, body, clock().toISOString())
    return reply.status(outcome.status).send(outcome.receipt)
  })

  scope.get<{ Params: { year: string } }>('/reports/:year', async (req) => {
    const department = departmentOf(req)
    const year = parseOrThrow(reportYearWireSchema, req.params.year, '年度')
    return getReport(db, department.id, year)
  })
}
