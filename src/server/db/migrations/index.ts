import type { Migration, MigrationProvider } from 'kysely'
import * as m0001 from './2026_11_26_0001_server_foundation'
import * as m0080 from './2026_12_01_0080_department_token_expiry'
import * as m0090 from './2026_12_01_0090_audit_anchors'
import * as m0100 from './2026_12_01_0100_audit_anchor_epochs'
import * as m0150 from './2026_12_01_0150_schedule'
import * as m0151 from './2026_12_01_0151_district_accounts'
import * as m0152 from './2026_12_01_0152_district_calendar'
import * as m0170 from './2026_12_01_0170_reports'
import * as m0200 from './2026_12_01_0200_consultations'
import * as m0210 from './2026_12_01_0210_attachment_uploads'
import * as m0211 from './2026_12_01_0211_rate_limit_counters'
import * as m0240 from './2026_12_01_0240_rate_limit_window'
import * as m0250 from './2026_12_01_0250_upload_expiry'
import * as m0260 from './2026_12_01_0260_item_attachments_backfill'
import * as m0270 from './2026_12_01_0270_consultation_type_result_contact'
import * as m0280 from './2026_12_01_0280_upload_quota_index'

/**
 * The server's migrations, imported statically (kysely issue #23). Separate from the desktop
 * store's list: the two databases never share a file. Append new ones with a later date prefix.
 */
export const SERVER_MIGRATIONS: Record<string, Migration> = {
  '2026_11_26_0001_server_foundation': m0001,
  '2026_12_01_0080_department_token_expiry': m0080,
  '2026_12_01_0090_audit_anchors': m0090,
  '2026_12_01_0100_audit_anchor_epochs': m0100,
  '2026_12_01_0150_schedule': m0150,
  '2026_12_01_0151_district_accounts': m0151,
  '2026_12_01_0152_district_calendar': m0152,
  '2026_12_01_0170_reports': m0170,
  '2026_12_01_0200_consultations': m0200,
  '2026_12_01_0210_attachment_uploads': m0210,
  '2026_12_01_0211_rate_limit_counters': m0211,
  '2026_12_01_0240_rate_limit_window': m0240,
  '2026_12_01_0250_upload_expiry': m0250,
  '2026_12_01_0260_item_attachments_backfill': m0260,
  '2026_12_01_0270_consultation_type_result_contact': m0270,
  '2026_12_01_0280_upload_quota_index': m0280,
}

/** kysely's MigrationProvider over the static list above. */
export const serverMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(SERVER_MIGRATIONS),
}
