/**
 * The platform core runs on (Electron in the app, stubs in tests, e2e and the CLI): dialogs, links,
 * the OS key store, notifications. Core depends on this interface only, never on Electron.
 */

/** What core needs from the platform it runs on (Electron in the app, stubs in e2e and the CLI). */
export interface Platform {
  /** A save dialog; resolves to an absolute path, or null when the user cancels. */
  chooseSaveFile(options: FileDialogOptions): Promise<string | null>
  /** An open dialog for one file; resolves to an absolute path, or null when the user cancels. */
  chooseOpenFile(options: FileDialogOptions): Promise<string | null>
  /** Asks the user to confirm, then opens an http(s) URL in the system browser; true if opened. */
  openExternal(url: string): Promise<boolean>
  /**
   * Encrypted storage for secrets (the sync token): Electron's safeStorage in the app, memory in
   * tests. Never SQLite, never a log, never the renderer.
   */
  secrets: SecretStore
  /** An OS notification (e.g. requests due soon); never carries personal data. */
  notify(title: string, body: string): void | Promise<void>
}

/** A small key → secret store; `set` throws AppError with a Chinese message when it cannot encrypt. */
export interface SecretStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}

export interface FileDialogOptions {
  title: string
  defaultPath?: string
  filters?: { name: string; extensions: string[] }[]
}
