import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { ReportDraftRow } from '../db/tables/report'

/** Query functions of the annual report (kysely, `db` first; no rules here). */

export async function loadDraft(db: Kysely<DB>, year: number): Promise<ReportDraftRow | undefined> {
  return db.selectFrom('report_drafts').selectAll().where('year', '=', year).executeTakeFirst()
}

export interface FigureRow {
  cell: string
  value: number
  source: string
  updated_at: string
  updated_by_name: string | null
}

export async function listFigures(db: Kysely<DB>, year: number): Promise<FigureRow[]> {
  return db
    .selectFrom('report_figures')
    .select(['cell', 'value', 'source', 'updated_at', 'updated_by_name'])
    .where('year', '=', year)
    .execute()
}

export async function listPriorFigures(db: Kysely<DB>, year: number): Promise<FigureRow[]> {
  return db
    .selectFrom('report_prior_figures')
    .select(['cell', 'value', 'source', 'updated_at', 'updated_by_name'])
    .where('year', '=', year)
    .execute()
}

export async function upsertDraft(
  db: Kysely<DB>,
  year: number,
  patch: Partial<Omit<ReportDraftRow, 'year' | 'created_at'>> & { format: '2021' | '2019' },
  at: string,
  byName: string | null,
): Promise<void> {
  await db
    .insertInto('report_drafts')
    .values({
      year,
      format: patch.format,
      sections_json: patch.sections_json ?? '{}',
      item_id: patch.item_id ?? null,
      tables_json: patch.tables_json ?? null,
      published_hash: patch.published_hash ?? null,
      sent_hash: patch.sent_hash ?? null,
      narrative_json: patch.narrative_json ?? null,
      published_revision: patch.published_revision ?? null,
      created_at: at,
      updated_at: at,
      updated_by_name: byName,
    })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ ...patch, updated_at: at, updated_by_name: byName }),
    )
    .execute()
}

export async function departmentName(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('department').select('name').executeTakeFirst()
  return row?.name ?? ''
}
