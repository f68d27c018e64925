import type { Kysely } from 'kysely'
import { SYNC_TOKEN_REFUSED_MESSAGE } from '../../shared/sync/labels'
import type { SyncBackfillView, SyncStatus, SyncUploadView } from '../../shared/sync/types'
import type { SecretStore } from '../platform'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { INTERNAL_MESSAGE } from '../errors'
import type { Logger } from '../logger'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff'
import { SyncAborted, SyncHttpClient, type FetchLike } from './http-client'
import { anchorAuditHead } from './anchors'
import { backfillAttachments, backfillNotice } from './backfill'
import { extensionStatuses, runExtensions, type SyncExtension } from './extensions'
import { SYNC_EXTENSIONS } from './extensions-list'
import { createEventBus, type EventBus } from '../events/bus'
import { countDue, nextDueAt } from './outbox-queue'
import { pullChanges } from './pull'
import { MAX_BATCH, pushOutbox, type PhaseOutcome } from './push'
import { remoteFileLedger } from './remote-files'
import { loadConnection } from './sync-config'
import { syncCounts } from './sync-views'
import { readSyncValue, readSyncValues, SYNC_KEYS, writeSyncValue } from './state-store'

/** The newest audit-chain anchor the district acknowledged, for the 同步 page. */
async function lastAnchor(db: Kysely<DB>): Promise<SyncStatus['lastAnchor']> {
  const row = await db
    .selectFrom('audit_anchors')
    .select(['seq', 'acknowledged_at'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? { seq: row.seq, at: row.acknowledged_at } : null
}

/** setTimeout/clearTimeout, injected so tests decide when time passes. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Real timers that do not keep a Node process alive on their own. */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms)
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface SyncWorkerOptions {
  timers?: Timers
  /** Jitter source; tests pass `seededRandom(seed)`. */
  random?: () => number
  fetch?: FetchLike
  backoff?: BackoffPolicy
  /** Upserts per POST /items/batch (≤ 200). */
  batchSize?: number
  /** How often to read the district's changes when nothing else happens (default 5 min). */
  pullIntervalMs?: number
  /** How often to look at the local outbox for new approvals (default 15 s; no network). */
  outboxPollMs?: number
  /** Per request (default 30 s). */
  requestTimeoutMs?: number
  /** Start the background loop with the core (default true). Tests drive `runOnce` instead. */
  autoStart?: boolean
  /** The domains' sync extensions (default: extensions-list.ts); tests pass their own. */
  extensions?: readonly SyncExtension[]
}

export interface SyncWorkerDeps {
  /** Read at call time: a restore swaps the store. */
  getDb: () => Kysely<DB>
  secrets: SecretStore
  clock: Clock
  logger: Logger
  /** The core's event bus, handed to the sync extensions (default: a new, empty bus). */
  events?: EventBus
  /** The desk's data folder: attachments are uploaded from its blob store (absent: not uploaded). */
  dataDir?: string
}

export type RunResult =
  | { kind: 'not-configured' }
  /** Nothing was due: no request was made. */
  | { kind: 'idle' }
  | { kind: 'done' }
  | { kind: 'unauthorized' }
  | { kind: 'transient'; message: string }
  | { kind: 'aborted' }
  | { kind: 'error'; message: string }

/**
 * The sync worker: drains the outbox to the district (push.ts) and reads the changes feed
 * (pull.ts). One run at a time; everything it must remember is in SQLite (outbox rows with their
 * attempts and retry times, the cursor, the last success), so a restart simply carries on.
 * Between runs it sleeps until the earliest retry time, the next outbox look (new approvals) or
 * the next changes poll, whichever comes first; after a 401 it waits for a new token or 立即同步.
 */
export class SyncWorker {
  readonly fetch: FetchLike
  private readonly timers: Timers
  private readonly random: () => number
  private readonly backoff: BackoffPolicy
  private readonly batchSize: number
  private readonly pullIntervalMs: number
  private readonly outboxPollMs: number
  private readonly requestTimeoutMs: number
  private readonly extensions: readonly SyncExtension[]
  private readonly events: EventBus
  private timer: unknown = null
  private nextRunAt: number | null = null
  private current: Promise<RunResult> | null = null
  private rerun: { force: boolean } | null = null
  private started = false
  private stopped = false
  private abort = new AbortController()
  private phase: SyncStatus['phase'] = 'idle'
  private progress: SyncStatus['progress'] = null
  /** Per-file upload progress of the current / last run, by sha256. */
  private uploads = new Map<string, SyncUploadView>()
  /** The current run's 补传附件 figures while it uploads them; else the stored last ones show. */
  private backfill: SyncBackfillView | null = null
  private networking = false
  private lastPullAt = 0
  /** Consecutive runs that ended in a transient failure: spaces out runs when the server is down. */
  private failures = 0
  private holdUntil = 0

  constructor(
    private readonly deps: SyncWorkerDeps,
    private readonly options: SyncWorkerOptions = {},
  ) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init))
    this.timers = options.timers ?? realTimers
    this.random = options.random ?? Math.random
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
    this.batchSize = Math.min(MAX_BATCH, options.batchSize ?? MAX_BATCH)
    this.pullIntervalMs = options.pullIntervalMs ?? 5 * 60_000
    this.outboxPollMs = options.outboxPollMs ?? 15_000
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000
    this.extensions = options.extensions ?? SYNC_EXTENSIONS
    this.events = deps.events ?? createEventBus()
  }

  /** Starts the background loop (createAppCore does, unless `autoStart: false`). */
  start(): void {
    if (this.started || this.stopped) return
    this.started = true
    this.schedule(0, false)
  }

  /** Stops the loop, aborts requests in flight and waits for the current run to end. */
  async stop(): Promise<void> {
    this.stopped = true
    this.clearTimer()
    this.abort.abort()
    await this.current?.catch(() => undefined)
  }

  /**
   * Asks for a run now and returns at once. `force` (立即同步) also sends entries waiting for their
   * retry time, reads the changes feed, and tries again after a refused token. Does nothing
   * before `start()` (tests that drive `runOnce` themselves).
   */
  kick(force = true): void {
    if (this.stopped || !this.started) return
    if (this.current) {
      this.rerun = { force: force || (this.rerun?.force ?? false) }
      return
    }
    this.schedule(0, force)
  }

  /** One run now (after the current one, if any); what tests and the fault-injection test await. */
  async runOnce(force = false): Promise<RunResult> {
    while (this.current) await this.current.catch(() => undefined)
    if (this.stopped) return { kind: 'aborted' }
    this.clearTimer()
    const run = this.run(force)
    this.current = run
    try {
      return await run
    } finally {
      this.current = null
      await this.afterRun()
    }
  }

  /** The worker's state for the 同步 page. */
  async status(): Promise<SyncStatus> {
    const db = this.deps.getDb()
    const connection = await loadConnection(db, this.deps.secrets)
    const values = await readSyncValues(db)
    return {
      configured: connection.serverUrl !== null && connection.token !== null,
      running: this.networking,
      phase: this.phase,
      progress: this.progress,
      lastSuccessAt: values.last_success_at ?? null,
      lastRunAt: values.last_run_at ?? null,
      lastError: values.last_error ?? null,
      authFailed: values.auth_failed === '1',
      nextRunAt: this.nextRunAt === null ? null : new Date(this.nextRunAt).toISOString(),
      counts: await syncCounts(db),
      lastAnchor: await lastAnchor(db),
      anchorProblem: values.anchor_problem ?? null,
      extensions: await extensionStatuses(db, this.extensions),
      uploads: [...this.uploads.values()],
      backfill: this.backfill ?? (await backfillNotice(db, this.deps.clock())),
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    this.nextRunAt = null
  }

  private schedule(ms: number, force: boolean): void {
    this.clearTimer()
    if (this.stopped) return
    this.nextRunAt = this.deps.clock().getTime() + ms
    this.timer = this.timers.setTimeout(() => {
      this.timer = null
      this.nextRunAt = null
      this.runOnce(force).catch((e: unknown) =>
        this.deps.logger.error('同步运行失败', { error: e }),
      )
    }, ms)
  }

  private async afterRun(): Promise<void> {
    if (this.stopped || !this.started) return
    if (this.rerun) {
      const { force } = this.rerun
      this.rerun = null
      this.schedule(0, force)
      return
    }
    try {
      const delay = await this.plannedDelay()
      if (delay !== null && !this.stopped && !this.current) this.schedule(delay, false)
    } catch (e) {
      this.deps.logger.error('安排下次同步失败', { error: e })
      this.schedule(this.outboxPollMs, false)
    }
  }

  /** Milliseconds until the next run, or null to wait for settings or 立即同步. */
  private async plannedDelay(): Promise<number | null> {
    const db = this.deps.getDb()
    const connection = await loadConnection(db, this.deps.secrets)
    if (!connection.serverUrl || !connection.token) return null
    if ((await readSyncValue(db, SYNC_KEYS.authFailed)) === '1') return null
    const now = this.deps.clock().getTime()
    let at = Math.min(this.lastPullAt + this.pullIntervalMs, now + this.outboxPollMs)
    const due = await nextDueAt(db)
    if (due === null) at = now
    else if (due !== undefined) at = Math.min(at, Date.parse(due))
    at = Math.max(at, this.holdUntil)
    return Math.max(0, at - now)
  }

  private async run(force: boolean): Promise<RunResult> {
    const { clock, logger } = this.deps
    try {
      const db = this.deps.getDb()
      const connection = await loadConnection(db, this.deps.secrets)
      if (!connection.serverUrl || !connection.token) return { kind: 'not-configured' }
      const authFailed = (await readSyncValue(db, SYNC_KEYS.authFailed)) === '1'
      if (authFailed && !force) return { kind: 'unauthorized' }
      const now = clock()
      const due = await countDue(db, now.toISOString(), force)
      const pullDue =
        force ||
        (now.getTime() >= this.lastPullAt + this.pullIntervalMs && now.getTime() >= this.holdUntil)
      if (due === 0 && !pullDue) return { kind: 'idle' }

      this.networking = true
      await writeSyncValue(db, SYNC_KEYS.lastRunAt, now.toISOString(), now.toISOString())
      const client = new SyncHttpClient({
        serverUrl: connection.serverUrl,
        token: connection.token,
        fetch: this.fetch,
        timeoutMs: this.requestTimeoutMs,
        signal: this.abort.signal,
      })
      this.phase = 'sending'
      this.uploads.clear()
      const onFile = (file: SyncUploadView) => {
        this.uploads.set(file.sha256, file)
      }
      const ledger = remoteFileLedger(this.deps.getDb, connection.serverUrl, clock, { force })
      let outcome: PhaseOutcome = await pushOutbox({
        db: this.deps.getDb,
        client,
        clock,
        random: this.random,
        backoff: this.backoff,
        batchSize: this.batchSize,
        logger,
        force,
        onProgress: (done, total) => {
          this.progress = { done, total }
        },
        ...(this.deps.dataDir ? { uploads: { dataDir: this.deps.dataDir, onFile, ledger } } : {}),
      })
      if (outcome.kind === 'done' && this.deps.dataDir) {
        // 补传附件: files of items the district already holds but not their files (v1, refusals).
        // A hiccup here does not fail the run: what is left is tried on the next one.
        const dataDir = this.deps.dataDir
        const backfill = await backfillAttachments({
          db: this.deps.getDb,
          client,
          clock,
          logger,
          dataDir,
          ledger,
          onFile,
          onSummary: (summary) => {
            this.backfill = summary
          },
        }).finally(() => {
          this.backfill = null
        })
        if (backfill.kind === 'unauthorized') outcome = backfill
      }
      if (outcome.kind === 'done') {
        this.phase = 'receiving'
        this.progress = null
        outcome = await pullChanges({
          db: this.deps.getDb,
          client,
          clock,
          logger,
          events: this.events,
        })
        if (outcome.kind === 'done') this.lastPullAt = clock().getTime()
      }
      if (outcome.kind === 'done' && this.extensions.length > 0) {
        // The domains' parts (schedule, reports …): each failure is kept by name for the 同步
        // page and never fails the items phase. Before the anchor, so it covers their audit entries.
        await runExtensions(this.extensions, {
          db: this.deps.getDb,
          client,
          clock,
          events: this.events,
          logger,
          // Not the ledger: an extension decides itself when the district should be asked again.
          ...(this.deps.dataDir ? { uploads: { dataDir: this.deps.dataDir, onFile } } : {}),
        })
      }
      if (outcome.kind === 'done') {
        // Anchor the audit chain outside the file (issue 8 point 9); never fails the run.
        await anchorAuditHead({
          db: this.deps.getDb,
          client,
          serverUrl: connection.serverUrl,
          clock,
          logger,
        }).catch((e: unknown) => {
          if (e instanceof SyncAborted) throw e
          logger.error('发送审计链末端失败', { error: e })
        })
      }
      return await this.finish(outcome)
    } catch (e) {
      if (e instanceof SyncAborted || this.stopped) return { kind: 'aborted' }
      logger.error('同步时发生内部错误', { error: e })
      await this.finish({ kind: 'transient', message: INTERNAL_MESSAGE }).catch(() => undefined)
      return { kind: 'error', message: INTERNAL_MESSAGE }
    } finally {
      this.networking = false
      this.phase = 'idle'
      this.progress = null
    }
  }

  /** Records how the run ended; a clean run clears the last error and the token flag. */
  private async finish(outcome: PhaseOutcome): Promise<RunResult> {
    const db = this.deps.getDb()
    const at = this.deps.clock().toISOString()
    if (outcome.kind === 'done') {
      this.failures = 0
      this.holdUntil = 0
      await db.transaction().execute(async (trx) => {
        await writeSyncValue(trx, SYNC_KEYS.lastSuccessAt, at, at)
        await writeSyncValue(trx, SYNC_KEYS.lastError, null, at)
        await writeSyncValue(trx, SYNC_KEYS.authFailed, null, at)
      })
      return { kind: 'done' }
    }
    if (outcome.kind === 'unauthorized') {
      this.deps.logger.warn('区级服务器拒绝了令牌（401），同步暂停', {})
      await db.transaction().execute(async (trx) => {
        await writeSyncValue(trx, SYNC_KEYS.authFailed, '1', at)
        await writeSyncValue(trx, SYNC_KEYS.lastError, SYNC_TOKEN_REFUSED_MESSAGE, at)
      })
      return { kind: 'unauthorized' }
    }
    // Deferred entries carry their own (jittered) retry time; a failed read of the changes feed
    // alone backs off on the count of failed runs.
    this.failures++
    this.holdUntil =
      outcome.retryAt ??
      this.deps.clock().getTime() + backoffDelay(this.failures, this.random, this.backoff)
    await writeSyncValue(db, SYNC_KEYS.lastError, outcome.message, at)
    return { kind: 'transient', message: outcome.message }
  }
}
