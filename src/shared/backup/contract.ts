import { inspectBackupSchema, restoreSchema } from './schemas'
import type { BackupInfo, RestorePreview, RestoreResult } from './types'
import { out } from '../channel-output'
import { empty } from '../fields'

/** Backup and restore channels (composed into the one contract by src/shared/contract.ts). */
export const backupContract = {
  /** Asks the user for a target file (save dialog); `null` when they cancel. */
  'backup:create': { input: empty, output: out<BackupInfo | null>() },
  'backup:list': { input: empty, output: out<BackupInfo[]>() },
  /** Chooses a backup (or takes one from the list) and previews it; `null` when the user cancels. */
  'backup:inspect': { input: inspectBackupSchema, output: out<RestorePreview | null>() },
  /** Restores, keeping the current database aside first; `null` when the user cancels. */
  'backup:restore': { input: restoreSchema, output: out<RestoreResult | null>() },
} as const
