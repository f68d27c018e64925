import type { Selectable } from 'kysely'

/** `settings`: one row per setting, the value as JSON; missing keys fall back to defaults. */
export interface SettingsTable {
  key: string
  value_json: string
  updated_at: string
}
export type SettingRow = Selectable<SettingsTable>
