import type { Kysely } from 'kysely'
import type { ActivityView, ActivityYearFigures, OpinionView } from '../../shared/activities/types'
import type { ActivityChannel, OpinionAdoption } from '../../shared/activities/types'
import { requireRole, type Actor, auditActor } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { OpenActivityRow } from '../db/tables/schedule'
import { AppError } from '../errors'
import type { IdSource } from '../ids'

/**
 * 政府开放活动: the plan (报送表 columns), then what happened, who took part, the opinions received
 * and how each was answered (the plan asks that adoption be made public). Changes need the officer
 * role and are audited; rows carry ids and `updated_at` for a later sync, and are removed softly.
 */

export interface ActivityPlanInput {
  id?: string | undefined
  year: number
  unitName: string
  title: string
  plannedDate: string | null
  plannedTimeText: string
  location: string
  form: string
  channel: ActivityChannel
  content: string
  invitees: string
  inviteeCount: number | null
  signup: string
  contact: string
  phone: string
  note: string
}

export interface ActivityRecordInput {
  id: string
  heldOn: string
  summary: string
  participants: string
  participantCount: number | null
  opinions: { opinion: string; adoption: OpinionAdoption; response: string }[]
}

export async function loadActivityRow(db: Kysely<DB>, id: string): Promise<OpenActivityRow> {
  const row = await db
    .selectFrom('open_activities')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该开放活动，可能已被删除')
  return row
}

/** Views of `rows` with their opinions and the state of the disclosure item made from them. */
async function views(db: Kysely<DB>, rows: OpenActivityRow[]): Promise<ActivityView[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const opinions = await db
    .selectFrom('activity_opinions')
    .selectAll()
    .where('activity_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('seq')
    .execute()
  const itemIds = rows.map((r) => r.item_id).filter((x): x is string => x !== null)
  const items =
    itemIds.length === 0
      ? []
      : await db
          .selectFrom('items')
          .select(['id', 'title', 'status'])
          .where('id', 'in', itemIds)
          .execute()
  const itemById = new Map(items.map((i) => [i.id, i]))
  return rows.map((r) => {
    const item = r.item_id ? (itemById.get(r.item_id) ?? null) : null
    const own: OpinionView[] = opinions
      .filter((o) => o.activity_id === r.id)
      .map((o) => ({ id: o.id, opinion: o.opinion, adoption: o.adoption, response: o.response }))
    return {
      id: r.id,
      year: r.year,
      unitName: r.unit_name,
      title: r.title,
      plannedDate: r.planned_date,
      plannedTimeText: r.planned_time_text,
      location: r.location,
      form: r.form,
      channel: r.channel,
      content: r.content,
      invitees: r.invitees,
      inviteeCount: r.invitee_count,
      signup: r.signup,
      contact: r.contact,
      phone: r.phone,
      note: r.note,
      heldOn: r.held_on,
      summary: r.summary,
      participants: r.participants,
      participantCount: r.participant_count,
      opinions: own,
      state: item?.status === 'synced' ? 'disclosed' : r.held_on ? 'held' : 'planned',
      item: item ? { id: item.id, title: item.title, status: item.status } : null,
      updatedAt: r.updated_at,
    }
  })
}

/** Years that have activities, newest first. */
export async function activityYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('open_activities')
    .select('year')
    .distinct()
    .where('deleted_at', 'is', null)
    .orderBy('year', 'desc')
    .execute()
  return rows.map((r) => r.year)
}

/** The year's activities by planned date (undated last). */
export async function listActivities(db: Kysely<DB>, year: number): Promise<ActivityView[]> {
  const rows = await db
    .selectFrom('open_activities')
    .selectAll()
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .orderBy((eb) => eb.fn.coalesce('planned_date', eb.val('9999')))
    .orderBy('created_at')
    .execute()
  return views(db, rows)
}

export async function getActivity(db: Kysely<DB>, id: string): Promise<ActivityView> {
  const [view] = await views(db, [await loadActivityRow(db, id)])
  if (!view) throw new AppError('NOT_FOUND', '找不到该开放活动')
  return view
}

