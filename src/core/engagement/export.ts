import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import {
  COMMENT_DECISION_LABELS,
  COMMENT_EXPORT_COLUMNS,
  COMMENTER_TYPE_LABELS,
  CONSULTATION_CHANNEL_LABELS,
  QA_EXPORT_COLUMNS,
  QA_STATE_LABELS,
} from '../../shared/engagement/labels'
import type { ExportResult, QaView } from '../../shared/engagement/types'
import { auditActor, type Actor } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { appendAudit } from '../audit/append'
import { localDateTimeText, type Clock } from '../clock'
import type { DB } from '../db/schema'
import { writeExport } from '../schedule/schedule-files'
import type { SheetSpec, SheetValue } from '../spreadsheet'
import { writeSpreadsheetInWorker } from '../workers'
import { listComments } from './comments'
import { loadConsultationRow } from './consultations'
import { listQa } from './qa'

/**
 * The comment list of a consultation as .xlsx (export-comments): every comment as text — a
 * commenter's `=HYPERLINK(…)`, `+SUM…`, `@SUM…` is a shared-string cell, never a formula, which
 * Excel and WPS open as text. The text is not prefixed or otherwise "neutralised": the sheet is
 * the record of what was said (a CSV, which would compute it, is never written). Without the
 * contact (masked data stays in the desk; names are not exported either: the sheet travels).
 */
export async function commentsSheet(db: Kysely<DB>, consultationId: string): Promise<SheetSpec> {
  const c = await loadConsultationRow(db, consultationId)
  const list = await listComments(db, consultationId)
  const groupNo = new Map(
    list.groups.map((g, i) => [g.id, `第 ${i + 1} 组（${g.commentIds.length} 条）`]),
  )
  const rows: SheetValue[][] = list.comments.map((m, i) => [
    i + 1,
    m.receiptNo,
    localDateTimeText(m.receivedAt),
    CONSULTATION_CHANNEL_LABELS[m.channel],
    COMMENTER_TYPE_LABELS[m.commenterType],
    m.paragraphNo === null ? '总体' : `第${m.paragraphNo}段`,
    m.body,
    m.groupId ? (groupNo.get(m.groupId) ?? '') : '',
    m.decision ? COMMENT_DECISION_LABELS[m.decision] : '未处理',
    m.reason,
    m.decisionParagraphNo === null ? '' : `第${m.decisionParagraphNo}段`,
    m.changedRevision === null ? '' : `第${m.changedRevision}版`,
  ])
  return {
    name: '意见汇总',
    title: `${c.title}意见汇总表`,
    columns: COMMENT_EXPORT_COLUMNS.map((header, i) => ({
      header,
      width: [6, 16, 16, 10, 12, 10, 50, 14, 12, 36, 12, 10][i] ?? 12,
    })),
    rows,
  }
}

/** Writes the comment list to `file` and audits it (actor null: the CLI). */
export async function exportCommentsFile(
  db: Kysely<DB>,
  actor: Actor | null,
  consultationId: string,
  file: string,
  clock: Clock,
): Promise<ExportResult> {
  const sheet = await commentsSheet(db, consultationId)
  await writeExport(file, await writeSpreadsheetInWorker({ sheets: [sheet] }))
  await appendAudit(
    db,
    {
      actor: actor ? auditActor(actor) : null,
      action: 'consultation.comments_export',
      target: `consultation:${consultationId}`,
      detail: { file: basename(file), count: sheet.rows.length },
    },
    clock,
  )
  return { path: file, rows: sheet.rows.length }
}

/** One Q&A entry as a row of QA_EXPORT_COLUMNS. */
export function qaRow(q: QaView, i: number, department: string): SheetValue[] {
  return [
    i + 1,
    q.question,
    q.answer,
    q.policy.title,
    '',
    q.interpretation?.title ?? '',
    department,
    q.validFrom ?? '',
    q.validTo ?? '',
    q.keywords,
    q.flag ?? QA_STATE_LABELS[q.state],
  ]
}

/** The department's Q&A base as .xlsx (export-qa), flagged entries marked. */
export async function exportQaFile(
  db: Kysely<DB>,
  actor: Actor | null,
  file: string,
  clock: Clock,
): Promise<ExportResult> {
  const department = (await getDepartment(db))?.name ?? ''
  const list = await listQa(db, clock)
  const docNumbers = new Map(
    (
      await db
        .selectFrom('items')
        .select(['id', 'doc_number'])
        .where('id', 'in', list.length ? list.map((q) => q.policy.id) : [''])
        .execute()
    ).map((r) => [r.id, r.doc_number]),
  )
  const rows = list.map((q, i) => {
    const row = qaRow(q, i, department)
    row[4] = docNumbers.get(q.policy.id) ?? ''
    return row
  })
  const sheet: SheetSpec = {
    name: '政策问答库',
    title: `${department}政策问答库`,
    columns: QA_EXPORT_COLUMNS.map((header, i) => ({
      header,
      width: [6, 30, 50, 26, 20, 24, 16, 12, 12, 16, 20][i] ?? 12,
    })),
    rows,
  }
  await writeExport(file, await writeSpreadsheetInWorker({ sheets: [sheet] }))
  await appendAudit(
    db,
    {
      actor: actor ? auditActor(actor) : null,
      action: 'qa.export',
      target: 'qa:all',
      detail: { file: basename(file), count: rows.length },
    },
    clock,
  )
  return { path: file, rows: rows.length }
}
