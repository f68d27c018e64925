import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import { app, dialog, ipcMain, Menu, session } from 'electron'
import { createAppCore } from '../core/api/app-core'
import type { AppCore } from '../core/api/types'
import { createLogger } from '../core/logger'
import { createOriginPolicy } from './app-origin'
import { registerAppSchemeAsPrivileged, serveRenderer } from './app-protocol'
import { installFlushOnClose } from './flush-on-close'
import { createSenderCheck, registerIpcHandlers } from './ipc'
import { confirmAndOpenExternal, createElectronPlatform } from './platform'
import { SECRETS_FILE } from './secret-store'
import { installSessionSecurity, installWebContentsGuards } from './security'
import { STARTUP_ERROR_TITLE, startupErrorMessage } from './startup-error'
import { createMainWindow } from './window'

/**
 * App lifecycle: one instance, every renderer sandboxed, the built renderer served from app://,
 * core created over the user's data folder, IPC registered, one window; core closed on quit.
 */

const logger = createLogger()

// The dev server URL is honoured only for an unpackaged app (`electron-vite dev`); a shipped build
// always loads its own files, whatever the environment says.
const policy = createOriginPolicy(app.isPackaged ? null : process.env['ELECTRON_RENDERER_URL'])

let mainWindow: BrowserWindow | null = null
let core: AppCore | null = null
const getMainWindow = (): BrowserWindow | null => mainWindow

// Both must happen before `ready`: Chromium reads them once at start-up.
app.enableSandbox()
registerAppSchemeAsPrivileged()

installWebContentsGuards(app, {
  policy,
  openExternal: (url) => confirmAndOpenExternal(url, getMainWindow),
})

function openMainWindow(): void {
  const win = createMainWindow(policy.entryUrl, undefined, logger)
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  // Closing the window or quitting first stores the editors' unsaved edits (issue 10).
  installFlushOnClose(win, logger)
  win.webContents.on('render-process-gone', (_event, details) => {
    logger.error('界面进程意外退出', { reason: details.reason, exitCode: details.exitCode })
  })
  mainWindow = win
}

async function start(): Promise<void> {
  await app.whenReady()
  // A shipped build has no menu: no DevTools/reload accelerators for officers to stumble on.
  if (app.isPackaged) Menu.setApplicationMenu(null)
  if (process.platform === 'win32') app.setAppUserModelId('cn.gov.disclosuredesk.app')

  installSessionSecurity(session.defaultSession, policy)
  if (!policy.devServerOrigin) serveRenderer(join(__dirname, '../renderer'))

  const dataDir = app.getPath('userData')
  let created: AppCore
  try {
    created = await createAppCore({
      dataDir,
      platform: createElectronPlatform(getMainWindow, join(dataDir, SECRETS_FILE), {
        userData: dataDir,
        documents: app.getPath('documents'),
      }),
      appVersion: app.getVersion(),
      logger,
    })
  } catch (error) {
    logger.error('核心模块启动失败', { error })
    dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(error, dataDir))
    app.exit(1)
    return
  }
  core = created

  registerIpcHandlers({
    ipcMain,
    core: created,
    isTrustedSender: createSenderCheck({ getMainWindow, policy }),
    logger,
  })
  openMainWindow()
}

if (!app.requestSingleInstanceLock()) {
  // Two instances on one SQLite file would fight over it: hand over to the running one.
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = mainWindow
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  app.on('window-all-closed', () => app.quit())

  // Close core (checkpoint the WAL, release the file) before the process exits.
  let closing = false
  app.on('will-quit', (event) => {
    const running = core
    if (!running || closing) return
    closing = true
    event.preventDefault()
    running
      .close()
      .catch((error: unknown) => logger.error('关闭数据库失败', { error }))
      .finally(() => {
        core = null
        app.quit()
      })
  })

  start().catch((error: unknown) => {
    logger.error('启动失败', { error })
    dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(error, app.getPath('userData')))
    app.exit(1)
  })
}
