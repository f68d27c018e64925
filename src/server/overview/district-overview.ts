import type { Kysely } from 'kysely'
import type { PutScheduleTableBody } from '../../shared/schedule/wire'
import type { ServerDB } from '../db/schema'
import { runReportRules } from '../../core/report/rules'
import { ApiError } from '../errors'
import type { DepartmentReportStatus } from '../view/report-page'
import { listDepartmentReports } from '../reports/report-service'
import { incompleteItemCounts, itemFileStates, type ItemFiles } from '../uploads/missing-files'
import {
  beijingDay,
  DEFAULT_LATE_RULE,
  getOverview,
  type LateItem,
  type LateRule,
} from './overview-service'

/** A department's 工作配档表 figures for the year, as the district sees them. */
export interface ScheduleFigures {
  tasks: number
  done: number
  /** Not done and the 完成时限 day is before today (Beijing). */
  overdue: number
  /** done / tasks, 0…1. */
  completion: number
  evidence: number
  evidencePublished: number
  /** When the district last received the table. */
  receivedAt: string
  /** The day the desk derived the statuses on. */
  asOf: string
  breakdownVersion: number | null
}

/** One department's line of the district overview. */
export interface DistrictRow {
  code: string
  name: string
  /** Items pushed (every status). */
  pushed: number
  received: number
  published: number
  returned: number
  withdrawn: number
  /** Items late against their 时限 (see LateRule). */
  late: number
  /** Items (not withdrawn) whose latest revision names a file the server does not have: 附件未到齐. */
  incomplete: number
  lastPushAt: string | null
  rebasedAt: string | null
  /** null: no table received for the year. */
  schedule: ScheduleFigures | null
  /** The annual report of the year before (due by 31 March): missing, or received with its check. */
  report: { year: number; receivedAt: string; errors: number; warnings: number } | null
  /** Consultations (意见征集) open today. */
  openConsultations: number
}

/** An overdue task of some department. */
export interface OverdueTask {
  departmentCode: string
  departmentName: string
  number: string
  requirement: string
  deadline: string
  deadlineDate: string
  progressCount: number
  evidenceCount: number
}

/** The sortable columns of the overview (query `sort`). */
export const OVERVIEW_SORTS = [
  'code',
  'name',
  'pushed',
  'published',
  'returned',
  'late',
  'incomplete',
  'tasks',
  'completion',
  'overdue',
  'evidence',
  'report',
  'consultations',
  'lastPushAt',
] as const
export type OverviewSort = (typeof OVERVIEW_SORTS)[number]

/** The filters (query `only`). */
export const OVERVIEW_FILTERS = ['', 'overdue', 'late', 'incomplete', 'missing', 'report'] as const
export type OverviewFilter = (typeof OVERVIEW_FILTERS)[number]

export interface OverviewQuery {
  year: number
  sort: OverviewSort
  dir: 'asc' | 'desc'
  /** Part of a department's code or name. */
  q: string
  only: OverviewFilter
}

export interface DistrictOverview {
  query: OverviewQuery
  /** Today in Beijing, `YYYY-MM-DD`. */
  today: string
  rows: DistrictRow[]
  /** Every department before filtering (for 「共 N 个部门」). */
  totalDepartments: number
  overdueTasks: OverdueTask[]
  /** The shown departments' items 附件未到齐 with their missing files, oldest approval first. */
  incompleteItems: ItemFiles[]
  /** The shown departments' items late against their 时限 (LateRule), oldest approval first, at most 500. */
  late: LateItem[]
  /** Years with a breakdown or a table, newest first. */
  years: number[]
}

export { beijingDay }

/** Reads the query string of `GET /district` (unknown values fall back to the defaults). */
export function parseOverviewQuery(raw: Record<string, unknown>, now: Date): OverviewQuery {
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '')
  const year = Number(str('year'))
  const sort = str('sort') as OverviewSort
  const only = str('only') as OverviewFilter
  return {
    year:
      Number.isInteger(year) && year >= 2000 && year <= 2100
        ? year
        : Number(beijingDay(now).slice(0, 4)),
    sort: OVERVIEW_SORTS.includes(sort) ? sort : 'code',
    dir: str('dir') === 'desc' ? 'desc' : 'asc',
    q: str('q').trim().slice(0, 50),
    only: OVERVIEW_FILTERS.includes(only) ? only : '',
  }
}

const num = (v: unknown) => Number(v ?? 0)

