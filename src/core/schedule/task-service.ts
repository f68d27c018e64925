import type { Kysely } from 'kysely'
import { requireRole, type Actor, auditActor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { ScheduleTasksTable } from '../db/tables/schedule'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { namesDepartment } from './unit-match'
import { getDepartment } from '../accounts/department'
import { loadTaskRow } from './repository'
import type { AuditAction } from '../../shared/audit/labels'

/**
 * Changes to the department's side of the 配档表. Every change needs the officer role, bumps the
 * task's `updated_at` (a later sync carries it) and is audited in the same transaction.
 */

/** Writes `set` to the task (nothing: marks it changed) with who changed it and when. */
async function touch(
  db: Kysely<DB>,
  taskId: string,
  actor: Actor,
  now: string,
  set: Partial<ScheduleTasksTable> = {},
): Promise<void> {
  await db
    .updateTable('schedule_tasks')
    .set({ ...set, updated_at: now, updated_by_name: actor.displayName })
    .where('id', '=', taskId)
    .execute()
}

async function audit(
  db: Kysely<DB>,
  actor: Actor,
  action: AuditAction,
  taskId: string,
  clock: Clock,
  detail?: Record<string, unknown>,
  before?: unknown,
  after?: unknown,
): Promise<void> {
  await appendAudit(
    db,
    {
      actor: auditActor(actor),
      action,
      target: `schedule_task:${taskId}`,
      ...(detail ? { detail } : {}),
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    },
    clock,
  )
}

export interface TaskCreateInput {
  year: number
  number: string
  category: string
  requirement: string
  leadUnit: string
  districtDeadline: string
}

/** Adds a task by hand (one the district's table lacks), after the year's last task. */
export async function createTask(
  db: Kysely<DB>,
  actor: Actor,
  input: TaskCreateInput,
  clock: Clock,
  ids: IdSource,
): Promise<string> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  const department = (await getDepartment(db))?.name ?? ''
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('schedule_tasks')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('year', '=', input.year)
      .executeTakeFirst()
    const id = ids()
    await trx
      .insertInto('schedule_tasks')
      .values({
        id,
        year: input.year,
        seq: (last?.seq ?? 0) + 1,
        section: '',
        number: input.number,
        category: input.category,
        requirement: input.requirement,
        lead_unit: input.leadUnit,
        lead_leader: '',
        district_deadline: input.districtDeadline,
        own_auto: input.leadUnit === '' || namesDepartment(input.leadUnit, department) ? 1 : 0,
        own_manual: null,
        source: 'manual',
        disclosure_content: '',
        section_office: '',
        owner: '',
        deadline_text: null,
        completion: '',
        completed_on: null,
        note: '',
        deleted_at: null,
        created_at: now,
        updated_at: now,
        updated_by_name: actor.displayName,
      })
      .execute()
    await ensureYear(trx, input.year, now)
    await audit(trx, actor, 'schedule.task_create', id, clock, { year: input.year })
    return id
  })
}

