import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { RequestEventRowDb, RequestRowDb, RequestsTable } from '../db/tables/requests'
import { AppError } from '../errors'
import type { RequestEventKind } from '../../shared/requests/types'
import type { EventFact } from './rules'

/** Query functions of the request register (kysely, `db` first; no rules here). */

export async function loadRequestRow(db: Kysely<DB>, id: string): Promise<RequestRowDb> {
  const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该申请，可能已被删除')
  return row
}

export async function requestNoExists(db: Kysely<DB>, no: string): Promise<boolean> {
  const row = await db.selectFrom('requests').select('id').where('no', '=', no).executeTakeFirst()
  return row !== undefined
}

export async function listEventRows(
  db: Kysely<DB>,
  requestId: string,
): Promise<RequestEventRowDb[]> {
  return db
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute()
}

export function toFact(
  row: Pick<RequestEventRowDb, 'seq' | 'kind' | 'date' | 'data_json'>,
): EventFact {
  return {
    seq: row.seq,
    kind: row.kind,
    date: row.date,
    data: JSON.parse(row.data_json) as Record<string, unknown>,
  }
}

export interface NewEventRow {
  id: string
  requestId: string
  kind: RequestEventKind
  date: string
  data: Record<string, unknown>
  byId: string | null
  byName: string | null
  at: string
}

/** Appends an event with the next sequence number of its request. */
export async function insertEvent(db: Kysely<DB>, e: NewEventRow): Promise<void> {
  const last = await db
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', e.requestId)
    .executeTakeFirst()
  await db
    .insertInto('request_events')
    .values({
      id: e.id,
      request_id: e.requestId,
      seq: (last?.seq ?? 0) + 1,
      kind: e.kind,
      date: e.date,
      data_json: JSON.stringify(e.data),
      by_id: e.byId,
      by_name: e.byName,
      at: e.at,
    })
    .execute()
}

export type DerivedColumns = Pick<
  RequestsTable,
  | 'status'
  | 'due_date'
  | 'provisional'
  | 'due_json'
  | 'correction_limit'
  | 'answered_date'
  | 'answer_type'
  | 'outcome'
>

export async function updateDerived(
  db: Kysely<DB>,
  id: string,
  derived: DerivedColumns,
  at: string,
): Promise<void> {
  await db
    .updateTable('requests')
    .set({ ...derived, updated_at: at })
    .where('id', '=', id)
    .execute()
}

/** The next number in `year`'s sequence (stored, so numbers are never reused). */
export async function nextSequence(db: Kysely<DB>, year: number): Promise<number> {
  const row = await db
    .insertInto('request_sequences')
    .values({ year, last_seq: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({ last_seq: eb('last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  return row.last_seq
}

export async function readSettingValues(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('request_settings').selectAll().execute()
  return new Map(rows.map((r) => [r.key, r.value]))
}

export async function writeSettingValue(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('request_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** The stored facts of a new request; the derived columns are filled by recomputeRequest. */
export type NewRequestRow = Omit<
  RequestsTable,
  keyof DerivedColumns | 'year' | 'updated_at' | 'submitted_date' | 'receipt_reason'
> &
  Partial<Pick<RequestsTable, 'submitted_date' | 'receipt_reason'>>

/** Inserts a request (status 办理中, no due date yet: call recomputeRequest in the same transaction). */
export async function insertRequestRow(db: Kysely<DB>, r: NewRequestRow): Promise<void> {
  await db
    .insertInto('requests')
    .values({
      submitted_date: null,
      receipt_reason: null,
      ...r,
      year: Number(r.received_date.slice(0, 4)),
      status: 'open',
      due_date: null,
      provisional: 0,
      due_json: '[]',
      correction_limit: null,
      answered_date: null,
      answer_type: null,
      outcome: null,
      updated_at: r.created_at,
    })
    .execute()
}
