import type { Insertable, Selectable } from 'kysely'

/** `meta`: key/value facts about the database file itself (app id, versions, audit head). */
export interface MetaTable {
  key: string
  value: string
}
export type MetaRow = Selectable<MetaTable>
export type NewMetaRow = Insertable<MetaTable>

/** Marks a SQLite file as ours, so a restore refuses some other program's database. */
export const APP_ID = 'disclosure-desk'

export const META_KEYS = {
  appId: 'app_id',
  /** The app version that created the file. */
  createdByVersion: 'created_by_version',
  /** The app version that last opened (and migrated) the file. */
  appVersion: 'app_version',
  /** `<seq>:<hash>` of the newest audit entry: lets verify notice a deleted tail. */
  auditHead: 'audit_head',
} as const
