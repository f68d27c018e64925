import type { Kysely } from 'kysely'
import type { ScheduleTaskView } from '../../shared/schedule/types'
import { EVIDENCE_STATE_LABELS } from '../../shared/schedule/labels'
import { getDepartment } from '../accounts/department'
import { localDateKey, type Clock } from '../clock'
import type { DB } from '../db/schema'
import { chineseDate } from '../documents'
import type { SheetSpec } from '../spreadsheet'
import { writeSpreadsheetInWorker } from '../workers'
import { listTaskViews } from './repository'

/** Which tasks go into the 配档表: the department's own (责任单位 names it) or all of the year's. */
export type ExportScope = 'own' | 'all'

/** Export header names; the importer reads every one of them back (export → import round trip). */
// Widths in characters, about 170 in all: fitted to one A4 landscape page wide at a readable size.
const COLUMNS = [
  { header: '序号', width: 5, align: 'center' as const },
  { header: '重点任务', width: 12 },
  { header: '具体任务', width: 24 },
  { header: '责任单位', width: 11 },
  { header: '完成时限', width: 10 },
  { header: '具体措施', width: 22 },
  { header: '公开内容/载体', width: 11 },
  { header: '责任科室', width: 8 },
  { header: '责任人', width: 7 },
  { header: '进展情况', width: 22 },
  { header: '完成情况', width: 15 },
  { header: '佐证材料', width: 15 },
  { header: '备注', width: 8 },
]
const GROUPS = [
  null,
  '区重点工作分解',
  '区重点工作分解',
  '区重点工作分解',
  '区重点工作分解',
  '本单位落实情况',
  '本单位落实情况',
  '本单位落实情况',
  '本单位落实情况',
  '本单位落实情况',
  '本单位落实情况',
  '本单位落实情况',
  '本单位落实情况',
]

/** One printed row of a task. */
function taskRow(t: ScheduleTaskView): (string | null)[] {
  const measures =
    t.measures.length > 1
      ? t.measures.map((m, i) => `${i + 1}.${m.text}`)
      : t.measures.map((m) => m.text)
  const progress = [...t.progress].reverse().map((p) => `${p.date}：${p.text}`)
  return [
    t.number,
    t.category,
    t.requirement,
    t.leadUnit,
    t.deadline.text,
    measures.join('\n'),
    t.disclosureContent,
    t.sectionOffice,
    t.owner,
    progress.join('\n'),
    t.completedOn ? `${t.completedOn}：${t.completion}` : t.completion,
    t.evidence.map((e) => `${e.title}（${EVIDENCE_STATE_LABELS[e.state]}）`).join('\n'),
    t.note,
  ]
}

/** The 配档表 as a sheet spec: title, 填报单位/日期 line, two-row header, category cells merged. */
export async function scheduleSheet(
  db: Kysely<DB>,
  year: number,
  clock: Clock,
  scope: ExportScope,
): Promise<{ spec: SheetSpec; count: number }> {
  const today = localDateKey(clock())
  const all = await listTaskViews(db, year, today)
  const tasks = scope === 'own' ? all.filter((t) => t.own) : all
  const department = (await getDepartment(db))?.name ?? ''
  const rows: (string | null)[][] = []
  const spanRows: number[] = []
  let section = ''
  for (const t of tasks) {
    if (t.section !== '' && t.section !== section) {
      // A section heading 「一、…」 across the whole table (the importer reads it back as one).
      spanRows.push(rows.length)
      rows.push([t.section, '', '', '', '', '', '', '', '', '', '', '', ''])
    }
    section = t.section
    rows.push(taskRow(t))
  }
  const spec: SheetSpec = {
    name: `${year}年工作配档表`,
    title: `${department}${year}年政务公开工作配档表`,
    subtitle: `填报单位：${department}\u3000\u3000\u3000填报日期：${chineseDate(today) ?? today}`,
    columns: COLUMNS,
    headerGroups: GROUPS,
    mergeDown: [1],
    spanRows,
    fonts: { body: '仿宋', header: '黑体', title: '黑体' },
    rows,
    notes: [
      `注：共 ${tasks.length} 项任务；完成时限为空或写「持续推进」等的，不计逾期。佐证材料括号内为导出时的公开状态。`,
    ],
  }
  return { spec, count: tasks.length }
}

/** Writes the 配档表 .xlsx (A4 landscape, header repeated, page numbers); returns the bytes. */
export async function exportScheduleXlsx(
  db: Kysely<DB>,
  year: number,
  clock: Clock,
  scope: ExportScope = 'own',
): Promise<{ bytes: Buffer; count: number }> {
  const { spec, count } = await scheduleSheet(db, year, clock, scope)
  return { bytes: await writeSpreadsheetInWorker({ sheets: [spec] }), count }
}
