import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../../db/schema'
import { ApiError, type ApiErrorCode } from '../../errors'
import { putItem, putItems, type IntakeOutcome } from '../../items/intake-service'
import { getItem } from '../../items/item-view'
import {
  batchBodySchema,
  itemIdSchema,
  MAX_BATCH,
  parseOrThrow,
  toIntakeEntry,
  withdrawBodySchema,
  type IntakeEntry,
} from '../../items/item-schemas'
import { withdrawItem } from '../../items/withdraw-service'
import { departmentOf } from '../authenticate'

/** One line of a batch answer, in the order the entries were sent. */
export type BatchResult =
  | {
      index: number
      id: string | null
      status: 200 | 201
      result: 'created' | 'updated' | 'unchanged'
      revision: number
    }
  | {
      index: number
      id: string | null
      status: 400 | 404 | 409 | 422
      error: { code: ApiErrorCode; message: string; details?: unknown }
      revision?: number
    }

/** The answer body for one outcome (PUT) – errors become thrown ApiErrors. */
function outcomeBody(id: string, outcome: IntakeOutcome) {
  if ('code' in outcome) {
    throw new ApiError(
      outcome.code,
      outcome.message,
      outcome.revision === undefined ? undefined : { storedRevision: outcome.revision },
    )
  }
  return { id, result: outcome.result, revision: outcome.revision }
}

/** Turns one outcome into a batch result line. */
function batchLine(index: number, id: string, outcome: IntakeOutcome): BatchResult {
  if ('code' in outcome) {
    return {
      index,
      id,
      status: outcome.status,
      error: { code: outcome.code, message: outcome.message },
      ...(outcome.revision === undefined ? {} : { revision: outcome.revision }),
    }
  }
  return { index, id, status: outcome.status, result: outcome.result, revision: outcome.revision }
}

/** The `id` member of an entry of any shape (entries are not validated yet). */
function idField(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined
}

/** A readable id of a rejected entry, if it has one, for the client to match results by. */
function rawId(entry: unknown): string | null {
  const id = idField(entry)
  return typeof id === 'string' && id.length <= 64 ? id : null
}

/** Item intake routes (department token required; the hook is installed by the caller). */
export function registerItemRoutes(
  app: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
): void {
  app.put<{ Params: { id: string } }>('/items/:id', async (req, reply) => {
    const department = departmentOf(req)
    const entry = await toIntakeEntry(req.params.id, req.body)
    const outcome = await putItem(db, department.id, entry, clock().toISOString())
    const body = outcomeBody(entry.id, outcome)
    return reply.status(outcome.status).send(body)
  })

  app.post('/items/batch', async (req) => {
    const department = departmentOf(req)
    const body = req.body as { items?: unknown } | null
    if (Array.isArray(body?.items) && body.items.length > MAX_BATCH) {
      throw new ApiError(
        'BATCH_TOO_LARGE',
        `每批最多 ${MAX_BATCH} 条，本批 ${body.items.length} 条，请拆分后重试。`,
      )
    }
    const { items } = parseOrThrow(batchBodySchema, body, '批量请求体')
    const results: (BatchResult | undefined)[] = new Array(items.length)
    const valid: { index: number; entry: IntakeEntry }[] = []
    for (const [index, raw] of items.entries()) {
      try {
        valid.push({ index, entry: await toIntakeEntry(idField(raw), raw) })
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        const status = e.statusCode === 422 ? 422 : 400
        results[index] = { index, id: rawId(raw), status, error: e.toBody().error }
      }
    }
    const outcomes = await putItems(
      db,
      department.id,
      valid.map((v) => v.entry),
      clock().toISOString(),
    )
    valid.forEach((v, i) => {
      results[v.index] = batchLine(v.index, v.entry.id, outcomes[i] as IntakeOutcome)
    })
    return { results }
  })

  app.get<{ Params: { id: string } }>('/items/:id', async (req) => {
    const department = departmentOf(req)
    const id = parseOrThrow(itemIdSchema, req.params.id, '条目编号').toLowerCase()
    return getItem(db, department.id, id)
  })

  app.post<{ Params: { id: string } }>('/items/:id/withdraw', async (req) => {
    const department = departmentOf(req)
    const id = parseOrThrow(itemIdSchema, req.params.id, '条目编号').toLowerCase()
    const { reason } = parseOrThrow(withdrawBodySchema, req.body, '撤回请求体')
    return withdrawItem(db, department.id, id, reason, clock().toISOString())
  })
}
