import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { SyncOutboxRow } from '../db/tables/sync'
import type { Logger } from '../logger'
import { appendAudit } from '../audit/append'
import { backoffDelay, type BackoffPolicy } from './backoff'
import type { BatchResultLine, HttpOutcome, SyncHttpClient } from './http-client'
import {
  claim,
  countDue,
  defer,
  markFinal,
  markSent,
  nextStep,
  recordServerStatus,
} from './outbox-queue'
import { buildItemPayload, IntegrityError, PayloadError, type ItemPayloadEntry } from './payload'
import { filesOf, uploadFiles, type UploadDeps } from './uploads'

/** The protocol allows 500 per batch; we send at most 200 so one request stays small. */
export const MAX_BATCH = 200

export interface PushDeps {
  db: () => Kysely<DB>
  client: SyncHttpClient
  clock: Clock
  random: () => number
  backoff: BackoffPolicy
  batchSize: number
  logger: Logger
  /** 立即同步: entries waiting for their retry time are sent now too. */
  force: boolean
  onProgress: (done: number, total: number) => void
  /** Protocol v2: upload the attachments of each batch before its items (absent: no uploads). */
  uploads?: Omit<UploadDeps, 'client' | 'logger'>
}

/** How a push (or a pull) ended: the worker decides what to show and when to come back. */
export type PhaseOutcome =
  | { kind: 'done' }
  | { kind: 'unauthorized' }
  /** `retryAt`: when the deferred entries are due again (ms since epoch), if entries were deferred. */
  | { kind: 'transient'; message: string; retryAt?: number }

const CONFLICT_HINT = '本机数据未作改动。请核对条目，修改后重新提交审查，以更高的版本重新报送。'

function conflictMessage(code: string, revision: number, stored: number | undefined): string {
  const server = stored === undefined ? '' : `（服务器为第 ${stored} 版，本机为第 ${revision} 版）`
  return code === 'STALE_REVISION'
    ? `区级服务器已有该条目更新的版本${server}。${CONFLICT_HINT}`
    : `区级服务器已有第 ${revision} 版，但内容与本机批准的不同${server}。${CONFLICT_HINT}`
}

/**
 * Drains the due outbox entries: upserts in batches of ≤ `batchSize` (POST /items/batch), each
 * withdrawal alone; per entry 2xx → sent, 409 → conflict, other 4xx → failed. A 401 stops at once
 * (entries stay pending); a network error, 429 or 5xx defers the entries of that request with
 * backoff and ends the push — the server is unwell, the rest can wait.
 */
export async function pushOutbox(d: PushDeps): Promise<PhaseOutcome> {
  const handled = new Set<number>()
  const total = await countDue(d.db(), d.clock().toISOString(), d.force)
  let done = 0
  let limit = Math.max(1, Math.min(MAX_BATCH, d.batchSize))
  d.onProgress(0, total)
  for (;;) {
    const step = await nextStep(d.db(), {
      now: d.clock().toISOString(),
      force: d.force,
      limit,
      skip: handled,
    })
    if (!step) return { kind: 'done' }
    const rows = await claim(
      d.db(),
      step.op === 'upsert' ? step.rows.map((r) => r.seq) : [step.row.seq],
    )
    if (rows.length === 0) continue
    const outcome =
      step.op === 'withdraw' ? await sendWithdraw(d, rows[0]!) : await sendUpserts(d, rows)
    if (outcome === 'split') {
      limit = Math.max(1, Math.ceil(rows.length / 2))
      continue
    }
    for (const row of rows) handled.add(row.seq)
    done += rows.length
    d.onProgress(Math.min(done, Math.max(total, done)), Math.max(total, done))
    if (outcome.kind !== 'done') return outcome
  }
}

/** Defers `rows` after a transient failure: backoff from each entry's attempts, and Retry-After. */
async function deferRows(
  d: PushDeps,
  rows: SyncOutboxRow[],
  outcome: { message: string; retryAfterMs: number | null },
): Promise<PhaseOutcome> {
  const now = d.clock().getTime()
  let retryAt = Number.POSITIVE_INFINITY
  for (const row of rows) {
    const delay = Math.max(
      backoffDelay(row.attempts, d.random, d.backoff),
      outcome.retryAfterMs ?? 0,
    )
    retryAt = Math.min(retryAt, now + delay)
    await defer(d.db(), row.seq, new Date(now + delay).toISOString(), outcome.message)
  }
  return Number.isFinite(retryAt)
    ? { kind: 'transient', message: outcome.message, retryAt }
    : { kind: 'transient', message: outcome.message }
}

