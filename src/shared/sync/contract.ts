import { out } from '../channel-output'
import { empty } from '../fields'
import type { ItemView } from '../items/types'
import {
  itemWithdrawSchema,
  syncRetrySchema,
  syncSettingsPatchSchema,
  syncTestSchema,
} from './schemas'
import type { ConnectionTestResult, SyncOverview, SyncSettingsView, SyncStatus } from './types'

/** 同步 channels (the district's server): settings, status, queue, withdrawal. */
export const syncContract = {
  /** The server URL and whether a token is set (never the token itself). */
  'sync:get-settings': { input: empty, output: out<SyncSettingsView>() },
  /** Administrators: URL and/or token (kept by the OS key store, never in SQLite). */
  'sync:update-settings': { input: syncSettingsPatchSchema, output: out<SyncSettingsView>() },
  /** Administrators: GET /health, then an authenticated /changes?limit=1 (given or saved values). */
  'sync:test-connection': { input: syncTestSchema, output: out<ConnectionTestResult>() },
  /** What the worker is doing; the 同步 page polls it about once a second while a run lasts. */
  'sync:status': { input: empty, output: out<SyncStatus>() },
  /** Waiting, failed and conflicting entries and recently delivered/published items. */
  'sync:overview': { input: empty, output: out<SyncOverview>() },
  /** 立即同步: starts a run in the background and returns at once. */
  'sync:run': { input: empty, output: out<SyncStatus>() },
  /** Puts a failed entry back in the queue (officers and administrators). */
  'sync:retry': { input: syncRetrySchema, output: out<SyncStatus>() },
  /** 撤回: 已通过/已同步 → 已撤回 and a withdrawal queued for the district (officers, admins). */
  'sync:withdraw': { input: itemWithdrawSchema, output: out<ItemView>() },
} as const