function sortValue(row: DistrictRow, sort: OverviewSort): string | number {
  const s = row.schedule
  switch (sort) {
    case 'code':
      return row.code
    case 'name':
      return row.name
    case 'tasks':
      return s?.tasks ?? -1
    case 'completion':
      return s ? s.completion : -1
    case 'overdue':
      return s?.overdue ?? -1
    case 'evidence':
      return s?.evidence ?? -1
    case 'report':
      // Missing first when ascending, then the most errors.
      return row.report === null ? -1 : row.report.errors
    case 'consultations':
      return row.openConsultations
    case 'lastPushAt':
      return row.lastPushAt ?? ''
    default:
      return row[sort]
  }
}

/**
 * Everything the district overview shows for `query.year` at `now`: per department the items
 * (pushed / published / returned / late against their 时限, LateRule / 附件未到齐) and the 工作配档表 (tasks,
 * completion, overdue tasks, evidence), filtered, sorted; and the overdue tasks of every department.
 */
export async function districtOverview(
  db: Kysely<ServerDB>,
  now: Date,
  query: OverviewQuery,
  rule: LateRule = DEFAULT_LATE_RULE,
): Promise<DistrictOverview> {
  const today = beijingDay(now)
  const items = await getOverview(db, now, rule, 100_000)
  const departments = await db.selectFrom('departments').select(['id', 'code']).execute()
  const idOf = new Map(departments.map((d) => [d.code, d.id]))
  const tables = await db
    .selectFrom('schedule_tables')
    .selectAll()
    .where('year', '=', query.year)
    .execute()
  const overdueCounts = await db
    .selectFrom('schedule_table_tasks')
    .select((eb) => ['department_id', eb.fn.countAll<number | string>().as('n')])
    .where('year', '=', query.year)
    .where('completed_on', 'is', null)
    .where('deadline_date', '<', today)
    .groupBy('department_id')
    .execute()
  const overdueBy = new Map(overdueCounts.map((r) => [r.department_id, num(r.n)]))
  const tableBy = new Map(tables.map((t) => [t.department_id, t]))
  // The report of the year before the schedule year (a department reports year Y by 31 March Y+1).
  const reportYear = query.year - 1
  const reportBy = new Map<string, NonNullable<DistrictRow['report']>>()
  for (const r of await listDepartmentReports(db, reportYear)) {
    const failures = runReportRules({ tables: r.tables, narrative: r.narrative })
    reportBy.set(r.departmentCode, {
      year: reportYear,
      receivedAt: r.receivedAt,
      errors: failures.filter((f) => f.severity === 'error').length,
      warnings: failures.filter((f) => f.severity === 'warning').length,
    })
  }
  const open = await db
    .selectFrom('consultations')
    .select((eb) => ['department_id', eb.fn.countAll<number | string>().as('n')])
    .where('start_date', '<=', today)
    .where('end_date', '>=', today)
    .groupBy('department_id')
    .execute()
  const openBy = new Map(open.map((r) => [r.department_id, num(r.n)]))
  const incompleteBy = await incompleteItemCounts(db)
  const lateBy = new Map<string, number>()
  for (const l of items.late) lateBy.set(l.departmentCode, (lateBy.get(l.departmentCode) ?? 0) + 1)

  const all: DistrictRow[] = items.departments.map((d) => {
    const id = idOf.get(d.code) ?? ''
    const t = tableBy.get(id)
    const tasks = t ? num(t.task_count) : 0
    const done = t ? num(t.done_count) : 0
    return {
      code: d.code,
      name: d.name,
      pushed: d.total,
      received: d.byStatus.received,
      published: d.byStatus.published,
      returned: d.byStatus.returned,
      withdrawn: d.byStatus.withdrawn,
      late: lateBy.get(d.code) ?? 0,
      incomplete: incompleteBy.get(id) ?? 0,
      lastPushAt: d.lastPushAt,
      rebasedAt: d.rebasedAt,
      report: reportBy.get(d.code) ?? null,
      openConsultations: openBy.get(id) ?? 0,
      schedule: t
        ? {
            tasks,
            done,
            overdue: overdueBy.get(id) ?? 0,
            completion: tasks === 0 ? 0 : done / tasks,
            evidence: num(t.evidence_count),
            evidencePublished: num(t.evidence_published),
            receivedAt: t.received_at,
            asOf: t.as_of,
            breakdownVersion: t.breakdown_version === null ? null : num(t.breakdown_version),
          }
        : null,
    }
  })
  const q = query.q.toLowerCase()
  const rows = all
    .filter((r) => q === '' || r.code.toLowerCase().includes(q) || r.name.toLowerCase().includes(q))
    .filter((r) => {
      if (query.only === 'overdue') return (r.schedule?.overdue ?? 0) > 0
      if (query.only === 'late') return r.late > 0
      if (query.only === 'incomplete') return r.incomplete > 0
      if (query.only === 'missing') return r.schedule === null
      if (query.only === 'report') return r.report === null || r.report.errors > 0
      return true
    })
  const factor = query.dir === 'desc' ? -1 : 1
  rows.sort((a, b) => {
    const x = sortValue(a, query.sort)
    const y = sortValue(b, query.sort)
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'zh-CN')
    return c !== 0 ? c * factor : a.code.localeCompare(b.code)
  })

  const overdue = await db
    .selectFrom('schedule_table_tasks as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .select([
      'd.code',
      'd.name',
      't.number',
      't.requirement',
      't.deadline',
      't.deadline_date',
      't.progress_count',
      't.evidence_count',
    ])
    .where('t.year', '=', query.year)
    .where('t.completed_on', 'is', null)
    .where('t.deadline_date', '<', today)
    .orderBy('t.deadline_date')
    .orderBy('d.code')
    .orderBy('t.seq')
    .limit(500)
    .execute()
  const shown = new Set(rows.map((r) => r.code))
  const withMissing = rows.filter((r) => r.incomplete > 0).map((r) => idOf.get(r.code) ?? '')
  const incompleteItems =
    withMissing.length > 0
      ? await itemFileStates(db, { departmentIds: withMissing, limit: 500 })
      : []
  const years = new Set<number>([query.year])
  for (const r of await db.selectFrom('schedule_breakdowns').select('year').execute())
    years.add(num(r.year))
  for (const r of await db.selectFrom('schedule_tables').select('year').distinct().execute()) {
    years.add(num(r.year))
  }
  return {
    query,
    today,
    rows,
    totalDepartments: all.length,
    overdueTasks: overdue
      .filter((o) => shown.has(o.code))
      .map((o) => ({
        departmentCode: o.code,
        departmentName: o.name,
        number: o.number,
        requirement: o.requirement,
        deadline: o.deadline,
        deadlineDate: o.deadline_date ?? '',
        progressCount: num(o.progress_count),
        evidenceCount: num(o.evidence_count),
      })),
    incompleteItems,
    late: items.late.filter((l) => shown.has(l.departmentCode)).slice(0, 500),
    years: [...years].sort((a, b) => b - a),
  }
}

