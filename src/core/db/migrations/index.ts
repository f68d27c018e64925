import type { Migration, MigrationProvider } from 'kysely'
import * as m0001 from './2026_11_26_0001_foundation'
import * as m0002 from './2026_11_26_0002_audit_indexes'
import * as m0003 from './2026_11_26_0003_drafting'
import * as m0004 from './2026_11_26_0004_sync_outbox'
import * as m0005 from './2026_11_26_0005_review'
import * as m0006 from './2026_11_26_0006_sync_state'
import * as m0020 from './2026_12_01_0020_review_integrity'
import * as m0040 from './2026_12_01_0040_calendar'
import * as m0050 from './2026_12_01_0050_requests'
import * as m0060 from './2026_12_01_0060_schedule'
import * as m0070 from './2026_12_01_0070_login_throttle'
import * as m0110 from './2026_12_01_0110_working_revisions'
import * as m0140 from './2026_12_01_0140_schedule_sync'
import * as m0160 from './2026_12_01_0160_report'
import * as m0161 from './2026_12_01_0161_report_narrative'
import * as m0162 from './2026_12_01_0162_report_published_revision'
import * as m0190 from './2026_12_01_0190_engagement'
import * as m0230 from './2026_12_01_0230_sync_remote_files'
import * as m0220 from './2026_12_01_0220_qa_review'
import * as m0240 from './2026_12_01_0240_consultation_result_basis'

/**
 * Every migration, imported statically: bundlers cannot read a migrations folder at run time
 * (kysely issue #23). Add new ones at the end with a later date prefix; never edit a released one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_26_0001_foundation': m0001,
  '2026_11_26_0002_audit_indexes': m0002,
  '2026_11_26_0003_drafting': m0003,
  '2026_11_26_0004_sync_outbox': m0004,
  '2026_11_26_0005_review': m0005,
  '2026_11_26_0006_sync_state': m0006,
  '2026_12_01_0020_review_integrity': m0020,
  '2026_12_01_0040_calendar': m0040,
  '2026_12_01_0050_requests': m0050,
  '2026_12_01_0060_schedule': m0060,
  '2026_12_01_0070_login_throttle': m0070,
  '2026_12_01_0110_working_revisions': m0110,
  '2026_12_01_0140_schedule_sync': m0140,
  '2026_12_01_0160_report': m0160,
  '2026_12_01_0161_report_narrative': m0161,
  '2026_12_01_0162_report_published_revision': m0162,
  '2026_12_01_0190_engagement': m0190,
  '2026_12_01_0230_sync_remote_files': m0230,
  '2026_12_01_0220_qa_review': m0220,
  '2026_12_01_0240_consultation_result_basis': m0240,
}

/** kysely's MigrationProvider over the static list above. */
export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
}
