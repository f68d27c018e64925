import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { listDistrictCalendar } from './calendar-service'

/** `GET /api/v1/calendar`: the holiday calendar the district published (token required). */
export function registerCalendarRoutes(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  _clock: () => Date,
): void {
  scope.get('/calendar', async () => ({ years: await listDistrictCalendar(db) }))
}
