import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import {
  ACTIVITY_CHANNEL_LABELS,
  ACTIVITY_PLAN_COLUMNS,
  OPINION_ADOPTION_LABELS,
} from '../../shared/activities/labels'
import type { ExportResult } from '../../shared/schedule/types'
import type { Actor } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { appendAudit } from '../audit/append'
import { localDateKey, type Clock } from '../clock'
import type { DB } from '../db/schema'
import { chineseDate } from '../documents'
import { writeExport } from '../schedule/schedule-files'
import type { SheetSpec } from '../spreadsheet'
import { writeSpreadsheetInWorker } from '../workers'
import { listActivities } from './activities-service'
import { auditActor } from '../accounts/actor'

const WIDTHS = [6, 16, 24, 14, 14, 12, 30, 20, 14, 8, 14, 10]
const FONTS = { body: '仿宋', header: '黑体', title: '黑体' }

/**
 * The 政府开放活动计划安排报送表 (.xlsx, the same print-ready style as the 配档表): sheet 1 the
 * plan in the form's columns, sheet 2 what happened at each held activity with the opinions and
 * their 采纳情况.
 */
export async function exportActivitiesXlsx(
  db: Kysely<DB>,
  year: number,
  clock: Clock,
): Promise<{ bytes: Buffer; count: number }> {
  const list = await listActivities(db, year)
  const department = (await getDepartment(db))?.name ?? ''
  const today = localDateKey(clock())
  const plan: SheetSpec = {
    name: '计划安排',
    title: `${year}年政府开放活动计划安排报送表`,
    subtitle: `填报单位：${department}\u3000\u3000\u3000填报日期：${chineseDate(today) ?? today}`,
    columns: ACTIVITY_PLAN_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] ?? 12 })),
    fonts: FONTS,
    rows: list.map((a, i) => [
      i + 1,
      a.unitName,
      a.title,
      [a.plannedDate ? (chineseDate(a.plannedDate) ?? a.plannedDate) : '', a.plannedTimeText]
        .filter((t) => t !== '')
        .join(' '),
      a.location,
      `${a.form}（${ACTIVITY_CHANNEL_LABELS[a.channel]}）`,
      a.content,
      [a.invitees, a.inviteeCount !== null ? `${a.inviteeCount}人` : '']
        .filter((t) => t)
        .join('，'),
      a.signup,
      a.contact,
      a.phone,
      a.note,
    ]),
  }
  const held = list.filter((a) => a.heldOn !== null)
  const record: SheetSpec = {
    name: '开展情况',
    title: `${year}年政府开放活动开展情况`,
    columns: [
      { header: '序号', width: 6 },
      { header: '活动名称/主题', width: 22 },
      { header: '开展日期', width: 14 },
      { header: '开展情况', width: 36 },
      { header: '参加人员及人数', width: 20 },
      { header: '意见建议', width: 30 },
      { header: '采纳情况', width: 10 },
      { header: '答复及理由', width: 30 },
    ],
    mergeDown: [0, 1, 2, 3, 4],
    fonts: FONTS,
    rows: held.flatMap((a, i) => {
      const base = [
        i + 1,
        a.title,
        a.heldOn ?? '',
        a.summary,
        [a.participants, a.participantCount !== null ? `${a.participantCount}人` : '']
          .filter((t) => t)
          .join('，'),
      ]
      if (a.opinions.length === 0) return [[...base, '（未收到意见建议）', '', '']]
      return a.opinions.map((o) => [
        ...base,
        o.opinion,
        OPINION_ADOPTION_LABELS[o.adoption],
        o.response,
      ])
    }),
  }
  const bytes = await writeSpreadsheetInWorker({ sheets: [plan, record] })
  return { bytes, count: list.length }
}

/** Writes the 报送表 to `file` and audits it (actor null: the CLI). */
export async function exportActivitiesFile(
  db: Kysely<DB>,
  actor: Actor | null,
  year: number,
  file: string,
  clock: Clock,
): Promise<ExportResult> {
  const { bytes, count } = await exportActivitiesXlsx(db, year, clock)
  await writeExport(file, bytes)
  await appendAudit(
    db,
    {
      actor: actor ? auditActor(actor) : null,
      action: 'activity.export',
      target: `activities:${year}`,
      detail: { file: basename(file), year, count },
    },
    clock,
  )
  return { file, count }
}
