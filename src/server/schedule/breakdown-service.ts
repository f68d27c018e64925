import type { Kysely } from 'kysely'
import { readBreakdown } from '../../core/schedule/import-breakdown'
import { AppError } from '../../core/errors'
import type { BreakdownTaskWire, BreakdownWire } from '../../shared/schedule/wire'
import { breakdownTaskWireSchema, MAX_SCHEDULE_TASKS } from '../../shared/schedule/wire'
import { wireContentHash } from '../../shared/sync/wire'
import type { ScheduleBreakdownsTable, ServerDB } from '../db/schema'
import { districtAudit, type DistrictActor } from '../district/accounts'
import { ApiError } from '../errors'
import { createHash } from 'node:crypto'

/** A breakdown read from a file, ready to publish. */
export interface ParsedBreakdownFile {
  year: number
  title: string
  fileName: string
  sha256: string
  tasks: BreakdownTaskWire[]
}

/** Thrown when a breakdown file cannot be published (Chinese message naming sheet/row/cell). */
export class BreakdownFileError extends Error {
  override readonly name = 'BreakdownFileError'
}

/**
 * Reads a district 重点工作分解表 (.xlsx/.xls/.csv) through the app's one breakdown importer
 * (src/core/schedule, on the one spreadsheet module): the same header recognition, merged
 * category cells, numbering and error messages a department gets when it imports the file
 * itself. Refuses a file with problems, or whose 具体任务 column cannot be recognised (the district
 * has no mapping step: correct the header and publish again).
 */
export function parseBreakdownFile(
  bytes: Uint8Array,
  fileName: string,
  year: number,
): ParsedBreakdownFile {
  let parsed
  try {
    parsed = readBreakdown({ bytes, fileName }, { year }).parsed
  } catch (e) {
    if (e instanceof AppError) throw new BreakdownFileError(e.message)
    throw e
  }
  if (!parsed.hasTaskColumn) {
    throw new BreakdownFileError(
      `工作表「${parsed.sheet}」中找不到「具体任务」（或「工作任务」「重点工作」）列，请检查表头后重新发布。` +
        (parsed.headers.length ? `读到的表头：${parsed.headers.filter(Boolean).join('、')}` : ''),
    )
  }
  if (parsed.errors.length > 0) {
    const shown = parsed.errors.slice(0, 5).join('；')
    const more = parsed.errors.length > 5 ? `；另有 ${parsed.errors.length - 5} 处问题` : ''
    throw new BreakdownFileError(`未发布。${shown}${more}`)
  }
  if (parsed.tasks.length === 0) {
    throw new BreakdownFileError(`未发布：工作表「${parsed.sheet}」中没有任务`)
  }
  if (parsed.tasks.length > MAX_SCHEDULE_TASKS) {
    throw new BreakdownFileError(`未发布：任务超过 ${MAX_SCHEDULE_TASKS} 条`)
  }
  const tasks = parsed.tasks.map((t, i) => {
    const task = {
      seq: i + 1,
      section: t.section,
      number: t.number,
      category: t.category,
      requirement: t.requirement,
      leadUnit: t.leadUnit,
      leadLeader: t.leadLeader,
      deadline: t.deadline,
    }
    const checked = breakdownTaskWireSchema.safeParse(task)
    if (!checked.success) {
      throw new BreakdownFileError(
        `未发布：工作表「${parsed.sheet}」第 ${t.row + 1} 行的内容过长或含有不允许的字符`,
      )
    }
    return checked.data
  })
  return {
    year,
    title: parsed.title || `${year}年政务公开重点工作分解表`,
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    tasks,
  }
}

/** What publishing did. */
export interface PublishOutcome {
  year: number
  version: number
  taskCount: number
  /** false: the same tasks were already published for the year (nothing changed). */
  changed: boolean
  publishedAt: string
}

/**
 * Publishes `breakdown` as the year's 重点工作分解表: departments pull it on their next sync. A
 * publication whose tasks equal the current ones changes nothing (`changed: false`); otherwise the
 * version goes up by one and each department's desk updates its tasks in place (keeping its
 * measures, progress and evidence — the desk's re-import matching).
 */
export async function publishBreakdown(
  db: Kysely<ServerDB>,
  breakdown: ParsedBreakdownFile,
  actor: DistrictActor,
  now: string,
): Promise<PublishOutcome> {
  const contentHash = await wireContentHash({ title: breakdown.title, tasks: breakdown.tasks })
  const outcome = await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('schedule_breakdowns')
      .select(['version', 'content_hash', 'published_at'])
      .where('year', '=', breakdown.year)
      .executeTakeFirst()
    if (current && current.content_hash === contentHash) {
      const same = {
        year: breakdown.year,
        version: Number(current.version),
        taskCount: breakdown.tasks.length,
        changed: false,
        publishedAt: current.published_at,
      }
      await audit(trx, same)
      return same
    }
    const row: ScheduleBreakdownsTable = {
      year: breakdown.year,
      version: current ? Number(current.version) + 1 : 1,
      title: breakdown.title,
      file_name: breakdown.fileName,
      sha256: breakdown.sha256,
      content_hash: contentHash,
      tasks_json: JSON.stringify(breakdown.tasks),
      task_count: breakdown.tasks.length,
      published_at: now,
      published_by: actor.name,
    }
    await trx
      .insertInto('schedule_breakdowns')
      .values(row)
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          version: row.version,
          title: row.title,
          file_name: row.file_name,
          sha256: row.sha256,
          content_hash: row.content_hash,
          tasks_json: row.tasks_json,
          task_count: row.task_count,
          published_at: row.published_at,
          published_by: row.published_by,
        }),
      )
      .execute()
    const done = {
      year: row.year,
      version: row.version,
      taskCount: row.task_count,
      changed: true,
      publishedAt: now,
    }
    await audit(trx, done)
    return done
  })
  return outcome

  /** Every publication (also one that changed nothing) is audited with who did it. */
  async function audit(trx: Kysely<ServerDB>, done: PublishOutcome) {
    await districtAudit(
      trx,
      {
        actor,
        action: 'breakdown.publish',
        target: `breakdown:${breakdown.year}`,
        detail: {
          file: breakdown.fileName,
          version: done.version,
          tasks: done.taskCount,
          changed: done.changed,
        },
      },
      now,
    )
  }
}

/** Every published year, newest first, without the tasks. */
export async function listBreakdowns(db: Kysely<ServerDB>) {
  const rows = await db
    .selectFrom('schedule_breakdowns')
    .select(['year', 'version', 'title', 'task_count', 'published_at', 'published_by', 'file_name'])
    .orderBy('year', 'desc')
    .execute()
  return rows.map((r) => ({
    year: Number(r.year),
    version: Number(r.version),
    title: r.title,
    taskCount: Number(r.task_count),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    fileName: r.file_name,
  }))
}

/** The year's published breakdown for `department`; NOT_FOUND when none was published. */
export async function getBreakdown(
  db: Kysely<ServerDB>,
  year: number,
  department: { code: string; name: string },
): Promise<BreakdownWire> {
  const row = await db
    .selectFrom('schedule_breakdowns')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst()
  if (!row) throw new ApiError('NOT_FOUND', `区级尚未发布 ${year} 年的重点工作分解表。`)
  return {
    department: { code: department.code, name: department.name },
    year: Number(row.year),
    version: Number(row.version),
    title: row.title,
    fileName: row.file_name,
    sha256: row.sha256,
    publishedAt: row.published_at,
    tasks: JSON.parse(row.tasks_json) as BreakdownTaskWire[],
  }
}
