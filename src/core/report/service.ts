import type { Kysely } from 'kysely'
import type { Actor } from '../accounts/actor'
import { auditActor } from '../accounts/actor'
import { activityYearFigures } from '../activities/activities-service'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { officeToday } from '../requests/office-day'
import { scheduleYearFigures } from '../schedule/overview'
import { ITEM_KIND_LABELS } from '../../shared/items/labels'
import type { ItemKind } from '../../shared/items/types'
import {
  NARRATIVE_SECTIONS,
  TABLE2_SIGNED_COLUMNS,
  formatForYear,
  type NarrativeSectionKey,
  type ReportFormatId,
} from '../../shared/report/format'
import type {
  ChartDatum,
  ReportProblem,
  ReportView,
  ReportYearList,
} from '../../shared/report/types'
import { parseCellKey } from '../../shared/report/types'
import { compileAnnualReport, type CompiledReport } from './compile'
import {
  generatedSections,
  liveFields,
  renderNarrative,
  unknownFields,
  type NarrativeInputs,
} from './narrative'
import { priorCellKeys, readPrior } from './prior'
import { loadDraft, upsertDraft } from './repository'
import { runReportRules } from './rules'
import { engagementInputs } from './engagement-input'

/** Officers draft the report; administrators may too. Everyone logged in may read it. */
export function requireReportEditor(actor: Actor): void {
  if (!actor.roles.includes('officer') && !actor.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', '只有起草人或管理员可以编辑年度报告')
  }
}

/** The Beijing calendar year of `clock` (reports are due by 31 January for the year before). */
export function reportDueYear(clock: Clock): number {
  return Number(officeToday(clock).slice(0, 4)) - 1
}

export async function reportYears(db: Kysely<DB>, clock: Clock): Promise<ReportYearList> {
  const current = reportDueYear(clock)
  const rows = await db
    .selectFrom('requests')
    .select('year')
    .distinct()
    .union(db.selectFrom('report_drafts').select('year'))
    .execute()
  const years = new Set<number>([current, ...rows.map((r) => r.year).filter((y) => y <= current)])
  return { years: [...years].sort((a, b) => b - a), current, today: officeToday(clock) }
}

/** Everything the compile, the narrative and the rules need, for one year. */
export interface FullReport {
  compiled: CompiledReport
  view: ReportView
}

async function narrativeInputs(db: Kysely<DB>, year: number): Promise<NarrativeInputs> {
  const [schedule, activities, engagement] = await Promise.all([
    scheduleYearFigures(db, year, `${year}-12-31`),
    activityYearFigures(db, year),
    engagementInputs(db, year),
  ])
  return { schedule, activities, engagement }
}

const OUTCOME_GROUPS: { label: string; prefix: string }[] = [
  { label: '予以公开', prefix: '1' },
  { label: '部分公开', prefix: '2' },
  { label: '不予公开', prefix: '3' },
  { label: '无法提供', prefix: '4' },
  { label: '不予处理', prefix: '5' },
  { label: '其他处理', prefix: '6' },
]

