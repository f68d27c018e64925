import type { Insertable, Kysely, Selectable } from 'kysely'
import type {
  Attendee,
  AttendanceView,
  SupervisorView,
  TrainingView,
} from '../../shared/engagement/types'
import { auditActor, requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import type { EventBus } from '../events/bus'
import { getDepartment } from '../accounts/department'
import { chineseDate } from '../documents'
import { saveItem } from '../items/save-item'
import { ATTENDEE_TYPE_LABELS } from '../../shared/engagement/labels'
import { ATTENDEE_TYPES } from '../../shared/engagement/types'
import { escapeText, textParagraphs } from '../html/html-text'
import type { AuditAction } from '../../shared/audit/labels'

/**
 * 政务公开监督员 (the roster), 列席 records (who attended which meeting, what they said, how it was
 * adopted — the plan asks that this be made public) and training records (the plan's duty: at
 * least one specialised training a year). Officers change them; every change is audited; rows are
 * removed softly.
 */

type Table = 'engagement_supervisors' | 'engagement_attendance' | 'engagement_trainings'

/** Per kind of record: its name in messages, its audit target prefix and actions. */
const RECORD: Record<
  Table,
  { label: string; target: string; save: AuditAction; remove: AuditAction }
> = {
  engagement_supervisors: {
    label: '监督员',
    target: 'supervisor',
    save: 'supervisor.save',
    remove: 'supervisors.remove',
  },
  engagement_attendance: {
    label: '列席记录',
    target: 'attendance',
    save: 'attendance.save',
    remove: 'attendance.remove',
  },
  engagement_trainings: {
    label: '培训记录',
    target: 'training',
    save: 'training.save',
    remove: 'trainings.remove',
  },
}

/** The columns every record table has besides what its form sets. */
interface RecordColumns {
  id: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** What a record's form sets: its row without the id and the times. */
type RecordFields<T extends Table> = Omit<Insertable<DB[T]>, keyof RecordColumns>

async function exists(db: Kysely<DB>, table: Table, id: string): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `找不到该${RECORD[table].label}，可能已被删除`)
}

async function audited(
  db: Kysely<DB>,
  actor: Actor,
  action: AuditAction,
  target: string,
  detail: Record<string, unknown>,
  clock: Clock,
  body: (trx: Kysely<DB>) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await body(trx)
    await appendAudit(trx, { actor: auditActor(actor), action, target, detail }, clock)
  })
}

/**
 * Saves a record as an officer: with `id`, the existing (not removed) row is updated; without, a
 * new row is inserted with `onInsert` (what is fixed at creation, e.g. who created it). Audited as
 * the kind's save action with the record's `name`, in the same transaction. Returns the id.
 */
async function saveRecord<T extends Table, K extends keyof RecordFields<T> = never>(
  db: Kysely<DB>,
  actor: Actor,
  table: T,
  input: {
    id: string | undefined
    name: string
    fields: Omit<RecordFields<T>, K>
    onInsert?: Pick<RecordFields<T>, K>
  },
  clock: Clock,
  ids: IdSource,
): Promise<string> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  const id = input.id ?? ids()
  if (input.id) await exists(db, table, input.id)
  const record = RECORD[table]
  const name: string = table
  const fields = { ...input.fields, updated_at: now }
  await audited(
    db,
    actor,
    record.save,
    `${record.target}:${id}`,
    { name: input.name },
    clock,
    async (trx) => {
      const loose = trx as unknown as Kysely<Record<string, RecordColumns>>
      if (input.id) {
        await loose.updateTable(name).set(fields).where('id', '=', id).execute()
      } else {
        await loose
          .insertInto(name)
          .values({ id, ...fields, ...input.onInsert, created_at: now, deleted_at: null })
          .execute()
      }
    },
  )
  return id
}

export async function listSupervisors(db: Kysely<DB>): Promise<SupervisorView[]> {
  const rows = await db
    .selectFrom('engagement_supervisors')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    appointedOn: r.appointed_on,
    note: r.note,
  }))
}

export async function saveSupervisor(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    id?: string | undefined
    name: string
    organisation: string
    appointedOn: string | null
    note: string
  },
  clock: Clock,
  ids: IdSource,
): Promise<SupervisorView> {
  const id = await saveRecord(
    db,
    actor,
    'engagement_supervisors',
    {
      id: input.id,
      name: input.name,
      fields: {
        name: input.name,
        organisation: input.organisation,
        appointed_on: input.appointedOn,
        note: input.note,
      },
    },
    clock,
    ids,
  )
  return (await listSupervisors(db)).find((s) => s.id === id)!
}

export async function removeRecord(
  db: Kysely<DB>,
  actor: Actor,
  table: Table,
  id: string,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  await exists(db, table, id)
  const now = clock().toISOString()
  await audited(db, actor, RECORD[table].remove, `${table}:${id}`, {}, clock, async (trx) => {
    await trx
      .updateTable(table)
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .execute()
  })
}

