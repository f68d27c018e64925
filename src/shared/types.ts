import type { Capabilities } from './accounts/capabilities'
import type { Role } from './roles'

/** What the renderer needs to decide which screen to show. */
export interface AppState {
  /** False until first-run setup has created the department and the first administrator. */
  initialised: boolean
  department: DepartmentView | null
  session: SessionInfo | null
  /** Locked by inactivity or by the user: the session exists but needs the password again. */
  locked: boolean
  appVersion: string
}

export interface DepartmentView {
  name: string
  /** 18-char 统一社会信用代码 (GB 32100). */
  orgCode: string
}

export interface SessionInfo {
  user: UserView
  /** Minutes of inactivity after which the app locks. */
  lockAfterMinutes: number
  /** What the user may do, from their roles (`capabilitiesOf`); core still checks every call. */
  capabilities: Capabilities
}

export interface UserView {
  id: string
  username: string
  displayName: string
  roles: Role[]
  active: boolean
  createdAt: string
  lastLoginAt: string | null
  /** Created or reset by an administrator: the owner must set their own password first. */
  mustChangePassword: boolean
  /** Locked after too many wrong passwords until this ISO time (null: not locked). */
  lockedUntil?: string | null
}

export interface AuditEntryView {
  seq: number
  at: string
  actorId: string | null
  actorName: string | null
  action: string
  /** The entity the action concerns, e.g. `user:<id>` or `item:<id>`. */
  target: string | null
  beforeHash: string | null
  afterHash: string | null
  detail: Record<string, unknown> | null
  hash: string
  /**
   * What the target is called now, resolved by core when the page is read: an item's title, a
   * user's 用户名（姓名）, a catalogue entry's 事项 (null: not a named thing, or gone).
   */
  targetName?: string | null
}

export interface AuditPage {
  entries: AuditEntryView[]
  total: number
}

/**
 * How the chain compared with its anchors (audit heads the district server acknowledged, issue 8
 * point 9); present when there are anchors to compare with, or a reason there were none.
 */
export interface AuditAnchorCheck {
  /** Anchors compared: the desk's stored copies and, when reachable, the district's own. */
  checked: number
  source: 'local' | 'server' | 'both'
  /** The newest anchor and when the district received it. */
  lastSeq: number | null
  lastAt: string | null
  /** Why the district's anchors were not compared (not configured, unreachable), in Chinese. */
  serverError?: string
}

export type AuditVerifyResult =
  | { ok: true; checked: number; anchors?: AuditAnchorCheck }
  | {
      ok: false
      checked: number
      firstBrokenSeq: number
      reason: string
      anchors?: AuditAnchorCheck
    }

export interface AppSettings {
  /** Lock the app after this many minutes without activity (1–240). */
  lockAfterMinutes: number
  /** Take an automatic backup once a day. */
  autoBackupEnabled: boolean
  /** How many automatic backups to keep (1–365). */
  autoBackupKeep: number
  /** Wrong passwords in a row (login or unlock) before the account is locked (3–10). */
  maxFailedLogins: number
  /** How long an account stays locked after too many wrong passwords, in minutes (1–1440). */
  lockoutMinutes: number
}

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
