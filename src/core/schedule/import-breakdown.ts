import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { BreakdownField, ImportPreview, ImportResult } from '../../shared/schedule/types'
import { requireRole, type Actor } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { appendAudit } from '../audit/append'
import { localDateKey, type Clock } from '../clock'
import type { DB } from '../db/schema'
import type { ScheduleTaskRow, ScheduleTasksTable } from '../db/tables/schedule'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { readSpreadsheet, type SheetGrid, type SpreadsheetBook } from '../spreadsheet'
import { matchText, parseBreakdown, type ParsedBreakdown, type ParsedTask } from './breakdown-parse'
import { namesDepartment } from './unit-match'

/** A breakdown file as the user chose it. */
export interface BreakdownFile {
  bytes: Uint8Array
  fileName: string
}

export interface BreakdownOptions {
  year: number
  /** The sheet to read (default: the first that has a recognisable header). */
  sheet?: string
  mapping?: Partial<Record<BreakdownField, number>>
  /**
   * The breakdown came from the district's server (sync): new tasks are marked `district`, the
   * change is audited as 区级下发, and 责任单位 is matched against `unitNames` (the name the district
   * gave the department) as well as the name in setup.
   */
  district?: { version: number; unitNames: string[] }
}

/** Where a breakdown came from when there is no file at hand (the district's published one). */
export interface BreakdownSource {
  fileName: string
  /** Hex SHA-256 of the file as published. */
  sha256: string
}

/** Who changed it when the command line imports without a user (access to the file is the authority). */
const CLI_NAME = '命令行'
/** Who changed it when the breakdown arrived from the district's server on sync. */
export const DISTRICT_NAME = '区级下发'

const hasText = (g: SheetGrid) => g.rows.some((r) => r.some((t) => t !== ''))

/** Reads the file and parses the chosen (or first suitable) sheet. Throws on an unreadable file. */
export function readBreakdown(
  file: BreakdownFile,
  options: BreakdownOptions,
): { book: SpreadsheetBook; parsed: ParsedBreakdown } {
  const book = readSpreadsheet(file)
  const candidates = book.sheets.filter((g) => hasText(g))
  if (candidates.length === 0) {
    throw new AppError(
      'VALIDATION',
      `表格「${file.fileName}」是空的：没有任何工作表有内容，请确认选择了区里下发的重点工作分解表`,
    )
  }
  if (options.sheet !== undefined) {
    const grid = book.sheets.find((g) => g.name === options.sheet)
    if (!grid) throw new AppError('VALIDATION', `表格中没有名为「${options.sheet}」的工作表`)
    return { book, parsed: parseBreakdown(grid, options.year, options.mapping) }
  }
  let first: ParsedBreakdown | undefined
  for (const grid of candidates
    .filter((g) => !g.hidden)
    .concat(candidates.filter((g) => g.hidden))) {
    const parsed = parseBreakdown(grid, options.year, options.mapping)
    if (parsed.hasTaskColumn) return { book, parsed }
    first ??= parsed
  }
  return { book, parsed: first as ParsedBreakdown }
}

/** What the mapping step shows: the recognised columns, the first rows and any problems. */
export async function previewBreakdown(
  db: Kysely<DB>,
  file: BreakdownFile,
  options: BreakdownOptions,
  token: string,
): Promise<ImportPreview> {
  const { book, parsed } = readBreakdown(file, options)
  const department = (await getDepartment(db))?.name ?? ''
  const unitColumn = parsed.mapping.leadUnit !== undefined
  const titleYear = /(20\d{2})\s*年/.exec(parsed.title)?.[1]
  const warnings =
    titleYear !== undefined && Number(titleYear) !== options.year
      ? [`表格标题是「${parsed.title}」，与要导入的 ${options.year} 年不一致，请确认年度`]
      : []
  return {
    token,
    title: parsed.title,
    warnings,
    fileName: file.fileName,
    sheets: book.sheets.filter(hasText).map((g) => g.name),
    sheet: parsed.sheet,
    headerRow: parsed.headerRow,
    dataRow: parsed.dataRow,
    headers: parsed.headers,
    mapping: parsed.mapping,
    needsMapping: !parsed.hasTaskColumn,
    sample: parsed.tasks.slice(0, 8).map((t) => ({
      row: t.row,
      section: t.section,
      number: t.number,
      category: t.category,
      requirement: t.requirement,
      leadUnit: t.leadUnit,
      deadline: t.deadline,
      own: !unitColumn || namesDepartment(t.leadUnit, department),
    })),
    taskCount: parsed.tasks.length,
    errors:
      parsed.errors.length > 0 || parsed.tasks.length > 0 || !parsed.hasTaskColumn
        ? parsed.errors
        : [`工作表「${parsed.sheet}」中没有可导入的任务`],
  }
}

