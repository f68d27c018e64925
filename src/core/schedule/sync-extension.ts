import type { Kysely } from 'kysely'
import {
  breakdownListSchema,
  breakdownWireSchema,
  scheduleTableReceiptSchema,
  type BreakdownWire,
  type EvidenceWire,
  type PutScheduleTableBody,
  type ScheduleTableTaskWire,
} from '../../shared/schedule/wire'
import { wireContentHash } from '../../shared/sync/wire'
import { localDateKey, type Clock } from '../clock'
import type { DB } from '../db/schema'
import { newId, type IdSource } from '../ids'
import type { PhaseOutcome } from '../sync/push'
import type { ExtensionOutcome, SyncExtension, SyncExtensionDeps } from '../sync/extensions'
import type { ParsedBreakdown } from './breakdown-parse'
import { writeBreakdown } from './import-breakdown'
import { listTaskViews } from './repository'

/** The 配档表's part of a sync run (src/core/sync/extensions-list.ts). */
export const scheduleSyncExtension: SyncExtension = {
  name: 'schedule',
  label: '工作配档表',
  run: (d) => syncSchedule(d),
}

/** A failed request as the 同步 page shows it. */
function failed(
  what: string,
  res: { kind: string; message?: string; code?: string },
): PhaseOutcome {
  if (res.kind === 'unauthorized') return { kind: 'unauthorized' }
  const why =
    res.kind === 'rejected' && res.code === 'NOT_FOUND'
      ? '区级服务器不支持配档表同步（版本过旧），请联系区级管理员升级'
      : (res.message ?? '')
  return { kind: 'transient', message: `${what}：${why}` }
}

/**
 * Pulls every breakdown the district published that this desk has not applied yet (by version),
 * then sends each year's table when it differs from what the district acknowledged last.
 */
export async function syncSchedule(
  d: SyncExtensionDeps,
  ids: IdSource = newId,
): Promise<ExtensionOutcome> {
  const list = await d.request('GET', '/schedule/breakdowns', undefined, breakdownListSchema)
  if (list.kind !== 'ok') return failed('读取区级重点工作分解表失败', list)
  const applied = new Map(
    (await d.db.selectFrom('schedule_sync').select(['year', 'breakdown_version']).execute()).map(
      (r) => [r.year, r.breakdown_version ?? 0],
    ),
  )
  const received: string[] = []
  for (const b of list.body.breakdowns) {
    if ((applied.get(b.year) ?? 0) >= b.version) continue
    const res = await d.request(
      'GET',
      `/schedule/breakdowns/${b.year}`,
      undefined,
      breakdownWireSchema,
    )
    if (res.kind !== 'ok') return failed(`读取 ${b.year} 年重点工作分解表失败`, res)
    const r = await applyDistrictBreakdown(d.db, res.body, d.clock, ids)
    const changes = [
      r.added ? `新增 ${r.added} 项` : '',
      r.updated ? `更新 ${r.updated} 项` : '',
      r.removed ? `删去 ${r.removed} 项` : '',
    ].filter(Boolean)
    received.push(
      `已收到区级下发的 ${b.year} 年重点工作分解表第 ${b.version} 版（${changes.join('、') || '任务未变'}；本单位任务 ${r.own} 项，已填写的措施、进展和佐证材料均保留）`,
    )
  }
  const years = await d.db.selectFrom('schedule_years').select('year').orderBy('year').execute()
  for (const { year } of years) {
    const body = await scheduleTableBody(d.db, year, d.clock)
    const hash = await wireContentHash(body)
    const sent = await d.db
      .selectFrom('schedule_sync')
      .select('sent_hash')
      .where('year', '=', year)
      .executeTakeFirst()
    if (sent?.sent_hash === hash) continue
    const res = await d.request('PUT', `/schedule/tables/${year}`, body, scheduleTableReceiptSchema)
    if (res.kind !== 'ok') return failed(`报送 ${year} 年工作配档表失败`, res)
    const now = d.clock().toISOString()
    await d.db
      .insertInto('schedule_sync')
      .values({
        year,
        breakdown_version: null,
        breakdown_published_at: null,
        breakdown_received_at: null,
        sent_hash: hash,
        sent_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({ sent_hash: hash, sent_at: now, updated_at: now }),
      )
      .execute()
  }
  // Told once, on the 同步 page, until the next run.
  return received.length > 0
    ? { kind: 'done', notice: `${received.join('；')}。` }
    : { kind: 'done' }
}

/** The wire breakdown as the importer's parsed form: the district's columns only. */
function parsedFrom(wire: BreakdownWire): ParsedBreakdown {
  const unitColumn = wire.tasks.some((t) => t.leadUnit.trim() !== '')
  return {
    sheet: '区级下发',
    title: wire.title,
    headerRow: null,
    dataRow: null,
    headers: [],
    // Without any 责任单位 the whole breakdown is every department's (as a local import).
    mapping: unitColumn ? { requirement: 0, leadUnit: 1 } : { requirement: 0 },
    hasTaskColumn: true,
    tasks: [...wire.tasks]
      .sort((a, b) => a.seq - b.seq)
      .map((t) => ({
        row: t.seq - 1,
        section: t.section,
        number: t.number,
        category: t.category,
        requirement: t.requirement,
        leadUnit: t.leadUnit,
        leadLeader: t.leadLeader,
        deadline: t.deadline,
        measures: [],
        disclosureContent: '',
        sectionOffice: '',
        owner: '',
        progress: [],
        completion: '',
        completedOn: null,
        note: '',
      })),
    notes: [],
    errors: [],
  }
}

/**
 * Applies the district's published breakdown of a year through the importer's one write path: in
 * one transaction, tasks updated in place (matched by number and text) keeping the department's
 * measures, progress and evidence; tasks whose 责任单位 names the department — by its name in setup
 * or the name the district gave it — marked as its own. Records the version applied.
 */
export async function applyDistrictBreakdown(
  db: Kysely<DB>,
  wire: BreakdownWire,
  clock: Clock,
  ids: IdSource = newId,
) {
  const result = await writeBreakdown(
    db,
    null,
    parsedFrom(wire),
    { fileName: wire.fileName, sha256: wire.sha256 },
    { year: wire.year, district: { version: wire.version, unitNames: [wire.department.name] } },
    clock,
    ids,
  )
  const now = clock().toISOString()
  await db
    .insertInto('schedule_sync')
    .values({
      year: wire.year,
      breakdown_version: wire.version,
      breakdown_published_at: wire.publishedAt,
      breakdown_received_at: now,
      sent_hash: null,
      sent_at: null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        breakdown_version: wire.version,
        breakdown_published_at: wire.publishedAt,
        breakdown_received_at: now,
        updated_at: now,
      }),
    )
    .execute()
  return result
}

