import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { SYNC_TOKEN_REFUSED_MESSAGE } from '../../shared/sync/labels'
import type { SyncExtensionStatus, SyncUploadView } from '../../shared/sync/types'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { INTERNAL_MESSAGE } from '../errors'
import type { EventBus } from '../events/bus'
import type { Logger } from '../logger'
import { SyncAborted, type HttpOutcome, type SyncHttpClient, type SyncMethod } from './http-client'
import type { PhaseOutcome } from './push'
import { readSyncValue, SYNC_KEYS, writeSyncValue } from './state-store'
import { uploadFiles, type UploadFile, type UploadOutcome } from './uploads'

/**
 * A request to the district server on behalf of an extension: `path` is below `/api/v1`
 * (e.g. `/schedule/breakdowns/2025`). It goes through the sync HTTP client — the token only to the
 * saved origin, never following a redirect, with the worker's timeout — and a 2xx answer is checked
 * against `schema` (a shared zod wire schema); an answer that does not fit is `transient`.
 */
export type SyncRequest = <T>(
  method: SyncMethod,
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
) => Promise<HttpOutcome<T>>

/** What an extension gets for one run. */
export interface SyncExtensionDeps {
  /** The current store (read at run time: a restore swaps it). */
  db: Kysely<DB>
  clock: Clock
  events: EventBus
  /** Who the run is for: null for the background worker (the system). */
  actor: Actor | null
  logger: Logger
  request: SyncRequest
  /**
   * Makes sure the district has these files (uploads.ts `uploadFiles`, the run's client, progress
   * on the 同步 page); absent when the desk has no data folder to read them from.
   */
  uploadFiles?: (files: readonly UploadFile[]) => Promise<UploadOutcome>
}

/**
 * How an extension's run ended: PhaseOutcome, or done with a `notice` — something the department
 * should know that is not a failure (e.g. the district's holiday calendar differs from the one
 * entered here); the 同步 page shows it until a later run ends without it.
 */
export type ExtensionOutcome = PhaseOutcome | { kind: 'done'; notice: string }

/**
 * A domain's part of a sync run (schedule tables, report tables, consultation comments …). Runs
 * after the items are pushed and the changes feed is read, one extension after another in list
 * order (extensions-list.ts); a failure is shown by `label` on the 同步 page and never fails the
 * items phase or the other extensions.
 */
export interface SyncExtension {
  /** Stable id, e.g. `schedule` (the key its last outcome is kept under). */
  name: string
  /** Chinese, for the 同步 page, e.g. `工作配档表`. */
  label: string
  run(d: SyncExtensionDeps): Promise<ExtensionOutcome>
}

type StoredResults = Record<
  string,
  { ok: boolean; message: string | null; notice?: string | null; at: string }
>

async function readResults(db: Kysely<DB>): Promise<StoredResults> {
  const raw = await readSyncValue(db, SYNC_KEYS.extensionResults)
  if (!raw) return {}
  try {
    const parsed = JSON.parse(raw) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as StoredResults) : {}
  } catch {
    return {}
  }
}

/** Each registered extension's last outcome, for the 同步 page (never-run ones are left out). */
export async function extensionStatuses(
  db: Kysely<DB>,
  extensions: readonly SyncExtension[],
): Promise<SyncExtensionStatus[]> {
  const stored = await readResults(db)
  const out: SyncExtensionStatus[] = []
  for (const ext of extensions) {
    const r = stored[ext.name]
    if (r) {
      out.push({
        name: ext.name,
        label: ext.label,
        ok: r.ok,
        message: r.message,
        notice: r.notice ?? null,
        at: r.at,
      })
    }
  }
  return out
}

export interface RunExtensionsDeps {
  db: () => Kysely<DB>
  client: SyncHttpClient
  clock: Clock
  events: EventBus
  logger: Logger
  /** Where the files an extension names are read from, and who is told of each file's progress. */
  uploads?: { dataDir: string; onFile: (progress: SyncUploadView) => void }
}

/**
 * Runs every extension once, in order, and stores each one's outcome (ok, or its Chinese message)
 * under its name. An extension that throws is logged and recorded as an internal error; the worker
 * stopping (SyncAborted) ends the run. Returns the outcomes by name.
 */
export async function runExtensions(
  extensions: readonly SyncExtension[],
  d: RunExtensionsDeps,
): Promise<StoredResults> {
  const results: StoredResults = {}
  const uploads = d.uploads
  for (const ext of extensions) {
    let outcome: ExtensionOutcome
    try {
      outcome = await ext.run({
        db: d.db(),
        clock: d.clock,
        events: d.events,
        actor: null,
        logger: d.logger,
        request: (method, path, body, schema) => d.client.call(method, path, body, schema),
        ...(uploads
          ? {
              uploadFiles: (files: readonly UploadFile[]) =>
                uploadFiles({ ...uploads, client: d.client, logger: d.logger }, files),
            }
          : {}),
      })
    } catch (e) {
      if (e instanceof SyncAborted) throw e
      d.logger.error('同步扩展运行失败', { extension: ext.name, error: e })
      outcome = { kind: 'transient', message: INTERNAL_MESSAGE }
    }
    const at = d.clock().toISOString()
    results[ext.name] =
      outcome.kind === 'done'
        ? { ok: true, message: null, notice: 'notice' in outcome ? outcome.notice : null, at }
        : {
            ok: false,
            message: outcome.kind === 'unauthorized' ? SYNC_TOKEN_REFUSED_MESSAGE : outcome.message,
            at,
          }
  }
  if (extensions.length > 0) {
    const db = d.db()
    const stored = { ...(await readResults(db)), ...results }
    await writeSyncValue(
      db,
      SYNC_KEYS.extensionResults,
      JSON.stringify(stored),
      d.clock().toISOString(),
    )
  }
  return results
}
