/** Audit log: what crosses IPC about the tamper-evident audit chain. */

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
