/** Backups and restores: what crosses IPC. */

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string
  createdAt: string
  sizeBytes: number
  kind: 'auto' | 'manual'
}

export interface RestoreResult {
  restoredFrom: string
  /** Where the database that was replaced was kept. */
  previousKeptAt: string
  /** Attachment files put back from the backup's `.attachments` folder. */
  attachmentsRestored: number
  /** Attachments the restored items reference that neither the store nor the backup holds. */
  attachmentsMissing: number
  /** Entries of the (untrusted) backup that were refused, e.g. an attachment key shaped like a path. */
  refused: RefusedEntry[]
  /** One Chinese sentence summing up the restore for the officer (what was put back, refused, kept). */
  notice: string
}

/** What a backup holds and what restoring it would set aside — shown before the officer confirms. */
export interface RestorePreview {
  /** Pass back to `backup:restore` to restore exactly this file (valid for this session). */
  token: string
  file: string
  /** The file's modification time. */
  fileTime: string
  /** The newest change recorded in the backup (audit entry or item edit), or null if none. */
  dataAsOf: string | null
  /** The app version that last wrote the backup. */
  appVersion: string | null
  backup: RestoreCounts
  live: RestoreCounts
  setAside: {
    /** Review decisions in the live database that the backup does not have, newest first (≤ 50). */
    decisions: SetAsideDecision[]
    decisionsTotal: number
    /** Live items the backup lacks or holds at another revision. */
    itemsChanged: number
    /** Live audit entries after the backup: carried into the restored database as 恢复前记录. */
    auditEntries: number
  }
  /** Where the current database will be kept (`replaced/`). */
  keptIn: string
}

export interface RestoreCounts {
  items: number
  users: number
  attachments: number
  auditEntries: number
}

export interface SetAsideDecision {
  itemTitle: string
  stepName: string
  decision: 'approve' | 'return' | 'withhold' | 'refer'
  deciderName: string
  decidedAt: string
}

/** One refused entry of a backup: a short, safe quote of it and the Chinese reason. */
export interface RefusedEntry {
  entry: string
  reason: string
}