type DistrictFields = Pick<
  ScheduleTasksTable,
  | 'section'
  | 'number'
  | 'category'
  | 'requirement'
  | 'lead_unit'
  | 'lead_leader'
  | 'district_deadline'
  | 'own_auto'
  | 'seq'
>

const districtFields = (t: ParsedTask, seq: number, own: boolean): DistrictFields => ({
  seq,
  section: t.section,
  number: t.number,
  category: t.category,
  requirement: t.requirement,
  lead_unit: t.leadUnit,
  lead_leader: t.leadLeader,
  district_deadline: t.deadline,
  own_auto: own ? 1 : 0,
})

const sameDistrict = (row: ScheduleTaskRow, f: DistrictFields) =>
  (Object.keys(f) as (keyof DistrictFields)[]).every((k) => row[k] === f[k])

/**
 * Pairs each task of the file with an earlier task of the year: same category, number and text;
 * else same category and text (renumbered); else the same text alone; else same category and
 * number (the text was corrected). Unpaired file tasks are new.
 */
function pairTasks(old: ScheduleTaskRow[], tasks: ParsedTask[]): (ScheduleTaskRow | undefined)[] {
  const free = new Set(old)
  const paired: (ScheduleTaskRow | undefined)[] = new Array(tasks.length)
  const keys: ((t: { category: string; number: string; requirement: string }) => string | null)[] =
    [
      (t) => `${matchText(t.category)}|${t.number}|${matchText(t.requirement)}`,
      (t) => `${matchText(t.category)}|${matchText(t.requirement)}`,
      (t) => matchText(t.requirement),
      (t) => (t.number === '' ? null : `${matchText(t.category)}|${t.number}`),
    ]
  for (const key of keys) {
    const index = new Map<string, ScheduleTaskRow[]>()
    for (const row of free) {
      const k = key(row)
      if (k === null) continue
      const list = index.get(k)
      if (list) list.push(row)
      else index.set(k, [row])
    }
    tasks.forEach((t, i) => {
      if (paired[i]) return
      const k = key(t)
      if (k === null) return
      const row = index.get(k)?.find((r) => free.has(r))
      if (row) {
        paired[i] = row
        free.delete(row)
      }
    })
  }
  return paired
}

/**
 * Imports a breakdown for `year` in one transaction: nothing is written unless the whole file
 * reads. Re-importing updates the tasks in place (see pairTasks) and keeps the department's
 * measures, progress and evidence; tasks no longer in the file are removed (soft: they come back
 * if a later file has them again). Tasks whose 责任单位 names the department are marked as its
 * own. A file that is a 配档表 (exported by this app) also fills the department's columns of
 * tasks that have none yet, so export → import gives back the same table. `actor` null: the
 * command line without --user (audited as 命令行).
 */
export async function importBreakdown(
  db: Kysely<DB>,
  actor: Actor | null,
  file: BreakdownFile,
  options: BreakdownOptions,
  clock: Clock,
  ids: IdSource,
): Promise<ImportResult> {
  if (actor) requireRole(actor, 'officer')
  const { parsed } = readBreakdown(file, options)
  return writeBreakdown(db, actor, parsed, file, options, clock, ids)
}

