import type { Kysely } from 'kysely'
import type { AppSettings } from '../../shared/settings/types'
import type { Actor } from '../accounts/actor'
import { requireRole, auditActor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { settingsPatchSchema } from '../../shared/settings/schemas'

/** Defaults for every setting; a missing row means "default". */
export const DEFAULT_SETTINGS: AppSettings = {
  lockAfterMinutes: 15,
  autoBackupEnabled: true,
  autoBackupKeep: 7,
  // After 5 wrong passwords in a row the account is locked for 15 minutes (issue 10).
  maxFailedLogins: 5,
  lockoutMinutes: 15,
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[]

/** How the settings page names each setting (the audit labels use the same words). */
const SETTING_LABELS: Record<string, string> = {
  lockAfterMinutes: '无操作自动锁定分钟数',
  autoBackupKeep: '保留自动备份份数',
  maxFailedLogins: '连续输错密码次数上限',
  lockoutMinutes: '账户锁定分钟数',
}

/** Reads all settings, falling back to defaults for missing or unreadable rows. */
export async function readSettings(db: Kysely<DB>): Promise<AppSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute()
  const settings: AppSettings = { ...DEFAULT_SETTINGS }
  for (const row of rows) {
    if (!(KEYS as string[]).includes(row.key)) continue
    const key = row.key as keyof AppSettings
    try {
      const value: unknown = JSON.parse(row.value_json)
      if (typeof value === typeof DEFAULT_SETTINGS[key]) {
        ;(settings as unknown as Record<string, unknown>)[key] = value
      }
    } catch {
      // A damaged value falls back to its default rather than locking the officer out.
    }
  }
  return settings
}

/** Settings for any logged-in user (the caller has already checked there is a session). */
export async function getSettings(db: Kysely<DB>, _actor: Actor): Promise<AppSettings> {
  return readSettings(db)
}

/** Changes settings; administrators only; audited with the before/after values. */
export async function updateSettings(
  db: Kysely<DB>,
  actor: Actor,
  patch: Partial<AppSettings>,
  clock: Clock,
): Promise<AppSettings> {
  requireRole(actor, 'admin')
  // Checked here too (not only at the IPC boundary): an out-of-range value is refused with its
  // range, never clamped while saying 设置已保存.
  const parsed = settingsPatchSchema.safeParse(patch)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    }))
    const first = issues[0]
    throw new AppError(
      'VALIDATION',
      first ? `${SETTING_LABELS[first.path] ?? first.path}${first.message}` : '设置有误',
      issues,
    )
  }
  return db.transaction().execute(async (trx) => {
    const before = await readSettings(trx)
    const after: AppSettings = { ...before }
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const key of KEYS) {
      const value = patch[key]
      if (value === undefined || value === before[key]) continue
      ;(after as unknown as Record<string, unknown>)[key] = value
      changes[key] = { from: before[key], to: value }
    }
    if (Object.keys(changes).length === 0) return before
    const now = clock().toISOString()
    for (const key of Object.keys(changes)) {
      const value_json = JSON.stringify(after[key as keyof AppSettings])
      await trx
        .insertInto('settings')
        .values({ key, value_json, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }))
        .execute()
    }
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'settings.update',
        target: 'settings',
        before,
        after,
        detail: { changes },
      },
      clock,
    )
    return after
  })
}
