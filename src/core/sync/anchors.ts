import type { Kysely } from 'kysely'
import type { AuditAnchor } from '../../shared/sync-wire'
import type { SecretStore } from '../api/types'
import { appendAudit } from '../audit/append'
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
 * into it — and audited once. Never fails the sync run: item sync does not wait for anchoring.
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
  const res = await d.client.putAnchor(head.seq, head.hash)
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