/** A department's stored table of `year` for the district's progress page; NOT_FOUND without. */
export async function departmentSchedule(
  db: Kysely<ServerDB>,
  code: string,
  year: number,
): Promise<{
  code: string
  name: string
  year: number
  receivedAt: string | null
  table: PutScheduleTableBody | null
}> {
  const department = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst()
  if (!department) throw new ApiError('NOT_FOUND', `没有代码为 ${code} 的部门。`)
  const row = await db
    .selectFrom('schedule_tables')
    .select(['table_json', 'received_at'])
    .where('department_id', '=', department.id)
    .where('year', '=', year)
    .executeTakeFirst()
  return {
    code: department.code,
    name: department.name,
    year,
    receivedAt: row?.received_at ?? null,
    table: row ? (JSON.parse(row.table_json) as PutScheduleTableBody) : null,
  }
}

/**
 * A department's annual report of `year` for the district's report page: missing (null), or its
 * title, arrival and what the app's report checker (src/core/report/rules, the desk's own check)
 * finds in it. NOT_FOUND for an unknown department.
 */
export async function departmentReport(
  db: Kysely<ServerDB>,
  code: string,
  year: number,
): Promise<DepartmentReportStatus> {
  const department = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst()
  if (!department) throw new ApiError('NOT_FOUND', `没有代码为 ${code} 的部门。`)
  const row = await db
    .selectFrom('department_reports')
    .select(['title'])
    .where('department_id', '=', department.id)
    .where('year', '=', year)
    .executeTakeFirst()
  const stored = row
    ? (await listDepartmentReports(db, year)).find((r) => r.departmentCode === department.code)
    : undefined
  return {
    code: department.code,
    name: department.name,
    year,
    report:
      row && stored
        ? {
            title: row.title,
            receivedAt: stored.receivedAt,
            failures: runReportRules({ tables: stored.tables, narrative: stored.narrative }),
          }
        : null,
  }
}