/** Stores a parsed breakdown (see importBreakdown); refuses one with problems, writing nothing. */
export async function writeBreakdown(
  db: Kysely<DB>,
  actor: Actor | null,
  parsed: ParsedBreakdown,
  file: BreakdownFile | BreakdownSource,
  options: BreakdownOptions,
  clock: Clock,
  ids: IdSource,
): Promise<ImportResult> {
  if (actor) requireRole(actor, 'officer')
  const by = options.district ? DISTRICT_NAME : (actor?.displayName ?? CLI_NAME)
  if (parsed.errors.length > 0) {
    const shown = parsed.errors.slice(0, 5).join('；')
    const more = parsed.errors.length > 5 ? `；另有 ${parsed.errors.length - 5} 处问题` : ''
    throw new AppError('VALIDATION', `未导入任何内容。${shown}${more}`, { errors: parsed.errors })
  }
  if (parsed.tasks.length === 0) {
    throw new AppError('VALIDATION', `未导入任何内容：工作表「${parsed.sheet}」中没有可导入的任务`)
  }
  const now = clock().toISOString()
  const today = localDateKey(clock())
  const year = options.year
  const unitNames = [
    (await getDepartment(db))?.name ?? '',
    ...(options.district?.unitNames ?? []),
  ].filter((n) => n.trim() !== '')
  const unitColumn = parsed.mapping.leadUnit !== undefined
  const sha256 =
    'sha256' in file ? file.sha256 : createHash('sha256').update(file.bytes).digest('hex')
  const source = options.district ? 'district' : 'import'

  return db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('schedule_tasks')
      .selectAll()
      .where('year', '=', year)
      .execute()
    const importedOld = old.filter((r) => r.source !== 'manual')
    const paired = pairTasks(importedOld, parsed.tasks)
    const withData = await tasksWithDepartmentData(trx, year)
    const counts = { added: 0, updated: 0, unchanged: 0, removed: 0, own: 0 }
    const inserts: ScheduleTasksTable[] = []
    const extras: { taskId: string; task: ParsedTask }[] = []
    const manualMax = Math.max(0, ...old.filter((r) => r.source === 'manual').map((r) => r.seq))
    for (let i = 0; i < parsed.tasks.length; i++) {
      const t = parsed.tasks[i] as ParsedTask
      const own = !unitColumn || unitNames.some((n) => namesDepartment(t.leadUnit, n))
      if (own) counts.own++
      const fields = districtFields(t, i + 1, own)
      const row = paired[i]
      if (!row) {
        const id = ids()
        inserts.push({
          id,
          year,
          ...fields,
          own_manual: null,
          source,
          disclosure_content: t.disclosureContent,
          section_office: t.sectionOffice,
          owner: t.owner,
          deadline_text: null,
          completion: t.completion,
          completed_on: t.completedOn,
          note: t.note,
          created_at: now,
          updated_at: now,
          updated_by_name: by,
          deleted_at: null,
        })
        extras.push({ taskId: id, task: t })
        counts.added++
        continue
      }
      if (sameDistrict(row, fields) && row.deleted_at === null) {
        counts.unchanged++
      } else {
        await trx
          .updateTable('schedule_tasks')
          .set({ ...fields, deleted_at: null, updated_at: now, updated_by_name: by })
          .where('id', '=', row.id)
          .execute()
        counts.updated++
      }
      if (!withData.has(row.id) && hasDepartmentColumns(t)) {
        await trx
          .updateTable('schedule_tasks')
          .set({
            disclosure_content: t.disclosureContent,
            section_office: t.sectionOffice,
            owner: t.owner,
            completion: t.completion,
            completed_on: t.completedOn,
            note: t.note,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .execute()
        extras.push({ taskId: row.id, task: t })
      }
    }
    for (let i = 0; i < inserts.length; i += 400) {
      await trx
        .insertInto('schedule_tasks')
        .values(inserts.slice(i, i + 400))
        .execute()
    }
    await insertDepartmentRows(trx, extras, actor, now, today, ids)
    // Tasks no longer in the file; manual tasks stay, after the imported ones.
    const kept = new Set(paired.filter((r) => r !== undefined).map((r) => r.id))
    const gone = importedOld
      .filter((r) => r.deleted_at === null && !kept.has(r.id))
      .map((r) => r.id)
    for (let i = 0; i < gone.length; i += 500) {
      await trx
        .updateTable('schedule_tasks')
        .set({ deleted_at: now, updated_at: now, updated_by_name: by })
        .where('id', 'in', gone.slice(i, i + 500))
        .execute()
    }
    counts.removed = gone.length
    if (manualMax > 0 || old.some((r) => r.source === 'manual')) {
      const manual = old.filter((r) => r.source === 'manual').sort((a, b) => a.seq - b.seq)
      for (const [k, r] of manual.entries()) {
        await trx
          .updateTable('schedule_tasks')
          .set({ seq: parsed.tasks.length + k + 1 })
          .where('id', '=', r.id)
          .execute()
      }
    }
    const title = parsed.title || `${year}年政务公开重点工作分解表`
    await trx
      .insertInto('schedule_years')
      .values({
        year,
        title,
        source_file: file.fileName,
        source_sha256: sha256,
        imported_at: now,
        imported_by_name: by,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          title,
          source_file: file.fileName,
          source_sha256: sha256,
          imported_at: now,
          imported_by_name: by,
          updated_at: now,
        }),
      )
      .execute()
    await appendAudit(
      trx,
      {
        actor: { id: actor?.id ?? null, name: by },
        action: 'schedule.import',
        target: `schedule:${year}`,
        detail: {
          file: file.fileName,
          year,
          sheet: parsed.sheet,
          ...(options.district ? { districtVersion: options.district.version } : {}),
          ...counts,
        },
      },
      clock,
    )
    return { year, fileName: file.fileName, total: parsed.tasks.length, ...counts }
  })
}