async function sendUpserts(d: PushDeps, rows: SyncOutboxRow[]): Promise<PhaseOutcome | 'split'> {
  const ready: { row: SyncOutboxRow; entry: ItemPayloadEntry }[] = []
  for (const row of rows) {
    try {
      ready.push({ row, entry: await buildItemPayload(d.db(), row) })
    } catch (e) {
      if (e instanceof IntegrityError) {
        await refuseTampered(d, row, e)
        continue
      }
      if (!(e instanceof PayloadError)) throw e
      await markFinal(d.db(), row.seq, 'failed', e.message)
    }
  }
  if (ready.length === 0) return { kind: 'done' }
  const sent = ready.map((r) => r.row)
  if (d.uploads) {
    // The approved revisions' files go first: the items then arrive complete on the server. A
    // file the server refuses (size, quota) is shown on the 同步 page; its item still goes and
    // stays 附件未到齐 on the district side until the file arrives.
    const files = filesOf(ready.map((r) => r.entry))
    const up = await uploadFiles({ ...d.uploads, client: d.client, logger: d.logger }, files)
    if (up.kind === 'unauthorized') return { kind: 'unauthorized' }
    if (up.kind === 'transient') return deferRows(d, sent, up)
  }
  const res = await d.client.batch(ready.map((r) => r.entry))
  if (res.kind === 'unauthorized') return { kind: 'unauthorized' }
  if (res.kind === 'transient') return deferRows(d, sent, res)
  if (res.kind === 'rejected') {
    if (res.status === 413 && ready.length > 1) return 'split'
    for (const row of sent) {
      await markFinal(d.db(), row.seq, 'failed', `区级服务器拒绝报送：${res.message}`)
    }
    return { kind: 'done' }
  }
  const results = Array.isArray(res.body.results) ? res.body.results : []
  if (results.length !== ready.length) {
    return deferRows(d, sent, {
      message: '区级服务器的回答与报送的条目数不符，将自动重试',
      retryAfterMs: null,
    })
  }
  const transient: SyncOutboxRow[] = []
  for (const [i, { row }] of ready.entries()) {
    const line = results.find((l) => l.index === i) ?? results[i]
    const verdict = await recordResult(d, row, line)
    if (verdict === 'transient') transient.push(row)
  }
  if (transient.length > 0) {
    return deferRows(d, transient, {
      message: '区级服务器暂时无法处理部分条目，将自动重试',
      retryAfterMs: null,
    })
  }
  return { kind: 'done' }
}

/**
 * The approved revision was changed after approval (issue 8 point 4): the entry fails without
 * being sent, the item is flagged for the 同步 page, and the refusal is audited and logged (hashes
 * only, never content).
 */
async function refuseTampered(d: PushDeps, row: SyncOutboxRow, e: IntegrityError): Promise<void> {
  const at = d.clock().toISOString()
  await d
    .db()
    .transaction()
    .execute(async (trx) => {
      if (!(await markFinal(trx, row.seq, 'failed', e.message))) return
      await trx
        .insertInto('sync_integrity_flags')
        .values({
          item_id: row.entity_id,
          revision: row.revision,
          outbox_seq: row.seq,
          expected_hash: e.expected,
          actual_hash: e.actual,
          detected_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['item_id', 'revision']).doUpdateSet({
            outbox_seq: row.seq,
            actual_hash: e.actual,
            detected_at: at,
          }),
        )
        .execute()
      await appendAudit(
        trx,
        {
          actor: null,
          action: 'sync.integrity_failed',
          target: `item:${row.entity_id}`,
          detail: { revision: row.revision, expected: e.expected, actual: e.actual },
        },
        d.clock,
      )
    })
  d.logger.warn('已审批内容与审批哈希不符，拒绝报送', {
    itemId: row.entity_id,
    revision: row.revision,
  })
}

/** Records one batch line for `row`; returns 'transient' when it should be tried again. */
async function recordResult(
  d: PushDeps,
  row: SyncOutboxRow,
  line: BatchResultLine | undefined,
): Promise<'ok' | 'transient'> {
  const db = d.db()
  const at = d.clock().toISOString()
  const status = line?.status ?? 0
  if (status === 200 || status === 201) {
    await db.transaction().execute(async (trx) => {
      await markSent(trx, row.seq, at)
      await recordServerStatus(
        trx,
        { itemId: row.entity_id, status: 'received', revision: row.revision, at },
        at,
        true,
      )
    })
    return 'ok'
  }
  const code = line?.error?.code ?? `HTTP_${status}`
  const serverMessage = line?.error?.message ?? ''
  if (status === 409) {
    const message = conflictMessage(code, row.revision, line?.revision)
    await db.transaction().execute(async (trx) => {
      if (await markFinal(trx, row.seq, 'conflict', message)) {
        await appendAudit(
          trx,
          {
            actor: null,
            action: 'sync.conflict',
            target: `item:${row.entity_id}`,
            detail: { revision: row.revision, code, storedRevision: line?.revision ?? null },
          },
          d.clock,
        )
      }
    })
    d.logger.warn('同步冲突', { itemId: row.entity_id, revision: row.revision, code })
    return 'ok'
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const message =
      status === 404
        ? '区级服务器不接受该条目编号（可能属于其他部门），请联系区级管理员。'
        : `区级服务器拒绝报送：${serverMessage || code}`
    await markFinal(db, row.seq, 'failed', message)
    return 'ok'
  }
  return 'transient'
}

async function sendWithdraw(d: PushDeps, row: SyncOutboxRow): Promise<PhaseOutcome> {
  let reason = '部门撤回'
  try {
    const detail = row.detail_json ? (JSON.parse(row.detail_json) as { reason?: unknown }) : {}
    if (typeof detail.reason === 'string' && detail.reason.trim()) reason = detail.reason
  } catch {
    // keep the default reason
  }
  const res: HttpOutcome<unknown> = await d.client.withdraw(row.entity_id, reason)
  if (res.kind === 'unauthorized') return { kind: 'unauthorized' }
  if (res.kind === 'transient') return deferRows(d, [row], res)
  const at = d.clock().toISOString()
  if (res.kind === 'ok' || (res.kind === 'rejected' && res.status === 404)) {
    await d
      .db()
      .transaction()
      .execute(async (trx) => {
        await markSent(
          trx,
          row.seq,
          at,
          res.kind === 'ok' ? null : '区级服务器没有该条目（从未收到），无需撤回',
        )
        if (res.kind === 'ok') {
          await recordServerStatus(
            trx,
            { itemId: row.entity_id, status: 'withdrawn', revision: row.revision, at },
            at,
            false,
          )
        }
      })
    return { kind: 'done' }
  }
  await markFinal(d.db(), row.seq, 'failed', `区级服务器拒绝撤回：${res.message}`)
  return { kind: 'done' }
}