/** The year's table row exists (a year may start with tasks added by hand). */
export async function ensureYear(db: Kysely<DB>, year: number, now: string): Promise<void> {
  await db
    .insertInto('schedule_years')
    .values({ year, title: `${year}年政务公开工作配档表`, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute()
}

/** Column → the field name the audit page labels (SCHEDULE_AUDIT_DETAIL_LABELS). */
const DETAIL_KEYS: Partial<Record<keyof ScheduleTasksTable, string>> = {
  disclosure_content: 'disclosureContent',
  section_office: 'sectionOffice',
  owner: 'owner',
  deadline_text: 'deadlineText',
  note: 'note',
  own_manual: 'ownManual',
}

export interface TaskUpdateInput {
  id: string
  disclosureContent?: string | undefined
  sectionOffice?: string | undefined
  owner?: string | undefined
  deadlineText?: string | null | undefined
  note?: string | undefined
  ownManual?: boolean | null | undefined
}

/** Saves the department's fields of a task; omitted fields stay as they are. */
export async function updateTask(
  db: Kysely<DB>,
  actor: Actor,
  input: TaskUpdateInput,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const before = await loadTaskRow(trx, input.id)
    const set: Partial<ScheduleTasksTable> = {}
    if (input.disclosureContent !== undefined) set.disclosure_content = input.disclosureContent
    if (input.sectionOffice !== undefined) set.section_office = input.sectionOffice
    if (input.owner !== undefined) set.owner = input.owner
    if (input.deadlineText !== undefined)
      set.deadline_text = input.deadlineText === '' ? null : input.deadlineText
    if (input.note !== undefined) set.note = input.note
    if (input.ownManual !== undefined)
      set.own_manual = input.ownManual === null ? null : input.ownManual ? 1 : 0
    const changed = (Object.keys(set) as (keyof ScheduleTasksTable)[]).filter(
      (k) => set[k] !== before[k],
    )
    if (changed.length === 0) return
    const changes = Object.fromEntries(
      changed.map((k) => [DETAIL_KEYS[k] ?? k, { from: before[k], to: set[k] }]),
    )
    await touch(trx, input.id, actor, now, set)
    await audit(trx, actor, 'schedule.task_update', input.id, clock, { changes }, before, {
      ...before,
      ...set,
    })
  })
}

/** Removes a task added by hand; imported tasks change only by re-importing the breakdown. */
export async function removeTask(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const row = await loadTaskRow(trx, id)
    if (row.source !== 'manual') {
      throw new AppError(
        'CONFLICT',
        '区里下发的任务不能删除；如分解表有变化，请重新导入修订后的分解表',
      )
    }
    await touch(trx, id, actor, now, { deleted_at: now })
    await audit(trx, actor, 'schedule.task_remove', id, clock, { name: row.requirement }, row)
  })
}

/** Adds a 具体措施 at the end of the task's list. */
export async function addMeasure(
  db: Kysely<DB>,
  actor: Actor,
  input: { taskId: string; text: string },
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await loadTaskRow(trx, input.taskId)
    const last = await trx
      .selectFrom('schedule_measures')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('task_id', '=', input.taskId)
      .executeTakeFirst()
    const id = ids()
    await trx
      .insertInto('schedule_measures')
      .values({
        id,
        task_id: input.taskId,
        seq: (last?.seq ?? 0) + 1,
        text: input.text,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute()
    await touch(trx, input.taskId, actor, now)
    await audit(
      trx,
      actor,
      'schedule.measure_add',
      input.taskId,
      clock,
      { measure: id },
      undefined,
      {
        text: input.text,
      },
    )
  })
}

async function loadMeasure(db: Kysely<DB>, id: string) {
  const row = await db
    .selectFrom('schedule_measures')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该具体措施，可能已被删除')
  return row
}

/** Rewrites a 具体措施; returns its task id. */
export async function updateMeasure(
  db: Kysely<DB>,
  actor: Actor,
  input: { id: string; text: string },
  clock: Clock,
): Promise<string> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  return db.transaction().execute(async (trx) => {
    const before = await loadMeasure(trx, input.id)
    if (before.text !== input.text) {
      await trx
        .updateTable('schedule_measures')
        .set({ text: input.text, updated_at: now })
        .where('id', '=', input.id)
        .execute()
      await touch(trx, before.task_id, actor, now)
      await audit(
        trx,
        actor,
        'schedule.measure_update',
        before.task_id,
        clock,
        { measure: input.id },
        { text: before.text },
        { text: input.text },
      )
    }
    return before.task_id
  })
}