const hasDepartmentColumns = (t: ParsedTask) =>
  t.measures.length > 0 ||
  t.progress.length > 0 ||
  t.disclosureContent !== '' ||
  t.sectionOffice !== '' ||
  t.owner !== '' ||
  t.completion !== '' ||
  t.note !== ''

/** Tasks of `year` the department has already worked on (fields, measures or progress). */
async function tasksWithDepartmentData(db: Kysely<DB>, year: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('schedule_tasks as t')
    .select('t.id')
    .where('t.year', '=', year)
    .where((eb) =>
      eb.or([
        eb('t.disclosure_content', '!=', ''),
        eb('t.section_office', '!=', ''),
        eb('t.owner', '!=', ''),
        eb('t.completion', '!=', ''),
        eb('t.note', '!=', ''),
        eb('t.completed_on', 'is not', null),
        eb.exists(
          eb
            .selectFrom('schedule_measures as m')
            .select('m.id')
            .whereRef('m.task_id', '=', 't.id')
            .where('m.deleted_at', 'is', null),
        ),
        eb.exists(
          eb.selectFrom('schedule_progress as p').select('p.id').whereRef('p.task_id', '=', 't.id'),
        ),
      ]),
    )
    .execute()
  return new Set(rows.map((r) => r.id))
}

async function insertDepartmentRows(
  db: Kysely<DB>,
  extras: { taskId: string; task: ParsedTask }[],
  actor: Actor | null,
  now: string,
  today: string,
  ids: IdSource,
): Promise<void> {
  const measures = extras.flatMap(({ taskId, task }) =>
    task.measures.map((text, k) => ({
      id: ids(),
      task_id: taskId,
      seq: k + 1,
      text,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })),
  )
  const progress = extras.flatMap(({ taskId, task }) =>
    task.progress.map((p) => ({
      id: ids(),
      task_id: taskId,
      date: p.date ?? today,
      text: p.text,
      created_at: now,
      created_by: actor?.id ?? null,
      created_by_name: actor?.displayName ?? CLI_NAME,
      updated_at: now,
    })),
  )
  for (let i = 0; i < measures.length; i += 500) {
    await db
      .insertInto('schedule_measures')
      .values(measures.slice(i, i + 500))
      .execute()
  }
  for (let i = 0; i < progress.length; i += 500) {
    await db
      .insertInto('schedule_progress')
      .values(progress.slice(i, i + 500))
      .execute()
  }
}
