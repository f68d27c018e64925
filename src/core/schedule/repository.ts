import type { Kysely } from 'kysely'
import type {
  EvidenceView,
  MeasureView,
  ProgressView,
  ScheduleTaskView,
} from '../../shared/schedule/types'
import type { DB } from '../db/schema'
import type { ScheduleTaskRow } from '../db/tables/schedule'
import { AppError } from '../errors'
import { readDeadlineLenient } from './deadline-text'
import { liveRevisionOf, withInForceContent } from '../items/working-revision'
import { completedLate, deriveTaskStatus, evidenceState } from './status'

/** The 完成时限 text that applies: the department's own, else the district's. */
export const effectiveDeadline = (row: ScheduleTaskRow): string =>
  row.deadline_text ?? row.district_deadline

/** Whether the task is the department's own: the officer's override, else 责任单位. */
export const isOwn = (row: ScheduleTaskRow): boolean =>
  row.own_manual === null ? row.own_auto === 1 : row.own_manual === 1

/** A live task row; NOT_FOUND when missing or deleted. */
export async function loadTaskRow(db: Kysely<DB>, id: string): Promise<ScheduleTaskRow> {
  const row = await db
    .selectFrom('schedule_tasks')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该配档任务，可能已被删除或重新导入时移除')
  return row
}

/** Builds views of `rows` with their measures, progress history and evidence (4 queries). */
export async function taskViews(
  db: Kysely<DB>,
  rows: ScheduleTaskRow[],
  today: string,
): Promise<ScheduleTaskView[]> {
  if (rows.length === 0) return []
  const byYear = rows.length > 200
  const years = [...new Set(rows.map((r) => r.year))]
  const ids = rows.map((r) => r.id)
  // Many tasks: read the whole year (one scan) instead of an IN list of thousands of ids.
  const measures = byYear
    ? await db
        .selectFrom('schedule_measures as m')
        .innerJoin('schedule_tasks as t', 't.id', 'm.task_id')
        .select(['m.id', 'm.task_id', 'm.text', 'm.seq'])
        .where('t.year', 'in', years)
        .where('m.deleted_at', 'is', null)
        .orderBy('m.seq')
        .execute()
    : await db
        .selectFrom('schedule_measures as m')
        .select(['m.id', 'm.task_id', 'm.text', 'm.seq'])
        .where('m.task_id', 'in', ids)
        .where('m.deleted_at', 'is', null)
        .orderBy('m.seq')
        .execute()
  const progress = byYear
    ? await db
        .selectFrom('schedule_progress as p')
        .innerJoin('schedule_tasks as t', 't.id', 'p.task_id')
        .select(['p.id', 'p.task_id', 'p.date', 'p.text', 'p.created_at', 'p.created_by_name'])
        .where('t.year', 'in', years)
        .orderBy('p.date', 'desc')
        .orderBy('p.created_at', 'desc')
        .orderBy('p.id', 'desc')
        .execute()
    : await db
        .selectFrom('schedule_progress as p')
        .select(['p.id', 'p.task_id', 'p.date', 'p.text', 'p.created_at', 'p.created_by_name'])
        .where('p.task_id', 'in', ids)
        .orderBy('p.date', 'desc')
        .orderBy('p.created_at', 'desc')
        .orderBy('p.id', 'desc')
        .execute()
  const evidence = await db
    .selectFrom('schedule_evidence as e')
    .innerJoin('items as i', 'i.id', 'e.item_id')
    .innerJoin('schedule_tasks as t', 't.id', 'e.task_id')
    .select([
      'e.id',
      'e.task_id',
      'e.item_id',
      'i.title',
      'i.status',
      'i.live_revision',
      'i.live_status',
      'i.published_date',
      'i.index_number',
    ])
    .where('t.year', 'in', years)
    .$if(!byYear, (q) => q.where('e.task_id', 'in', ids))
    .where('e.deleted_at', 'is', null)
    .orderBy('e.created_at')
    .execute()
  // 修订稿: the title the district and the 配档表 show is the approved revision's in force.
  const inForceTitle = new Map(
    (
      await withInForceContent(
        db,
        evidence.map((x) => ({
          id: x.item_id,
          title: x.title,
          status: x.status,
          live_revision: x.live_revision,
          live_status: x.live_status,
        })),
      )
    ).map((x) => [x.id, x.title]),
  )
  const group = <T extends { task_id: string }, V>(list: T[], map: (t: T) => V) => {
    const out = new Map<string, V[]>()
    for (const x of list) {
      const arr = out.get(x.task_id)
      if (arr) arr.push(map(x))
      else out.set(x.task_id, [map(x)])
    }
    return out
  }
  const m = group(measures, (x): MeasureView => ({ id: x.id, text: x.text }))
  const p = group(progress, (x): ProgressView => ({
    id: x.id,
    date: x.date,
    text: x.text,
    createdAt: x.created_at,
    createdByName: x.created_by_name,
  }))
  const e = group(evidence, (x): EvidenceView => ({
    id: x.id,
    itemId: x.item_id,
    title: inForceTitle.get(x.item_id) ?? x.title,
    // 修订稿: while a working revision is edited, the approved one stays in force (and published).
    itemStatus: liveRevisionOf(x)?.status ?? x.status,
    state: evidenceState(liveRevisionOf(x)?.status ?? x.status),
    publishedDate: x.published_date,
    indexNumber: x.index_number,
  }))
  return rows.map((row) => {
    const deadline = readDeadlineLenient(effectiveDeadline(row), row.year)
    const history = p.get(row.id) ?? []
    return {
      id: row.id,
      year: row.year,
      seq: row.seq,
      section: row.section,
      number: row.number,
      category: row.category,
      requirement: row.requirement,
      leadUnit: row.lead_unit,
      leadLeader: row.lead_leader,
      districtDeadline: row.district_deadline,
      own: isOwn(row),
      ownAuto: row.own_auto === 1,
      ownManual: row.own_manual === null ? null : row.own_manual === 1,
      source: row.source,
      disclosureContent: row.disclosure_content,
      sectionOffice: row.section_office,
      owner: row.owner,
      deadlineText: row.deadline_text,
      deadline,
      completion: row.completion,
      completedOn: row.completed_on,
      note: row.note,
      status: deriveTaskStatus(
        {
          completedOn: row.completed_on,
          deadlineDate: deadline.date,
          progressCount: history.length,
        },
        today,
      ),
      completedLate: completedLate(row.completed_on, deadline.date),
      measures: m.get(row.id) ?? [],
      progress: history,
      evidence: e.get(row.id) ?? [],
      updatedAt: row.updated_at,
      updatedByName: row.updated_by_name,
    }
  })
}

/** Every live task of `year` in table order, as views. */
export async function listTaskViews(
  db: Kysely<DB>,
  year: number,
  today: string,
): Promise<ScheduleTaskView[]> {
  const rows = await db
    .selectFrom('schedule_tasks')
    .selectAll()
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .orderBy('seq')
    .execute()
  return taskViews(db, rows, today)
}

/** One live task as a view. */
export async function getTaskView(
  db: Kysely<DB>,
  id: string,
  today: string,
): Promise<ScheduleTaskView> {
  const row = await loadTaskRow(db, id)
  const [view] = await taskViews(db, [row], today)
  if (!view) throw new AppError('NOT_FOUND', '找不到该配档任务')
  return view
}
