import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { AppError } from '../errors'
import { createLogger, type Logger } from '../logger'
import { ExtractError, type ExtractErrorCode } from '../review/extract/types'
import {
  runTask,
  type TaskArgs,
  type TaskName,
  type TaskResult,
  type WireError,
  type WireOutcome,
} from './tasks'

/**
 * One worker pool for the heavy work of core (issue 8, point 7): sanitising, scanning, document
 * extraction and the Word import run on worker threads, so the Electron main process (and the
 * window it serves) never freezes or runs out of memory on a pathological body or file.
 *
 * Where the worker code is: next to the bundle as `worker.js` in the built app (electron-vite
 * builds src/core/workers/worker.ts as its own entry), or `bootstrap.cjs` beside this file when
 * running from the TypeScript sources (vitest, tsx, the e2e harness), which registers tsx in the
 * thread first. When no worker can start, the tasks run inline on the calling thread (logged once)
 * — the same code, just without the isolation.
 */

/** How long one task may run before its worker is stopped (a refusal, never a hang). */
export const TASK_TIME_LIMIT_MS: Record<TaskName, number> = {
  ping: 30_000,
  sanitise: 60_000,
  scanText: 120_000,
  scanDocument: 120_000,
  extractText: 120_000,
  docxToHtml: 120_000,
  writeSpreadsheet: 120_000,
  buildDocx: 120_000,
}

/** Heap of one worker: a runaway parse ends that worker, not the app. */
let workerHeapMb = 1536

/** Changes the heap limit of workers started from now on (tests; call closeWorkers first). */
export function setWorkerHeapLimit(mb: number): void {
  workerHeapMb = mb
}

let logger: Logger = createLogger()

/** Sets the logger of the pool (the app's, so a fallback is in the app log). */
export function setWorkerLogger(l: Logger): void {
  logger = l
}

/** The folder of this module: __dirname in the CJS bundle, import.meta.url from the sources. */
function hereDir(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url))
}

/** The worker entry to load, or null when there is none (then everything runs inline). */
export function workerEntry(dir = hereDir()): string | null {
  // The bundle may put this module in a chunk one folder below out/main.
  for (const file of [
    join(dir, 'worker.js'),
    join(dir, '..', 'worker.js'),
    join(dir, 'bootstrap.cjs'),
  ]) {
    if (existsSync(file)) return file
  }
  return null
}

type Mode = { kind: 'pool'; pool: Piscina } | { kind: 'inline'; reason: string }

let mode: Promise<Mode> | null = null

async function start(): Promise<Mode> {
  const filename = workerEntry()
  if (!filename) return fallBack('没有找到工作线程入口（worker.js / bootstrap.cjs）')
  let pool: Piscina | null = null
  try {
    pool = new Piscina({
      filename,
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
      // A warm worker keeps its jsdom window between autosaves.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
      // Each task through the worker's event loop: jsdom tracks node iterators by WeakRef, and
      // their documents are freed only once the JS job ends — with piscina's default 'sync'
      // atomics the worker ran task after task in one job and every sanitised DOM stayed alive
      // (a 16,000-row table: +450 MB per save, then out of memory).
      atomics: 'disabled',
    })
    // A worker failing outside a task (e.g. out of memory while idle) must not become an
    // unhandled 'error' event, which would end the process; piscina replaces the worker.
    pool.on('error', (e: unknown) => logger.error('工作线程异常退出', { error: e }))
    // The first task proves the entry loads; later failures are task failures, not a fallback.
    const pong = (await pool.run(
      { task: 'ping', args: [] },
      { signal: AbortSignal.timeout(TASK_TIME_LIMIT_MS.ping) },
    )) as WireOutcome
    if (!pong.ok) throw new Error(pong.error.message)
    return { kind: 'pool', pool }
  } catch (e) {
    void pool?.destroy().catch(() => {})
    return fallBack(e instanceof Error ? e.message : String(e))
  }
}

function fallBack(reason: string): Mode {
  logger.warn('工作线程无法启动，繁重任务改在当前线程执行', { reason })
  return { kind: 'inline', reason }
}

/** Where tasks run now: 'pool' or 'inline' (tests and the report). */
export async function workerMode(): Promise<'pool' | 'inline'> {
  mode ??= start()
  return (await mode).kind
}

/** Stops the pool's threads (app shutdown, tests). The next task starts a new pool. */
export async function closeWorkers(): Promise<void> {
  const current = mode
  mode = null
  const m = current ? await current : null
  if (m?.kind === 'pool') await m.pool.destroy()
}

/** The Chinese refusal for a task stopped by its time limit or by running out of memory. */
function stoppedError(task: TaskName, why: 'time' | 'memory'): Error {
  const limit = `${TASK_TIME_LIMIT_MS[task] / 1000} 秒`
  const cause = why === 'time' ? `处理超时（超过 ${limit}）` : '处理时内存不足'
  if (task === 'extractText') {
    return new ExtractError(
      'CORRUPT',
      `读取文件时${cause}，已停止：文件可能过大或已损坏，请拆分或重新导出后再试`,
    )
  }
  const what =
    task === 'sanitise'
      ? '正文'
      : task === 'docxToHtml'
        ? 'Word 文档'
        : task === 'writeSpreadsheet' || task === 'buildDocx'
          ? '导出文件'
          : '审查扫描'
  return new AppError(
    'VALIDATION',
    `${what}${cause}，已停止处理，未作任何更改。内容可能过于复杂，请简化后重试。`,
  )
}

function rethrow(error: WireError): never {
  if (error.kind === 'app')
    throw new AppError(error.code as AppError['code'], error.message, error.details)
  if (error.kind === 'extract')
    throw new ExtractError(error.code as ExtractErrorCode, error.message)
  const e = new Error(error.message)
  e.name = error.name
  throw e
}

/**
 * Runs `task` on the pool (or inline when no worker can start) and returns its result; the
 * task's own AppError / ExtractError arrive as such. A task past its time limit, or whose worker
 * ran out of memory, is stopped and fails with a Chinese refusal.
 */
export async function runInWorker<T extends TaskName>(
  task: T,
  ...args: TaskArgs<T>
): Promise<TaskResult<T>> {
  mode ??= start()
  const m = await mode
  let outcome: WireOutcome
  if (m.kind === 'inline') {
    outcome = await runTask(task, args)
  } else {
    try {
      outcome = (await m.pool.run(
        { task, args },
        { signal: AbortSignal.timeout(TASK_TIME_LIMIT_MS[task]) },
      )) as WireOutcome
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string }
      if (err?.name === 'AbortError' || err?.name === 'TimeoutError')
        throw stoppedError(task, 'time')
      if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') throw stoppedError(task, 'memory')
      logger.error('工作线程任务失败', { task, error: e })
      throw new AppError('INTERNAL', '后台处理失败，请重试；如仍失败请联系管理员')
    }
  }
  if (!outcome.ok) rethrow(outcome.error)
  return outcome.value as TaskResult<T>
}
