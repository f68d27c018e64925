import type {
  BrowserWindow,
  MessageBoxOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron'
import { dialog, Notification, safeStorage, shell } from 'electron'
import type { FileDialogOptions, Platform } from '../core/platform'
import { basename, isAbsolute, join, relative } from 'node:path'
import { createSafeStorageSecrets } from './secret-store'

/** Longest URL we offer to open; matches the contract's limit for `shell:open-external`. */
const MAX_URL_LENGTH = 2048

/**
 * The URL to open if `url` is a plain web link, else null. Only http and https reach the system
 * browser: file:, javascript:, smb:, custom app schemes and the like could run or expose local
 * things. Embedded credentials (`https://user:pass@…`) are refused too — a classic disguise.
 */
export function webUrlToOpen(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  return parsed.href
}

/** Parent window for a dialog, so it is modal to the app rather than floating free. */
type WindowGetter = () => BrowserWindow | null

function liveWindow(getWindow: WindowGetter): BrowserWindow | null {
  const win = getWindow()
  return win && !win.isDestroyed() ? win : null
}

/**
 * Asks 「即将在浏览器中打开外部链接：…，是否继续？」 and opens the link in the system browser only if
 * the officer chooses 打开. Non-web URLs are refused without a dialog. Resolves true when opened.
 */
export async function confirmAndOpenExternal(
  url: string,
  getWindow: WindowGetter,
): Promise<boolean> {
  const target = webUrlToOpen(url)
  if (target === null) return false
  const options: MessageBoxOptions = {
    type: 'question',
    title: '打开外部链接',
    message: `即将在浏览器中打开外部链接：${target}，是否继续？`,
    buttons: ['打开', '取消'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
  const win = liveWindow(getWindow)
  const { response } = win
    ? await dialog.showMessageBox(win, options)
    : await dialog.showMessageBox(options)
  if (response !== 0) return false
  try {
    // Reviewed: `target` is an http(s) URL checked above and confirmed by the officer in the dialog.
    await shell.openExternal(target) // eng-disable OPEN_EXTERNAL_JS_CHECK
    return true
  } catch {
    return false // no browser registered, or the OS refused: nothing more the app can do
  }
}

/** Where save dialogs should start: the user's 文档 folder rather than the hidden app-data folder. */
export interface DialogFolders {
  userData: string
  documents: string
}

/**
 * The save dialog's starting path (issue 10): core suggests file names inside the app-data folder
 * (hidden from officers: `%APPDATA%`, `~/.config`); the dialog opens in 文档 with the same name.
 * A suggestion elsewhere (a USB disk chosen before) is kept.
 */
export function saveDefaultPath(
  defaultPath: string | undefined,
  folders: DialogFolders | undefined,
): string | undefined {
  if (!folders || defaultPath === undefined) return defaultPath
  if (!isAbsolute(defaultPath)) return join(folders.documents, defaultPath)
  const inside = relative(folders.userData, defaultPath)
  const underUserData = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
  return underUserData ? join(folders.documents, basename(defaultPath)) : defaultPath
}

/**
 * The Electron implementation of core's `Platform`: native dialogs (save dialogs start in 文档,
 * see saveDefaultPath), the external-link flow, and secrets encrypted with safeStorage in
 * `secretsFile` (under userData).
 */
export function createElectronPlatform(
  getWindow: WindowGetter,
  secretsFile: string,
  folders?: DialogFolders,
): Platform {
  return {
    async chooseSaveFile(options: FileDialogOptions): Promise<string | null> {
      const dialogOptions: SaveDialogOptions = {
        title: options.title || '保存文件',
        defaultPath: saveDefaultPath(options.defaultPath, folders),
        filters: options.filters,
        buttonLabel: '保存',
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const win = liveWindow(getWindow)
      const result = win
        ? await dialog.showSaveDialog(win, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions)
      return result.canceled || !result.filePath ? null : result.filePath
    },

    async chooseOpenFile(options: FileDialogOptions): Promise<string | null> {
      const dialogOptions: OpenDialogOptions = {
        title: options.title || '选择文件',
        defaultPath: options.defaultPath,
        filters: options.filters,
        buttonLabel: '打开',
        properties: ['openFile'],
      }
      const win = liveWindow(getWindow)
      const result = win
        ? await dialog.showOpenDialog(win, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },

    openExternal: (url: string) => confirmAndOpenExternal(url, getWindow),

    secrets: createSafeStorageSecrets(secretsFile, safeStorage),

    notify(title: string, body: string): void {
      if (Notification.isSupported()) new Notification({ title, body }).show()
    },
  }
}
