import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import canonicalize from 'canonicalize'
import type { Actor } from '../accounts/actor'
import { auditActor } from '../accounts/actor'
import { addAttachment, removeAttachment } from '../attachments/attachments-service'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { EventBus } from '../events/bus'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { loadItemRow } from '../items/items-repo'
import { officeToday } from '../requests/office-day'
import { saveGeneratedItem } from '../items/save-item'
import { buildDocxInWorker, writeSpreadsheetInWorker } from '../workers'
import {
  NARRATIVE_SECTIONS,
  REPORT_SECTION_HEADINGS,
  REPORT_SECTION_KEYS,
  TABLE_SECTIONS,
  type NarrativeSectionKey,
  type ReportTableKey,
  type ReportTables,
} from '../../shared/report/format'
import { REPORT_GENRE } from '../../shared/report/labels'
import type { ReportView } from '../../shared/report/types'
import { placedTable, reportDocument, reportWorkbook } from './export'
import { upsertDraft } from './repository'
import { loadReport } from './service'
import { escapeText, textParagraphs } from '../html/html-text'

/** A table as HTML with the official header spans (the item's body; the district site shows it). */
function tableHtml(tables: ReportTables, table: ReportTableKey): string {
  const t = placedTable(tables, table)
  const rows: string[] = []
  for (let r = 0; r < t.rows; r++) {
    const cells = t.cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.col - b.col)
      .map((c) => {
        const tag = c.role === 'value' ? 'td' : c.role === 'row' ? 'td' : 'th'
        const span =
          (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '') +
          (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '')
        return `<${tag}${span}>${escapeText(c.text)}</${tag}>`
      })
    rows.push(`<tr>${cells.join('')}</tr>`)
  }
  return `<table><tbody>${rows.join('')}</tbody></table>`
}

/** The report as the item's body: the six sections, narrative paragraphs and the three tables. */
export function reportHtml(view: Pick<ReportView, 'tables' | 'rendered'>): string {
  const tableOf = Object.fromEntries(
    (Object.entries(TABLE_SECTIONS) as [ReportTableKey, string][]).map(([t, s]) => [s, t]),
  ) as Record<string, ReportTableKey | undefined>
  const parts: string[] = []
  for (const section of REPORT_SECTION_KEYS) {
    parts.push(`<h2>${escapeText(REPORT_SECTION_HEADINGS[section])}</h2>`)
    if ((NARRATIVE_SECTIONS as readonly string[]).includes(section)) {
      parts.push(textParagraphs(view.rendered[section as NarrativeSectionKey]))
    } else {
      const table = tableOf[section]
      if (table) parts.push(tableHtml(view.tables, table))
    }
  }
  return parts.join('')
}

/** sha256 of the tables' canonical JSON (RFC 8785): what the server is sent once. */
export function tablesHash(tables: ReportTables): string {
  return createHash('sha256')
    .update(canonicalize(tables) ?? '')
    .digest('hex')
}

export interface PublishDeps {
  dataDir: string
  clock: Clock
  ids: IdSource
  events: EventBus
}

/**
 * The finished report as a disclosure item (体裁 年度报告, 条例第五十条: published on the portal by
 * 31 January): made or updated through the items service with the report as its body and the .docx
 * and .xlsx attached, so it is an ordinary item that goes through 保密审查 and syncs. The tables as
 * published are kept with the year (the sync extension sends them to the central server as data).
 * Refused while rules fail unless the officer confirmed the listed problems.
 */
export async function publishReport(
  db: Kysely<DB>,
  actor: Actor,
  input: { year: number; confirmProblems: boolean; confirmRevision?: boolean },
  deps: PublishDeps,
): Promise<{ itemId: string; problems: number }> {
  if (!actor.roles.includes('officer')) {
    throw new AppError('FORBIDDEN', '只有起草人可以把年度报告生成公开条目并提交审查')
  }
  const { view } = await loadReport(db, input.year)
  const errors = view.problems.filter((p) => p.severity === 'error')
  if (errors.length > 0 && !input.confirmProblems) {
    throw new AppError(
      'CONFLICT',
      `年度报告还有 ${errors.length} 个问题未解决：${errors
        .slice(0, 3)
        .map((e) => e.message)
        .join('；')}${errors.length > 3 ? ' 等' : ''}。请先修正，或确认后仍然生成`,
      { reason: 'report_problems', problems: errors.length },
    )
  }
  const genre = await db
    .selectFrom('genres')
    .select('id')
    .where('name', '=', REPORT_GENRE)
    .executeTakeFirst()
  const draftRow = await db
    .selectFrom('report_drafts')
    .select(['item_id'])
    .where('year', '=', input.year)
    .executeTakeFirst()
  const existing = draftRow?.item_id ? await loadItemRow(db, draftRow.item_id) : null
  const reuse = existing && existing.status !== 'withdrawn' ? existing : null
  const itemId = await saveGeneratedItem(
    db,
    actor,
    reuse,
    {
      kind: 'other',
      title: view.title,
      bodyHtml: reportHtml(view),
      issuer: view.department,
      docNumber: '无文号',
      signedDate: reuse?.signed_date ?? officeToday(deps.clock),
      plannedPublishDate: reuse?.planned_publish_date ?? `${input.year + 1}-01-31`,
      topicId: reuse?.topic_id ?? null,
      genreId: genre?.id ?? null,
      catalogueEntryId: reuse?.catalogue_entry_id ?? null,
    },
    deps.clock,
    deps.ids,
    deps.events,
    // An approved report's 修订稿 is started only when the officer confirmed it.
    { confirmRevision: input.confirmRevision === true },
  )
  // Files: the .docx and .xlsx replace the previous ones of the report.
  const base = `${view.title}`
  const dir = join(deps.dataDir, 'tmp', `report-${deps.ids()}`)
  mkdirSync(dir, { recursive: true })
  try {
    const docx = await buildDocxInWorker(reportDocument(view))
    const xlsx = await writeSpreadsheetInWorker(reportWorkbook(view))
    const old = await db
      .selectFrom('item_attachments')
      .select(['id', 'name'])
      .where('item_id', '=', itemId)
      .execute()
    for (const a of old) {
      if (a.name === `${base}.docx` || a.name === `${base}.xlsx`) {
        await removeAttachment(db, actor, itemId, a.id, deps.clock, deps.events, true)
      }
    }
    for (const [ext, bytes] of [
      ['docx', docx],
      ['xlsx', xlsx],
    ] as const) {
      const path = join(dir, `${base}.${ext}`)
      writeFileSync(path, bytes)
      await addAttachment(
        db,
        deps.dataDir,
        actor,
        itemId,
        path,
        deps.clock,
        deps.ids,
        deps.events,
        true,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const at = deps.clock().toISOString()
  const tablesJson = JSON.stringify(view.tables)
  // The revision these tables belong to: a re-publication of an approved report is a 修订稿, and its
  // tables go to the district only once it is approved in turn (sync-extension.ts).
  const published = await db
    .selectFrom('items')
    .select('revision')
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow()
  await db.transaction().execute(async (trx) => {
    await upsertDraft(
      trx,
      input.year,
      {
        format: view.format,
        item_id: itemId,
        tables_json: tablesJson,
        narrative_json: JSON.stringify(view.rendered),
        published_hash: tablesHash(view.tables),
        published_revision: published.revision,
      },
      at,
      actor.displayName,
    )
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'report.publish',
        target: `report:${input.year}`,
        detail: { item: itemId, title: view.title, problems: errors.length },
      },
      deps.clock,
    )
  })
  return { itemId, problems: errors.length }
}
