import type { Kysely } from 'kysely'
import type {
  ScheduleOverview,
  ScheduleTaskView,
  ScheduleYearFigures,
  StatusCounts,
  TaskRef,
  TimelineMonth,
} from '../../shared/schedule/types'
import type { DB } from '../db/schema'
import { listTaskViews } from './repository'
import { addCalendarDays } from './status'

/** Where things stand: counts by status, overdue and due-this-week lists, a month timeline. */

const ref = (t: ScheduleTaskView): TaskRef => ({
  id: t.id,
  number: t.number,
  title: t.requirement,
  deadline: t.deadline,
  status: t.status,
  owner: t.owner,
})

/** Monday … Sunday of the calendar week holding `today` (calendar days are enough here). */
export function weekOf(today: string): { from: string; to: string } {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number)
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
  const from = addCalendarDays(today, -weekday)
  return { from, to: addCalendarDays(from, 6) }
}

export function countStatuses(tasks: ScheduleTaskView[]): StatusCounts {
  const counts: StatusCounts = { not_started: 0, in_progress: 0, done: 0, overdue: 0 }
  for (const t of tasks) counts[t.status]++
  return counts
}

/** Open tasks due from today to the end of this week, soonest first. */
export function dueThisWeek(tasks: ScheduleTaskView[], today: string): TaskRef[] {
  const { to } = weekOf(today)
  return tasks
    .filter((t) => t.status !== 'done' && t.deadline.date !== null)
    .filter((t) => (t.deadline.date as string) >= today && (t.deadline.date as string) <= to)
    .sort((a, b) => (a.deadline.date as string).localeCompare(b.deadline.date as string))
    .map(ref)
}

export function overdueTasks(tasks: ScheduleTaskView[]): TaskRef[] {
  return tasks
    .filter((t) => t.status === 'overdue')
    .sort((a, b) => (a.deadline.date ?? '').localeCompare(b.deadline.date ?? ''))
    .map(ref)
}

/**
 * The overview of `year`. With `ownOnly` the figures count only the department's own tasks
 * (责任单位 names it), which is what the department reports.
 */
export async function scheduleOverview(
  db: Kysely<DB>,
  year: number,
  today: string,
  ownOnly = false,
): Promise<ScheduleOverview> {
  const all = await listTaskViews(db, year, today)
  const tasks = ownOnly ? all.filter((t) => t.own) : all
  const head = await db
    .selectFrom('schedule_years')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst()
  const timeline: TimelineMonth[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    due: 0,
    done: 0,
    overdue: 0,
    tasks: [],
  }))
  let undated = 0
  for (const t of tasks) {
    const date = t.deadline.date
    if (date === null || Number(date.slice(0, 4)) !== year) {
      undated++
      continue
    }
    const month = timeline[Number(date.slice(5, 7)) - 1] as TimelineMonth
    month.due++
    if (t.status === 'done') month.done++
    if (t.status === 'overdue') month.overdue++
    month.tasks.push(ref(t))
  }
  return {
    year,
    title: head?.title ?? null,
    total: tasks.length,
    own: all.filter((t) => t.own).length,
    counts: countStatuses(tasks),
    overdue: overdueTasks(tasks),
    dueThisWeek: dueThisWeek(tasks, today),
    timeline,
    undated,
    importedAt: head?.imported_at ?? null,
    sourceFile: head?.source_file ?? null,
  }
}

/**
 * The year's completion figures for the annual report's section 六 (the plan asks each unit to
 * report the 配档表's implementation in its 政府信息公开工作年度报告). Counts the department's own
 * tasks; `today` decides what is overdue (pass the report's cut-off day, e.g. 12-31).
 */
export async function scheduleYearFigures(
  db: Kysely<DB>,
  year: number,
  today: string,
): Promise<ScheduleYearFigures> {
  const tasks = (await listTaskViews(db, year, today)).filter((t) => t.own)
  const counts = countStatuses(tasks)
  const evidence = tasks.flatMap((t) => t.evidence)
  const done = tasks.filter((t) => t.status === 'done')
  return {
    year,
    total: tasks.length,
    own: tasks.length,
    done: counts.done,
    doneOnTime: done.filter((t) => !t.completedLate).length,
    doneLate: done.filter((t) => t.completedLate).length,
    inProgress: counts.in_progress,
    notStarted: counts.not_started,
    overdue: counts.overdue,
    completionRate: tasks.length === 0 ? 0 : counts.done / tasks.length,
    evidenceLinks: evidence.length,
    evidencePublished: evidence.filter((e) => e.state === 'published').length,
  }
}

/** Years that have a table, newest first. */
export async function scheduleYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('schedule_years')
    .select('year')
    .union(db.selectFrom('schedule_tasks').select('year').where('deleted_at', 'is', null))
    .execute()
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a)
}