/** The chart data: requests answered by outcome group, items published by category. */
export function chartData(r: CompiledReport): ReportView['charts'] {
  const t3 = r.tables.table3
  const outcomes: ChartDatum[] = OUTCOME_GROUPS.map((g) => ({
    label: g.label,
    value: Object.entries(t3)
      .filter(([k]) => k === g.prefix || k.startsWith(`${g.prefix}.`))
      .reduce((n, [, v]) => n + (v.total ?? 0), 0),
  }))
  const itemsByKind: ChartDatum[] = r.facts.publishedByKind
    .filter((k) => k.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((k) => ({ label: ITEM_KIND_LABELS[k.kind as ItemKind] ?? k.kind, value: k.count }))
  return { outcomes, itemsByKind }
}

/**
 * The year's report as the preview shows it: compiled tables with their sources, the narrative
 * (stored text or the generated draft) with its live fields filled in, last year's figures and
 * every failing rule (core/report/rules), data problems found while counting.
 */
export async function loadReport(db: Kysely<DB>, year: number): Promise<FullReport> {
  const [compiled, draft, prior, inputs] = await Promise.all([
    compileAnnualReport(db, year),
    loadDraft(db, year),
    readPrior(db, year),
    narrativeInputs(db, year),
  ])
  const fields = liveFields(compiled, inputs)
  const stored = JSON.parse(draft?.sections_json ?? '{}') as Partial<
    Record<NarrativeSectionKey, string>
  >
  const generated = generatedSections(compiled, inputs)
  const sections = {} as Record<NarrativeSectionKey, string>
  const isGenerated = {} as Record<NarrativeSectionKey, boolean>
  const rendered = {} as Record<NarrativeSectionKey, string>
  for (const k of NARRATIVE_SECTIONS) {
    sections[k] = stored[k] ?? generated[k]
    isGenerated[k] = stored[k] === undefined
    rendered[k] = renderNarrative(sections[k], fields)
  }
  const problems: ReportProblem[] = runReportRules({
    tables: compiled.tables,
    prior: prior.tables,
    narrative: rendered,
    records: {
      feeLapsed: compiled.facts.fees.lapsed,
      feesBilled: compiled.facts.fees.billed,
      feesCollected: compiled.facts.fees.collected,
      feeNotices: compiled.facts.fees.notices,
      itemsPublished: compiled.facts.publishedByKind.reduce((n, k) => n + k.count, 0),
    },
  })
  for (const k of NARRATIVE_SECTIONS) {
    for (const u of unknownFields(sections[k], fields)) {
      problems.push({
        rule: 'FIELD-UNKNOWN',
        severity: 'error',
        message: `正文中的字段「{{${u}}}」不存在，请从“插入数据”中重新选择`,
        section: k,
        sentence: `{{${u}}}`,
      })
    }
  }
  // A figure the officer has not entered yet is said once, as what to do (not also as 空白).
  const missing = new Set(
    compiled.officerCells
      .filter((c) => c.mode === 'required' && c.value === null)
      .map((c) => c.key),
  )
  for (let i = problems.length - 1; i >= 0; i--) {
    const p = problems[i]!
    if (
      p.rule === 'BLANK' &&
      p.table &&
      p.row &&
      p.column &&
      missing.has(`${p.table}.${p.row}.${p.column}`)
    ) {
      problems.splice(i, 1)
    }
  }
  for (const c of compiled.officerCells) {
    if (c.mode === 'required' && c.value === null) {
      const p = parseCellKey(c.key)!
      problems.push({
        rule: 'FIGURE-MISSING',
        severity: 'error',
        message: `${c.label}尚未填写（该数据由业务系统统计，请填写并注明来源）`,
        table: p.table,
        row: p.row,
        column: p.column,
      })
    }
  }
  const item = draft?.item_id
    ? await db
        .selectFrom('items')
        .select(['id', 'status', 'title'])
        .where('id', '=', draft.item_id)
        .executeTakeFirst()
    : undefined
  const view: ReportView = {
    year,
    format: compiled.format,
    department: compiled.department,
    title: compiled.title,
    tables: compiled.tables,
    sources: compiled.sources,
    officerCells: compiled.officerCells,
    prior: prior.view,
    sections,
    generated: isGenerated,
    rendered,
    fields,
    problems,
    charts: chartData(compiled),
    notes: compiled.notes,
    item: item ? { id: item.id, status: item.status, title: item.title } : null,
    updatedAt: draft?.updated_at ?? null,
    updatedByName: draft?.updated_by_name ?? null,
  }
  return { compiled, view }
}

export async function getReportView(db: Kysely<DB>, year: number): Promise<ReportView> {
  return (await loadReport(db, year)).view
}

async function currentFormat(db: Kysely<DB>, year: number): Promise<ReportFormatId> {
  return (await loadDraft(db, year))?.format ?? formatForYear(year)
}

/**
 * Records an officer figure (行政许可 … 行政事业性收费) or an override of a store count, with the
 * source it comes from; `value: null` removes it (the store count applies again).
 */
export async function saveFigure(
  db: Kysely<DB>,
  actor: Actor,
  input: { year: number; cell: string; value: number | null; source: string },
  clock: Clock,
): Promise<void> {
  requireReportEditor(actor)
  const compiled = await compileAnnualReport(db, input.year)
  const cell = compiled.officerCells.find((c) => c.key === input.cell)
  if (!cell) throw new AppError('VALIDATION', '该单元格由系统统计或自动合计，不能直接填写')
  const column = parseCellKey(input.cell)?.column ?? ''
  if (input.value !== null && input.value < 0 && !TABLE2_SIGNED_COLUMNS.includes(column)) {
    throw new AppError('VALIDATION', `${cell.label}不能为负数`)
  }
  if (input.value !== null && input.source.trim() === '') {
    throw new AppError(
      'VALIDATION',
      cell.mode === 'override'
        ? `修正系统统计的${cell.label}须说明理由和来源（如：2019 年以前的文件未录入本系统）`
        : `请注明${cell.label}的数据来源（如：行政审批系统 ${input.year} 年统计）`,
    )
  }
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    if (input.value === null) {
      await trx
        .deleteFrom('report_figures')
        .where('year', '=', input.year)
        .where('cell', '=', input.cell)
        .execute()
    } else {
      await trx
        .insertInto('report_figures')
        .values({
          year: input.year,
          cell: input.cell,
          value: input.value,
          source: input.source.trim(),
          updated_at: at,
          updated_by_name: actor.displayName,
        })
        .onConflict((oc) =>
          oc.columns(['year', 'cell']).doUpdateSet({
            value: input.value!,
            source: input.source.trim(),
            updated_at: at,
            updated_by_name: actor.displayName,
          }),
        )
        .execute()
    }
    await upsertDraft(trx, input.year, { format: compiled.format }, at, actor.displayName)
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'report.figure',
        target: `report:${input.year}`,
        detail: { cell: cell.label, from: cell.value, to: input.value, source: input.source },
      },
      clock,
    )
  })
}