/** Creates (no id) or updates an activity's plan; returns its id. */
export async function saveActivity(
  db: Kysely<DB>,
  actor: Actor,
  input: ActivityPlanInput,
  clock: Clock,
  ids: IdSource,
): Promise<string> {
  requireRole(actor, 'officer')
  if (input.plannedDate && Number(input.plannedDate.slice(0, 4)) !== input.year) {
    throw new AppError('VALIDATION', `计划时间 ${input.plannedDate} 不在 ${input.year} 年内`)
  }
  const now = clock().toISOString()
  const unitName = input.unitName || ((await getDepartment(db))?.name ?? '')
  const plan = {
    year: input.year,
    unit_name: unitName,
    title: input.title,
    planned_date: input.plannedDate,
    planned_time_text: input.plannedTimeText,
    location: input.location,
    form: input.form,
    channel: input.channel,
    content: input.content,
    invitees: input.invitees,
    invitee_count: input.inviteeCount,
    signup: input.signup,
    contact: input.contact,
    phone: input.phone,
    note: input.note,
  }
  return db.transaction().execute(async (trx) => {
    if (input.id === undefined) {
      const id = ids()
      await trx
        .insertInto('open_activities')
        .values({
          id,
          ...plan,
          held_on: null,
          summary: '',
          participants: '',
          participant_count: null,
          item_id: null,
          created_at: now,
          updated_at: now,
          updated_by_name: actor.displayName,
          deleted_at: null,
        })
        .execute()
      await appendAudit(
        trx,
        {
          actor: auditActor(actor),
          action: 'activity.create',
          target: `activity:${id}`,
          detail: { name: input.title },
        },
        clock,
      )
      return id
    }
    const before = await loadActivityRow(trx, input.id)
    await trx
      .updateTable('open_activities')
      .set({ ...plan, updated_at: now, updated_by_name: actor.displayName })
      .where('id', '=', input.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'activity.update',
        target: `activity:${input.id}`,
        before,
        after: { ...before, ...plan },
        detail: { name: input.title },
      },
      clock,
    )
    return input.id
  })
}

/** Records what happened at the event; the opinions given replace the earlier list. */
export async function recordActivity(
  db: Kysely<DB>,
  actor: Actor,
  input: ActivityRecordInput,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const before = await loadActivityRow(trx, input.id)
    await trx
      .updateTable('open_activities')
      .set({
        held_on: input.heldOn,
        summary: input.summary,
        participants: input.participants,
        participant_count: input.participantCount,
        updated_at: now,
        updated_by_name: actor.displayName,
      })
      .where('id', '=', input.id)
      .execute()
    await trx
      .updateTable('activity_opinions')
      .set({ deleted_at: now, updated_at: now })
      .where('activity_id', '=', input.id)
      .where('deleted_at', 'is', null)
      .execute()
    if (input.opinions.length > 0) {
      await trx
        .insertInto('activity_opinions')
        .values(
          input.opinions.map((o, i) => ({
            id: ids(),
            activity_id: input.id,
            seq: i + 1,
            opinion: o.opinion,
            adoption: o.adoption,
            response: o.response,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })),
        )
        .execute()
    }
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'activity.record',
        target: `activity:${input.id}`,
        detail: { name: before.title, date: input.heldOn, count: input.opinions.length },
      },
      clock,
    )
  })
}

/** Removes an activity (soft, for sync). */
export async function removeActivity(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const row = await loadActivityRow(trx, id)
    await trx
      .updateTable('open_activities')
      .set({ deleted_at: now, updated_at: now, updated_by_name: actor.displayName })
      .where('id', '=', id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'activity.remove',
        target: `activity:${id}`,
        before: row,
        detail: { name: row.title },
      },
      clock,
    )
  })
}

/** The year's figures for the annual report's section 一 (政府开放活动). */
export async function activityYearFigures(
  db: Kysely<DB>,
  year: number,
): Promise<ActivityYearFigures> {
  const list = await listActivities(db, year)
  const held = list.filter((a) => a.heldOn !== null)
  const opinions = held.flatMap((a) => a.opinions)
  return {
    year,
    planned: list.length,
    held: held.length,
    participants: held.reduce((n, a) => n + (a.participantCount ?? 0), 0),
    opinions: opinions.length,
    adopted: opinions.filter((o) => o.adoption === 'adopted').length,
    partlyAdopted: opinions.filter((o) => o.adoption === 'partly').length,
    notAdopted: opinions.filter((o) => o.adoption === 'not_adopted').length,
    disclosed: list.filter((a) => a.state === 'disclosed').length,
  }
}
