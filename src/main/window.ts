import { join } from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { BrowserWindow } from 'electron'
import type { Logger } from '../core/logger'
import { createLogger } from '../core/logger'

export const WINDOW_TITLE = '政务公开工作台'

/**
 * `out/preload/index.js`. electron-vite emits main to `out/main` and the preload (CommonJS, since
 * the package has no "type": "module" and a sandboxed preload cannot be ESM) to `out/preload`.
 */
export const PRELOAD_PATH = join(__dirname, '../preload/index.js')

/**
 * The main window's options, as a pure function so tests can assert every security setting.
 * Each webPreferences entry is spelled out even where it equals Electron's default, so a future
 * default change or a careless edit shows up in review and in the tests.
 */
export function mainWindowOptions(
  preloadPath: string = PRELOAD_PATH,
): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    // Shown on ready-to-show, so the officer never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click (auxclick) must not open links in new windows; new windows are denied too.
      disableBlinkFeatures: 'Auxclick',
    },
  }
}

/** Creates the main window, loads `entryUrl` (app:// or the dev server) and shows it when painted. */
export function createMainWindow(
  entryUrl: string,
  preloadPath: string = PRELOAD_PATH,
  logger: Logger = createLogger(),
): BrowserWindow {
  const options = mainWindowOptions(preloadPath)
  const win = new BrowserWindow({
    ...options,
    // The three decisive isolation flags again, as literals at the constructor: a later edit of
    // mainWindowOptions cannot weaken them, and static scanners (Electronegativity reads only the
    // object literal passed here) can see them. A test checks both stay identical.
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win.show())
  // The page sets its own <title>; keep the product name in the title bar regardless.
  win.on('page-title-updated', (event) => event.preventDefault())
  // A failed load (dev server down, missing build) must not become an unhandled rejection in main.
  win.loadURL(entryUrl).catch((error: unknown) => {
    logger.error('主窗口页面加载失败', { url: entryUrl, error })
  })
  return win
}