/** Last year's published figures, typed in or imported (first year in the app). */
export async function savePrior(
  db: Kysely<DB>,
  actor: Actor,
  input: { year: number; cells: { cell: string; value: number | null }[]; source: string },
  clock: Clock,
): Promise<void> {
  requireReportEditor(actor)
  const priorYear = input.year - 1
  const allowed = new Set(priorCellKeys(await currentFormat(db, priorYear)))
  for (const c of input.cells) {
    if (!allowed.has(c.cell)) {
      throw new AppError('VALIDATION', `上年度数据不包含单元格 ${c.cell}`)
    }
    if (c.value !== null && (c.value < 0 || !Number.isInteger(c.value))) {
      throw new AppError('VALIDATION', '上年度的件数应为非负整数')
    }
  }
  if ((await loadDraft(db, priorYear))?.tables_json) {
    throw new AppError(
      'CONFLICT',
      `${priorYear} 年度报告已在本系统发布，上年数据以已发布的报告为准，不能另行录入`,
    )
  }
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    for (const c of input.cells) {
      await trx
        .deleteFrom('report_prior_figures')
        .where('year', '=', priorYear)
        .where('cell', '=', c.cell)
        .execute()
      if (c.value === null) continue
      await trx
        .insertInto('report_prior_figures')
        .values({
          year: priorYear,
          cell: c.cell,
          value: c.value,
          source: input.source.trim(),
          updated_at: at,
          updated_by_name: actor.displayName,
        })
        .execute()
    }
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'report.prior',
        target: `report:${input.year}`,
        detail: { year: priorYear, cells: input.cells.length, source: input.source },
      },
      clock,
    )
  })
}

/** Saves edited section text (with its live fields); a section equal to the draft stays generated. */
export async function saveSections(
  db: Kysely<DB>,
  actor: Actor,
  input: { year: number; sections: Partial<Record<NarrativeSectionKey, string>> },
  clock: Clock,
): Promise<void> {
  requireReportEditor(actor)
  const draft = await loadDraft(db, input.year)
  const stored = JSON.parse(draft?.sections_json ?? '{}') as Record<string, string>
  for (const k of NARRATIVE_SECTIONS) {
    const text = input.sections[k]
    if (text !== undefined) stored[k] = text.replace(/\r\n?/g, '\n')
  }
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await upsertDraft(
      trx,
      input.year,
      { format: draft?.format ?? formatForYear(input.year), sections_json: JSON.stringify(stored) },
      at,
      actor.displayName,
    )
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'report.sections',
        target: `report:${input.year}`,
        detail: { sections: Object.keys(input.sections).join(',') },
      },
      clock,
    )
  })
}

/** Back to the generated draft of one section. */
export async function resetSection(
  db: Kysely<DB>,
  actor: Actor,
  input: { year: number; section: NarrativeSectionKey },
  clock: Clock,
): Promise<void> {
  requireReportEditor(actor)
  const draft = await loadDraft(db, input.year)
  if (!draft) return
  const stored = JSON.parse(draft.sections_json) as Record<string, string>
  delete stored[input.section]
  await upsertDraft(
    db,
    input.year,
    { format: draft.format, sections_json: JSON.stringify(stored) },
    clock().toISOString(),
    actor.displayName,
  )
}

/** Chooses the layout (2021 format by default; ≤2020 the 2019 trial format). */
export async function setFormat(
  db: Kysely<DB>,
  actor: Actor,
  input: { year: number; format: ReportFormatId },
  clock: Clock,
): Promise<void> {
  requireReportEditor(actor)
  await db.transaction().execute(async (trx) => {
    await upsertDraft(
      trx,
      input.year,
      { format: input.format },
      clock().toISOString(),
      actor.displayName,
    )
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'report.format',
        target: `report:${input.year}`,
        detail: { format: input.format },
      },
      clock,
    )
  })
}