/** Removes a 具体措施 (kept as a deleted row for sync); returns its task id. */
export async function removeMeasure(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<string> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  return db.transaction().execute(async (trx) => {
    const before = await loadMeasure(trx, id)
    await trx
      .updateTable('schedule_measures')
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .execute()
    await touch(trx, before.task_id, actor, now)
    await audit(
      trx,
      actor,
      'schedule.measure_remove',
      before.task_id,
      clock,
      { measure: id },
      {
        text: before.text,
      },
    )
    return before.task_id
  })
}

/** Adds a dated 进展情况 entry; earlier entries are never changed (the history is kept). */
export async function addProgress(
  db: Kysely<DB>,
  actor: Actor,
  input: { taskId: string; date: string; text: string },
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await loadTaskRow(trx, input.taskId)
    const id = ids()
    await trx
      .insertInto('schedule_progress')
      .values({
        id,
        task_id: input.taskId,
        date: input.date,
        text: input.text,
        created_at: now,
        created_by: actor.id,
        created_by_name: actor.displayName,
        updated_at: now,
      })
      .execute()
    await touch(trx, input.taskId, actor, now)
    await audit(
      trx,
      actor,
      'schedule.progress_add',
      input.taskId,
      clock,
      { date: input.date },
      undefined,
      {
        date: input.date,
        text: input.text,
      },
    )
  })
}

/** 登记完成: the day it was completed and 完成情况; the status becomes 已完成. */
export async function completeTask(
  db: Kysely<DB>,
  actor: Actor,
  input: { id: string; completedOn: string; completion: string },
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const before = await loadTaskRow(trx, input.id)
    await touch(trx, input.id, actor, now, {
      completed_on: input.completedOn,
      completion: input.completion,
    })
    await audit(
      trx,
      actor,
      'schedule.complete',
      input.id,
      clock,
      { date: input.completedOn },
      { completedOn: before.completed_on, completion: before.completion },
      { completedOn: input.completedOn, completion: input.completion },
    )
  })
}

/** Undoes 登记完成 (the 完成情况 text is kept). */
export async function reopenTask(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const before = await loadTaskRow(trx, id)
    if (before.completed_on === null) return
    await touch(trx, id, actor, now, { completed_on: null })
    await audit(trx, actor, 'schedule.reopen', id, clock, { from: before.completed_on })
  })
}

/** Links a disclosure item as 佐证材料 (its published state is read from the item each time). */
export async function linkEvidence(
  db: Kysely<DB>,
  actor: Actor,
  input: { taskId: string; itemId: string },
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await loadTaskRow(trx, input.taskId)
    const item = await trx
      .selectFrom('items')
      .select(['id', 'title'])
      .where('id', '=', input.itemId)
      .executeTakeFirst()
    if (!item) throw new AppError('NOT_FOUND', '找不到要关联的公开信息条目')
    const existing = await trx
      .selectFrom('schedule_evidence')
      .select('id')
      .where('task_id', '=', input.taskId)
      .where('item_id', '=', input.itemId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (existing) throw new AppError('CONFLICT', `「${item.title}」已是该任务的佐证材料`)
    await trx
      .insertInto('schedule_evidence')
      .values({
        id: ids(),
        task_id: input.taskId,
        item_id: input.itemId,
        created_at: now,
        created_by_name: actor.displayName,
        updated_at: now,
        deleted_at: null,
        published_at: null,
        withdrawn_at: null,
      })
      .execute()
    await touch(trx, input.taskId, actor, now)
    await audit(trx, actor, 'schedule.evidence_link', input.taskId, clock, { name: item.title })
  })
}

/** Unlinks a 佐证材料; returns its task id. */
export async function unlinkEvidence(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<string> {
  requireRole(actor, 'officer')
  const now = clock().toISOString()
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('schedule_evidence')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', '找不到该佐证材料，可能已取消关联')
    await trx
      .updateTable('schedule_evidence')
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .execute()
    await touch(trx, row.task_id, actor, now)
    await audit(trx, actor, 'schedule.evidence_unlink', row.task_id, clock, { item: row.item_id })
    return row.task_id
  })
}
