import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SafeStorage } from 'electron'
import type { SecretStore } from '../core/platform'
import { AppError } from '../core/errors'

/** The encrypted secrets file in the user's data folder (not part of the database or its backups). */
export const SECRETS_FILE = 'secrets.bin'

/** Shown when the OS offers no real encryption: we refuse rather than keep a token in the clear. */
export const NO_ENCRYPTION_MESSAGE =
  '本机系统无法加密保存令牌（系统钥匙串不可用），为安全起见未保存。请在已登录的桌面会话中使用本程序（Linux 需要 GNOME 密钥环或 KWallet），或联系系统管理员。'

type Safe = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>

/**
 * Electron's safeStorage: real encryption is available, and on Linux it is not the `basic_text`
 * backend (a key hard-coded in Chromium: obfuscation, not encryption).
 */
function encryptionAvailable(safe: Safe): boolean {
  if (!safe.isEncryptionAvailable()) return false
  if (process.platform === 'linux' && safe.getSelectedStorageBackend) {
    return safe.getSelectedStorageBackend() !== 'basic_text'
  }
  return true
}

/**
 * The app's secret store: one file (`file`, under userData) holding the whole key → value map as a
 * single safeStorage-encrypted blob (DPAPI on Windows, Keychain on macOS, the desktop keyring on
 * Linux), written atomically with owner-only permissions. Nothing is ever written unencrypted:
 * `set` throws a Chinese AppError when encryption is unavailable. A blob that cannot be decrypted
 * (another user, another machine) reads as empty, so the officer is simply asked for the token.
 */
export function createSafeStorageSecrets(file: string, safe: Safe): SecretStore {
  const load = async (): Promise<Record<string, string>> => {
    let blob: Buffer
    try {
      blob = await readFile(file)
    } catch {
      return {}
    }
    if (!safe.isEncryptionAvailable()) return {}
    try {
      const parsed: unknown = JSON.parse(safe.decryptString(blob))
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
    } catch {
      return {}
    }
  }
  const save = async (values: Record<string, string>): Promise<void> => {
    if (Object.keys(values).length === 0) {
      await rm(file, { force: true })
      return
    }
    if (!encryptionAvailable(safe)) throw new AppError('INTERNAL', NO_ENCRYPTION_MESSAGE)
    const blob = safe.encryptString(JSON.stringify(values))
    await mkdir(dirname(file), { recursive: true })
    const temp = `${file}.tmp`
    await writeFile(temp, blob, { mode: 0o600 })
    await rename(temp, file)
  }
  // One change at a time, so two quick saves cannot interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task)
    queue = next.catch(() => undefined)
    return next
  }
  return {
    get: async (key) => (await load())[key] ?? null,
    set: (key, value) =>
      serial(async () => {
        if (!encryptionAvailable(safe)) throw new AppError('INTERNAL', NO_ENCRYPTION_MESSAGE)
        await save({ ...(await load()), [key]: value })
      }),
    delete: (key) =>
      serial(async () => {
        const values = await load()
        if (!(key in values)) return
        delete values[key]
        await save(values)
      }),
  }
}
