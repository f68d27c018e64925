import type { BrowserWindow } from 'electron'
import type { Logger } from '../core/logger'
import { FLUSH_EDITS_HOOK } from '../shared/items/autosave'

/** How long a close or quit waits for the renderer to store its unsaved edits. */
export const FLUSH_TIMEOUT_MS = 5_000

/** The script main runs in the page: the renderer's flush, awaited; true when it ran. */
export const FLUSH_SCRIPT = `(async () => { const f = window[${JSON.stringify(FLUSH_EDITS_HOOK)}]; if (typeof f !== 'function') return false; await f(); return true })()`

type FlushWindow = Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'executeJavaScript' | 'isDestroyed'>
}

/**
 * Issue 10: a line typed just before closing must not be lost. Closing the window (and quitting,
 * which closes it) first asks the renderer to save the editors' unsaved edits — the page's
 * FLUSH_EDITS_HOOK, awaited through executeJavaScript (no extra IPC channel or preload global) —
 * then closes; a renderer that does not answer within `timeoutMs` is not waited for.
 */
export function installFlushOnClose(
  win: FlushWindow,
  logger: Logger,
  timeoutMs: number = FLUSH_TIMEOUT_MS,
): void {
  let flushed = false
  let flushing = false
  win.on('close', (event) => {
    if (flushed || win.isDestroyed() || win.webContents.isDestroyed()) return
    event.preventDefault()
    if (flushing) return
    flushing = true
    void flushRenderer(win, logger, timeoutMs).finally(() => {
      flushed = true
      if (!win.isDestroyed()) win.close()
    })
  })
}

/** Runs the renderer's flush; resolves when it finished, failed or timed out. */
export async function flushRenderer(
  win: FlushWindow,
  logger: Logger,
  timeoutMs: number = FLUSH_TIMEOUT_MS,
): Promise<'flushed' | 'no-editor' | 'timeout' | 'failed'> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    const outcome = await Promise.race([
      win.webContents
        .executeJavaScript(FLUSH_SCRIPT, true)
        .then((ran: unknown) => (ran === true ? ('flushed' as const) : ('no-editor' as const))),
      timeout,
    ])
    if (outcome === 'timeout') logger.warn('关闭前保存未完成的编辑超时', { timeoutMs })
    return outcome
  } catch (error) {
    logger.warn('关闭前保存未完成的编辑失败', { error })
    return 'failed'
  } finally {
    clearTimeout(timer)
  }
}
