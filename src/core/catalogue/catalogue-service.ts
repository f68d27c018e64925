import type { Kysely } from 'kysely'
import type { CatalogueColumn, CatalogueEntry } from '../../shared/catalogue/types'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { CatalogueEntryRow } from '../db/tables/drafting'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { loadWorkCalendar } from '../calendar/load'
import { computeDueDate } from '../items/due-date'
import { requireCatalogueEditor } from '../items/permissions'
import { describeRule, parseTimeLimit } from './time-limit'
import { auditActor } from '../accounts/actor'

/** The editable columns of an entry (what the screen and the spreadsheet carry). */
export type CatalogueFields = Pick<CatalogueEntry, Exclude<CatalogueColumn, 'seq'>> & {
  seq?: number
}

function toEntry(row: CatalogueEntryRow, itemCount: number): CatalogueEntry {
  const rule =
    row.rule_unit && row.rule_count ? { unit: row.rule_unit, count: row.rule_count } : null
  return {
    id: row.id,
    seq: row.seq,
    level1: row.level1,
    level2: row.level2,
    content: row.content,
    basis: row.basis,
    timeLimit: row.time_limit,
    subject: row.subject,
    channels: row.channels,
    audience: row.audience,
    method: row.method,
    level: row.level,
    rule,
    ruleText: describeRule(row.time_limit, rule),
    itemCount,
    updatedAt: row.updated_at,
  }
}

/** Every entry in 序号 order, with how many items are filed under each (one grouped query). */
export async function listCatalogue(db: Kysely<DB>): Promise<CatalogueEntry[]> {
  const rows = await db
    .selectFrom('catalogue_entries')
    .selectAll()
    .orderBy('seq')
    .orderBy('level1')
    .execute()
  const counts = await db
    .selectFrom('items')
    .select(['catalogue_entry_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('catalogue_entry_id', 'is not', null)
    .groupBy('catalogue_entry_id')
    .execute()
  const byId = new Map(counts.map((c) => [c.catalogue_entry_id, Number(c.n)]))
  return rows.map((r) => toEntry(r, byId.get(r.id) ?? 0))
}

/** Column values for a row from the fields (the 时限 parsed once, here). */
export function entryColumns(fields: CatalogueFields) {
  const rule = parseTimeLimit(fields.timeLimit)
  return {
    level1: fields.level1,
    level2: fields.level2,
    content: fields.content,
    basis: fields.basis,
    time_limit: fields.timeLimit,
    subject: fields.subject,
    channels: fields.channels,
    audience: fields.audience,
    method: fields.method,
    level: fields.level,
    rule_unit: rule?.unit ?? null,
    rule_count: rule?.count ?? null,
  }
}

/** Recomputes the due dates of the items under an entry after its 时限 changed. */
export async function refreshDueDates(db: Kysely<DB>, entryId: string): Promise<void> {
  const items = await db
    .selectFrom('items')
    .select(['id', 'signed_date', 'catalogue_entry_id'])
    .where('catalogue_entry_id', '=', entryId)
    .execute()
  const cal = await loadWorkCalendar(db)
  for (const item of items) {
    const due = await computeDueDate(
      db,
      { catalogueEntryId: entryId, signedDate: item.signed_date },
      cal,
    )
    await db.updateTable('items').set({ due_date: due }).where('id', '=', item.id).execute()
  }
}

/** Creates or updates one entry (officers and administrators); audited; keeps 一级+二级 unique. */
export async function saveCatalogueEntry(
  db: Kysely<DB>,
  actor: Actor,
  input: CatalogueFields & { id?: string },
  clock: Clock,
  ids: IdSource,
): Promise<CatalogueEntry> {
  requireCatalogueEditor(actor)
  const id = await db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('catalogue_entries')
      .select('id')
      .where('level1', '=', input.level1)
      .where('level2', '=', input.level2)
      .executeTakeFirst()
    if (clash && clash.id !== input.id) {
      throw new AppError(
        'CONFLICT',
        `目录中已有「${input.level1} / ${input.level2}」，请修改已有条目或换一个事项名称`,
      )
    }
    const now = clock().toISOString()
    const columns = entryColumns(input)
    const actorRef = auditActor(actor)
    if (input.id === undefined) {
      const max = await trx
        .selectFrom('catalogue_entries')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirst()
      const newId = ids()
      const row = {
        ...columns,
        id: newId,
        seq: input.seq ?? (max?.m ?? 0) + 1,
        created_at: now,
        updated_at: now,
      }
      await trx.insertInto('catalogue_entries').values(row).execute()
      await appendAudit(
        trx,
        {
          actor: actorRef,
          action: 'catalogue.create',
          target: `catalogue:${newId}`,
          after: row,
          detail: { level1: input.level1, level2: input.level2 },
        },
        clock,
      )
      return newId
    }
    const before = await trx
      .selectFrom('catalogue_entries')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', '目录条目不存在或已被删除，请刷新后重试')
    const after = { ...before, ...columns, seq: input.seq ?? before.seq, updated_at: now }
    await trx.updateTable('catalogue_entries').set(after).where('id', '=', input.id).execute()
    if (before.time_limit !== after.time_limit) await refreshDueDates(trx, input.id)
    await appendAudit(
      trx,
      {
        actor: actorRef,
        action: 'catalogue.update',
        target: `catalogue:${input.id}`,
        before,
        after,
        detail: { level1: input.level1, level2: input.level2 },
      },
      clock,
    )
    return input.id
  })
  const entry = (await listCatalogue(db)).find((e) => e.id === id)
  if (!entry) throw new AppError('NOT_FOUND', '目录条目不存在或已被删除，请刷新后重试')
  return entry
}

/** Deletes an entry; refused while items are filed under it (they would lose their due date). */
export async function deleteCatalogueEntry(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<void> {
  requireCatalogueEditor(actor)
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('catalogue_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', '目录条目不存在或已被删除，请刷新后重试')
    const used = await trx
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('catalogue_entry_id', '=', id)
      .executeTakeFirst()
    if (Number(used?.n ?? 0) > 0) {
      throw new AppError(
        'CONFLICT',
        `有 ${Number(used?.n)} 个条目归在「${before.level1} / ${before.level2}」下，请先把它们改到其他目录事项再删除`,
      )
    }
    await trx.deleteFrom('catalogue_entries').where('id', '=', id).execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'catalogue.delete',
        target: `catalogue:${id}`,
        before,
        detail: { level1: before.level1, level2: before.level2 },
      },
      clock,
    )
  })
}