/** The department's own tasks of `year` with progress and evidence, as the PUT body. */
export async function scheduleTableBody(
  db: Kysely<DB>,
  year: number,
  clock: Clock,
): Promise<PutScheduleTableBody> {
  const today = localDateKey(clock())
  const [yearRow, sync, tasks, times] = await Promise.all([
    db.selectFrom('schedule_years').select('title').where('year', '=', year).executeTakeFirst(),
    db
      .selectFrom('schedule_sync')
      .select('breakdown_version')
      .where('year', '=', year)
      .executeTakeFirst(),
    listTaskViews(db, year, today),
    db
      .selectFrom('schedule_evidence as e')
      .innerJoin('schedule_tasks as t', 't.id', 'e.task_id')
      .select(['e.id', 'e.published_at', 'e.withdrawn_at'])
      .where('t.year', '=', year)
      .where('e.deleted_at', 'is', null)
      .execute(),
  ])
  const at = new Map(times.map((r) => [r.id, r]))
  const rows: ScheduleTableTaskWire[] = tasks
    .filter((t) => t.own)
    .map((t) => ({
      id: t.id,
      seq: t.seq,
      source: t.source,
      section: t.section,
      number: t.number,
      category: t.category,
      requirement: t.requirement || '（未填写任务内容）',
      leadUnit: t.leadUnit,
      deadline: t.deadline.text,
      deadlineDate: t.deadline.date,
      status: t.status,
      completedOn: t.completedOn,
      completedLate: t.completedLate,
      measures: t.measures.map((m) => m.text),
      disclosureContent: t.disclosureContent,
      sectionOffice: t.sectionOffice,
      owner: t.owner,
      completion: t.completion,
      note: t.note,
      progress: t.progress.map((p) => ({ date: p.date, text: p.text })),
      evidence: t.evidence.map((e): EvidenceWire => ({
        itemId: e.itemId,
        title: e.title,
        state: e.state,
        indexNumber: e.indexNumber,
        publishedDate: e.publishedDate,
        publishedAt: at.get(e.id)?.published_at ?? null,
        withdrawnAt: at.get(e.id)?.withdrawn_at ?? null,
      })),
    }))
  return {
    title: yearRow?.title || `${year}年政务公开工作配档表`,
    breakdownVersion: sync?.breakdown_version ?? null,
    asOf: today,
    tasks: rows,
  }
}
