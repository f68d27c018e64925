import type { Kysely } from 'kysely'
import type { MovedDeadline } from '../../shared/calendar/types'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { WorkCalendar } from '../deadlines'
import { OPEN_STATUSES } from '../../shared/requests/types'
import { deriveColumns } from './derive'
import { toFact, updateDerived } from './repository'
import type { EventFact } from './rules'

/**
 * Recomputes every open request against `calendar` in one pass (two reads, one update per
 * request whose derived columns changed) and returns the due dates that moved. Run it inside the
 * transaction that changed the calendar, so the change and its consequences commit together.
 */
export async function recomputeOpenRequests(
  db: Kysely<DB>,
  calendar: WorkCalendar,
  clock: Clock,
): Promise<MovedDeadline[]> {
  const rows = await db
    .selectFrom('requests')
    .select([
      'id',
      'no',
      'received_date',
      'status',
      'due_date',
      'provisional',
      'due_json',
      'correction_limit',
    ])
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('no')
    .execute()
  if (rows.length === 0) return []
  const events = new Map<string, EventFact[]>()
  const eventRows = await db
    .selectFrom('request_events')
    .innerJoin('requests', 'requests.id', 'request_events.request_id')
    .select([
      'request_events.request_id',
      'request_events.seq',
      'request_events.kind',
      'request_events.date',
      'request_events.data_json',
    ])
    .where('requests.status', 'in', [...OPEN_STATUSES])
    .orderBy('request_events.request_id')
    .orderBy('request_events.seq')
    .execute()
  for (const e of eventRows) {
    const list = events.get(e.request_id) ?? []
    list.push(toFact(e))
    events.set(e.request_id, list)
  }
  const at = clock().toISOString()
  const moved: MovedDeadline[] = []
  for (const r of rows) {
    const derived = deriveColumns(calendar, {
      receivedDate: r.received_date,
      events: events.get(r.id) ?? [],
    })
    const changed =
      derived.due_date !== r.due_date ||
      derived.provisional !== r.provisional ||
      derived.due_json !== r.due_json ||
      derived.correction_limit !== r.correction_limit ||
      derived.status !== r.status
    if (!changed) continue
    await updateDerived(db, r.id, derived, at)
    if (derived.due_date !== r.due_date || derived.provisional !== r.provisional) {
      moved.push({
        kind: 'request',
        id: r.id,
        label: r.no,
        from: r.due_date,
        to: derived.due_date,
        provisionalBefore: r.provisional === 1,
        provisionalAfter: derived.provisional === 1,
      })
    }
  }
  return moved
}