/** The records of a calendar year held on (not removed), the latest first. */
async function rowsOfYear<T extends 'engagement_attendance' | 'engagement_trainings'>(
  db: Kysely<DB>,
  table: T,
  year: number,
): Promise<Selectable<DB[T]>[]> {
  const loose = db as unknown as Kysely<
    Record<string, { held_on: string; deleted_at: string | null }>
  >
  const rows = await loose
    .selectFrom(table as string)
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .orderBy('held_on', 'desc')
    .execute()
  return rows as unknown as Selectable<DB[T]>[]
}

export async function listAttendance(db: Kysely<DB>, year: number): Promise<AttendanceView[]> {
  const rows = await rowsOfYear(db, 'engagement_attendance', year)
  return rows.map((r) => ({
    id: r.id,
    meeting: r.meeting,
    heldOn: r.held_on,
    attendees: JSON.parse(r.attendees_json) as Attendee[],
    opinions: r.opinions,
    handling: r.handling,
    createdByName: r.created_by_name,
  }))
}

export async function saveAttendance(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    id?: string | undefined
    meeting: string
    heldOn: string
    attendees: Attendee[]
    opinions: string
    handling: string
  },
  clock: Clock,
  ids: IdSource,
): Promise<AttendanceView> {
  const id = await saveRecord<'engagement_attendance', 'created_by_name'>(
    db,
    actor,
    'engagement_attendance',
    {
      id: input.id,
      name: input.meeting,
      fields: {
        meeting: input.meeting,
        held_on: input.heldOn,
        attendees_json: JSON.stringify(input.attendees),
        opinions: input.opinions,
        handling: input.handling,
      },
      onInsert: { created_by_name: actor.displayName },
    },
    clock,
    ids,
  )
  return (await listAttendance(db, Number(input.heldOn.slice(0, 4)))).find((a) => a.id === id)!
}

export async function listTrainings(db: Kysely<DB>, year: number): Promise<TrainingView[]> {
  const rows = await rowsOfYear(db, 'engagement_trainings', year)
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    topic: r.topic,
    organiser: r.organiser,
    participantCount: r.participant_count,
    participantRoles: r.participant_roles,
    hours: r.hours,
    materials: r.materials,
  }))
}

export async function saveTraining(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    id?: string | undefined
    heldOn: string
    topic: string
    organiser: string
    participantCount: number
    participantRoles: string
    hours: number
    materials: string
  },
  clock: Clock,
  ids: IdSource,
): Promise<TrainingView> {
  const id = await saveRecord(
    db,
    actor,
    'engagement_trainings',
    {
      id: input.id,
      name: input.topic,
      fields: {
        held_on: input.heldOn,
        topic: input.topic,
        organiser: input.organiser,
        participant_count: input.participantCount,
        participant_roles: input.participantRoles,
        hours: input.hours,
        materials: input.materials,
      },
    },
    clock,
    ids,
  )
  return (await listTrainings(db, Number(input.heldOn.slice(0, 4)))).find((t) => t.id === id)!
}

/**
 * A disclosure draft (工作动态) from a 列席 record: the plan asks that what those attending said and
 * how it was adopted be made public. Made through the items service, so it is an ordinary draft
 * that passes 保密审查 (attendees are named as the officer typed them; the reviewer decides).
 * Returns the item id.
 */
export async function createAttendanceDraft(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  requireRole(actor, 'officer')
  await exists(db, 'engagement_attendance', id)
  const row = await db
    .selectFrom('engagement_attendance')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const attendees = JSON.parse(row.attendees_json) as Attendee[]
  const department = (await getDepartment(db))?.name ?? ''
  const byType = ATTENDEE_TYPES.map((t) => ({
    label: ATTENDEE_TYPE_LABELS[t],
    names: attendees.filter((a) => a.type === t).map((a) => a.name),
  })).filter((g) => g.names.length > 0)
  const when = chineseDate(row.held_on) ?? row.held_on
  const body = [
    `<p>${escapeText(`${when}，${department}召开${row.meeting}，邀请${byType.map((g) => `${g.label}${g.names.length}名`).join('、')}列席会议。`)}</p>`,
    '<h2>列席人员</h2>',
    `<p>${escapeText(byType.map((g) => `${g.label}：${g.names.join('、')}`).join('；'))}</p>`,
    '<h2>列席人员意见建议</h2>',
    row.opinions.trim() ? textParagraphs(row.opinions) : '<p>列席人员未提出意见建议。</p>',
    '<h2>采纳情况</h2>',
    row.handling.trim() ? textParagraphs(row.handling) : '<p>（待补充）</p>',
  ].join('')
  const itemId = await saveItem(
    db,
    actor,
    {
      kind: 'news',
      title: `${row.meeting}邀请利益相关方和公众代表列席情况`,
      bodyHtml: body,
      issuer: department,
      docNumber: '',
      signedDate: row.held_on,
      plannedPublishDate: null,
      topicId: null,
      genreId: null,
      catalogueEntryId: null,
    },
    'save',
    clock,
    ids,
    events,
  )
  await appendAudit(
    db,
    {
      actor: auditActor(actor),
      action: 'attendance.draft',
      target: `attendance:${id}`,
      detail: { name: row.meeting, item: itemId },
    },
    clock,
  )
  return itemId
}
