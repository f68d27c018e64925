import type { Kysely } from 'kysely'
import {
  DEFAULT_ATTACHMENT_MAX_MB,
  DEFAULT_INDEX_PATTERN,
  type DraftingSettings,
} from '../../shared/catalogue/types'
import { checkIndexPattern, formatIndexNumber } from '../../shared/index-pattern'
import type { Actor } from '../accounts/actor'
import { requireRole, auditActor } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'

/** Keys in the `settings` table (namespaced; the foundation's settings ignore unknown keys). */
const KEYS = { indexPattern: 'drafting.indexPattern', attachmentMaxMb: 'drafting.attachmentMaxMb' }

type Stored = Omit<DraftingSettings, 'indexPatternExample'>

/** Reads the drafting settings, falling back to defaults for missing or unusable values. */
export async function readDraftingSettings(db: Kysely<DB>): Promise<Stored> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value_json'])
    .where('key', 'in', Object.values(KEYS))
    .execute()
  const value = (key: string): unknown => {
    const row = rows.find((r) => r.key === key)
    try {
      return row ? (JSON.parse(row.value_json) as unknown) : undefined
    } catch {
      return undefined
    }
  }
  const pattern = value(KEYS.indexPattern)
  const maxMb = value(KEYS.attachmentMaxMb)
  return {
    indexPattern:
      typeof pattern === 'string' && checkIndexPattern(pattern).ok
        ? pattern
        : DEFAULT_INDEX_PATTERN,
    attachmentMaxMb:
      typeof maxMb === 'number' && Number.isInteger(maxMb) && maxMb > 0
        ? maxMb
        : DEFAULT_ATTACHMENT_MAX_MB,
  }
}

/** The settings with a preview of the 索引号 pattern for today and sequence 1. */
export async function getDraftingSettings(db: Kysely<DB>, clock: Clock): Promise<DraftingSettings> {
  const stored = await readDraftingSettings(db)
  const org = (await getDepartment(db))?.orgCode ?? '统一社会信用代码'
  return {
    ...stored,
    indexPatternExample: formatIndexNumber(stored.indexPattern, { org, date: clock(), seq: 1 }),
  }
}

/** Changes drafting settings; administrators only; audited with before/after values. */
export async function updateDraftingSettings(
  db: Kysely<DB>,
  actor: Actor,
  patch: Partial<Stored>,
  clock: Clock,
): Promise<DraftingSettings> {
  requireRole(actor, 'admin')
  await db.transaction().execute(async (trx) => {
    const before = await readDraftingSettings(trx)
    const after: Stored = { ...before, ...definedOnly(patch) }
    if (
      after.indexPattern === before.indexPattern &&
      after.attachmentMaxMb === before.attachmentMaxMb
    )
      return
    const now = clock().toISOString()
    for (const key of Object.keys(KEYS) as (keyof Stored)[]) {
      const value_json = JSON.stringify(after[key])
      await trx
        .insertInto('settings')
        .values({ key: KEYS[key], value_json, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }))
        .execute()
    }
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'drafting.settings_update',
        target: 'settings:drafting',
        before,
        after,
        detail: { changes: { from: before, to: after } },
      },
      clock,
    )
  })
  return getDraftingSettings(db, clock)
}

function definedOnly(patch: Partial<Stored>): Partial<Stored> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
}
