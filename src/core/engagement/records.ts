import type { Kysely } from 'kysely'
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
import { escapeText, textParagraphs } from './notice'
import type { AuditAction } from '../../shared/audit/labels'

/**
 * 政务公开监督员 (the roster), 列席 records (who attended which meeting, what they said, how it was
 * adopted — the plan asks that this be made public) and training records (the plan's duty: at
 * least one specialised training a year). Officers change them; every change is audited; rows are
 * removed softly.
 */

type Table = 'engagement_supervisors' | 'engagement_attendance' | 'engagement_trainings'

const LABEL: Record<Table, string> = {
  engagement_supervisors: '监督员',
  engagement_attendance: '列席记录',
  engagement_trainings: '培训记录',
}

async function exists(db: Kysely<DB>, table: Table, id: string): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `找不到该${LABEL[table]}，可能已被删除`)
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
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  const fields = {
    name: input.name,
    organisation: input.organisation,
    appointed_on: input.appointedOn,
    note: input.note,
    updated_at: now,
  }
  const id = input.id ?? ids()
  if (input.id) await exists(db, 'engagement_supervisors', input.id)
  await audited(
    db,
    actor,
    'supervisor.save',
    `supervisor:${id}`,
    { name: input.name },
    clock,
    async (trx) => {
      if (input.id) {
        await trx.updateTable('engagement_supervisors').set(fields).where('id', '=', id).execute()
      } else {
        await trx
          .insertInto('engagement_supervisors')
          .values({ id, ...fields, created_at: now, deleted_at: null })
          .execute()
      }
    },
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
  await audited(
    db,
    actor,
    table === 'engagement_attendance'
      ? 'attendance.remove'
      : table === 'engagement_trainings'
        ? 'trainings.remove'
        : 'supervisors.remove',
    `${table}:${id}`,
    {},
    clock,
    async (trx) => {
      await trx
        .updateTable(table)
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', id)
        .execute()
    },
  )
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const

export async function listAttendance(db: Kysely<DB>, year: number): Promise<AttendanceView[]> {
  const [from, to] = yearRange(year)
  const rows = await db
    .selectFrom('engagement_attendance')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .orderBy('held_on', 'desc')
    .execute()
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
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  const id = input.id ?? ids()
  if (input.id) await exists(db, 'engagement_attendance', input.id)
  const fields = {
    meeting: input.meeting,
    held_on: input.heldOn,
    attendees_json: JSON.stringify(input.attendees),
    opinions: input.opinions,
    handling: input.handling,
    updated_at: now,
  }
  await audited(
    db,
    actor,
    'attendance.save',
    `attendance:${id}`,
    { name: input.meeting },
    clock,
    async (trx) => {
      if (input.id) {
        await trx.updateTable('engagement_attendance').set(fields).where('id', '=', id).execute()
      } else {
        await trx
          .insertInto('engagement_attendance')
          .values({
            id,
            ...fields,
            created_at: now,
            created_by_name: actor.displayName,
            deleted_at: null,
          })
          .execute()
      }
    },
  )
  return (await listAttendance(db, Number(input.heldOn.slice(0, 4)))).find((a) => a.id === id)!
}

export async function listTrainings(db: Kysely<DB>, year: number): Promise<TrainingView[]> {
  const [from, to] = yearRange(year)
  const rows = await db
    .selectFrom('engagement_trainings')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .orderBy('held_on', 'desc')
    .execute()
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
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  const id = input.id ?? ids()
  if (input.id) await exists(db, 'engagement_trainings', input.id)
  const fields = {
    held_on: input.heldOn,
    topic: input.topic,
    organiser: input.organiser,
    participant_count: input.participantCount,
    participant_roles: input.participantRoles,
    hours: input.hours,
    materials: input.materials,
    updated_at: now,
  }
  await audited(
    db,
    actor,
    'training.save',
    `training:${id}`,
    { name: input.topic },
    clock,
    async (trx) => {
      if (input.id) {
        await trx.updateTable('engagement_trainings').set(fields).where('id', '=', id).execute()
      } else {
        await trx
          .insertInto('engagement_trainings')
          .values({ id, ...fields, created_at: now, deleted_at: null })
          .execute()
      }
    },
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
