import type { Kysely } from 'kysely'
import type { AuditAnchor, AuditAnchorRebase } from '../../shared/sync/wire'
import type { SecretStore } from '../platform'
import { appendAudit } from '../audit/append'
import { carriedPairs } from '../backup/carried-audit'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { Logger } from '../logger'
import { SyncHttpClient, type FetchLike } from './http-client'
import { loadConnection } from './sync-config'
import { readSyncValue, SYNC_KEYS, writeSyncValue } from './state-store'

/** The last entry of the local audit chain, or null when it is empty. */
export async function auditHead(db: Kysely<DB>): Promise<{ seq: number; hash: string } | null> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ?? null
}

/**
 * The restore to declare with the next anchor (docs/sync-protocol.md §2), or null: the newest
 * `backup.restore` entry after the last anchored seq, with the replaced chain's (seq, hash)
 * pairs from every sealed `backup.restore.carried` entry after it (a second restore before the
 * next sync carries the first one's entries too). The restored database holds the anchors it had
 * at backup time, all in the part both chains share, so "after the last anchor" finds it.
 */
export async function pendingRebase(
  db: Kysely<DB>,
  afterSeq: number,
): Promise<AuditAnchorRebase | null> {
  const restore = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('action', '=', 'backup.restore')
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!restore) return null
  const sections = await db
    .selectFrom('audit_log')
    .select('detail_json')
    .where('action', '=', 'backup.restore.carried')
    .where('seq', '>', afterSeq)
    .where('seq', '<', restore.seq)
    .execute()
  const carried: Array<[number, string]> = []
  for (const s of sections) {
    if (s.detail_json === null) continue
    try {
      carried.push(...carriedPairs(JSON.parse(s.detail_json)))
    } catch {
      // an unreadable section accounts for nothing; the district then refuses if it saw more
    }
  }
  return { restore: { seq: restore.seq, hash: restore.hash }, carried }
}

export interface AnchorDeps {
  db: () => Kysely<DB>
  client: SyncHttpClient
  serverUrl: string
  clock: Clock
  logger: Logger
}

/**
 * Anchors the audit chain outside the file (issue 8 point 9): after a sync, sends the chain's head
 * (seq + hash) to the district and stores the anchor it acknowledges. Nothing is sent when the
 * head is already anchored. A 409 ANCHOR_CONFLICT (the district acknowledged another hash for that
 * seq, or a longer chain) is kept as `anchor_problem` — it stays until an administrator looks
 * into it — and audited once. After a restore the head goes with a `rebase` declaring it
 * (`pendingRebase`). Never fails the sync run: item sync does not wait for anchoring.
 */
export async function anchorAuditHead(d: AnchorDeps): Promise<void> {
  const db = d.db()
  const head = await auditHead(db)
  if (!head) return
  const last = await db
    .selectFrom('audit_anchors')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (last && last.seq === head.seq && last.hash === head.hash) return
  const rebase = await pendingRebase(db, last?.seq ?? 0)
  const res = await d.client.putAnchor(head.seq, head.hash, rebase ?? undefined)
  const at = d.clock().toISOString()
  if (res.kind === 'ok') {
    await db
      .insertInto('audit_anchors')
      .values({
        seq: res.body.seq,
        hash: res.body.hash,
        server_url: d.serverUrl,
        server_received_at: res.body.receivedAt,
        acknowledged_at: at,
      })
      .onConflict((oc) => oc.column('seq').doNothing())
      .execute()
    if (rebase && rebase.restore.seq !== res.body.seq) {
      // The district anchored the restore entry too: keep the same pin here.
      await db
        .insertInto('audit_anchors')
        .values({
          seq: rebase.restore.seq,
          hash: rebase.restore.hash,
          server_url: d.serverUrl,
          server_received_at: res.body.receivedAt,
          acknowledged_at: at,
        })
        .onConflict((oc) => oc.column('seq').doNothing())
        .execute()
    }
    if (rebase) {
      d.logger.info('区级服务器已确认本机从备份恢复后的审计链', {
        restoreSeq: rebase.restore.seq,
        carried: rebase.carried.length,
      })
    }
    return
  }
  if (res.kind === 'rejected' && res.code === 'ANCHOR_CONFLICT') {
    const message = `区级服务器拒绝了本机的审计链末端（第 ${head.seq} 条）：${res.message}`
    const before = await readSyncValue(db, SYNC_KEYS.anchorProblem)
    if (before !== null) return
    await db.transaction().execute(async (trx) => {
      await writeSyncValue(trx, SYNC_KEYS.anchorProblem, message, at)
      await appendAudit(
        trx,
        {
          actor: null,
          action: 'sync.anchor_conflict',
          target: 'audit_log',
          detail: { seq: head.seq, hash: head.hash, server: res.message.slice(0, 200) },
        },
        d.clock,
      )
    })
    d.logger.warn('区级服务器拒绝了审计链末端', { seq: head.seq })
    return
  }
  // 404 from a revision-1 server, a network error, a refused token: try again after the next run.
  d.logger.debug('审计链末端未能送达区级服务器', {
    kind: res.kind,
    ...(res.kind === 'rejected' ? { status: res.status } : {}),
  })
}

/**
 * The anchors the district keeps for this department, for `audit:verify`: they are outside the
 * desk's file, so a chain rewritten together with the local anchor table still fails against them.
 * `{ anchors: null, error: null }` when sync is not configured; `error` says why when the
 * district cannot be reached.
 */
export async function fetchServerAnchors(
  db: Kysely<DB>,
  secrets: SecretStore,
  fetchImpl: FetchLike,
  timeoutMs = 15_000,
): Promise<{ anchors: AuditAnchor[] | null; error: string | null }> {
  const connection = await loadConnection(db, secrets)
  if (!connection.serverUrl || !connection.token) {
    return { anchors: null, error: null }
  }
  const client = new SyncHttpClient({
    serverUrl: connection.serverUrl,
    token: connection.token,
    fetch: fetchImpl,
    timeoutMs,
  })
  const anchors: AuditAnchor[] = []
  let after = 0
  for (;;) {
    const page = await client.listAnchors(after)
    if (page.kind !== 'ok') {
      const why = page.kind === 'unauthorized' ? '令牌无效或已吊销' : page.message
      return {
        anchors: null,
        error: `无法从区级服务器读取审计锚点（${why}），只与本机保存的锚点比对`,
      }
    }
    anchors.push(...page.body.anchors)
    const lastAnchor = page.body.anchors[page.body.anchors.length - 1]
    if (!page.body.hasMore || !lastAnchor) break
    after = lastAnchor.seq
  }
  return { anchors, error: null }
}
