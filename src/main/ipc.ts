import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../shared/contract'
import type { Result } from '../shared/result'
import { fail } from '../shared/result'
import type { AppCore } from '../core/api/types'
import { INTERNAL_MESSAGE } from '../core/errors'
import type { Logger } from '../core/logger'
import { createLogger } from '../core/logger'
import type { OriginPolicy } from './app-origin'

const FORBIDDEN_MESSAGE = '请求来源不受信任，已拒绝。请通过政务公开工作台主窗口操作。'

export interface SenderCheckOptions {
  /** The app's one window, or null before it exists / after it closed. */
  getMainWindow: () => BrowserWindow | null
  policy: OriginPolicy
}

/**
 * Decides whether an IPC call may reach core (Electron security checklist, "validate the sender of
 * all IPC messages"). Trusted only when all hold: the sending frame still exists; the webContents
 * is the main window's; the frame is that webContents' top-level frame (not an iframe); and the
 * frame's current URL has the app's origin (`app://renderer`, or the dev server in dev). Any
 * surprise while inspecting the event (a destroyed window or frame) means "not trusted".
 */
export function createSenderCheck(
  options: SenderCheckOptions,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    try {
      const frame = event.senderFrame
      if (!frame || frame.detached) return false
      const win = options.getMainWindow()
      if (!win || win.isDestroyed()) return false
      if (event.sender.id !== win.webContents.id) return false
      const mainFrame = event.sender.mainFrame
      if (frame.parent !== null || frame.frameTreeNodeId !== mainFrame.frameTreeNodeId) return false
      return options.policy.isAppUrl(frame.url)
    } catch {
      return false
    }
  }
}

/** The sender frame's URL for the log, without throwing on a destroyed frame. */
function safeSenderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null
  } catch {
    return null
  }
}

export interface IpcRegistration {
  ipcMain: IpcMain
  core: Pick<AppCore, 'dispatch'>
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
  logger?: Logger
}

/**
 * The one IPC wrapper: registers a handler for every contract channel that checks the sender,
 * then hands the raw input to `core.dispatch` (which validates it against the contract's schema).
 * Handlers never throw — Electron would pass only the message across — they return Result values.
 * Returns a function that removes the handlers again.
 */
export function registerIpcHandlers({
  ipcMain,
  core,
  isTrustedSender,
  logger = createLogger(),
}: IpcRegistration): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        logger.warn('拒绝了不受信任来源的 IPC 调用', { channel, url: safeSenderUrl(event) })
        return fail('FORBIDDEN', FORBIDDEN_MESSAGE)
      }
      try {
        return await core.dispatch(channel, raw)
      } catch (error) {
        // dispatch promises never to throw; if it does anyway, the renderer still gets a Result.
        logger.error('IPC 处理失败', { channel, error })
        return fail('INTERNAL', INTERNAL_MESSAGE)
      }
    })
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
