import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSafeStorageSecrets, NO_ENCRYPTION_MESSAGE } from '../../src/main/secret-store'
import { makeTempDir } from '../helpers/temp-dir'

/** A stand-in for Electron's safeStorage: XOR "encryption", enough to prove nothing is plaintext. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a))
  return {
    available: options.available ?? true,
    isEncryptionAvailable() {
      return this.available
    },
    encryptString: (text: string) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(text))]),
    decryptString: (blob: Buffer) => {
      if (blob.subarray(0, 3).toString() !== 'v10') throw new Error('cannot decrypt')
      return xor(blob.subarray(3)).toString()
    },
    getSelectedStorageBackend: () =>
      (options.backend ?? 'gnome_libsecret') as 'gnome_libsecret' | 'basic_text',
  }
}

describe('safeStorage secret store', () => {
  let temp: ReturnType<typeof makeTempDir>
  afterEach(() => temp.cleanup())
  const token = 'ddt_SECRET-token-value-1234'

  it('keeps the token encrypted on disk and reads it back', async () => {
    temp = makeTempDir()
    const file = join(temp.dir, 'secrets.bin')
    const store = createSafeStorageSecrets(file, fakeSafeStorage())
    await store.set('sync.token', token)
    expect(await store.get('sync.token')).toBe(token)
    const raw = readFileSync(file)
    expect(raw.toString('latin1')).not.toContain('SECRET')
    expect(raw.toString('utf8')).not.toContain(token)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0)
    // A second store over the same file (an app restart) sees it too.
    expect(await createSafeStorageSecrets(file, fakeSafeStorage()).get('sync.token')).toBe(token)
  })

  it('refuses to store anything when the OS offers no encryption, with a Chinese message', async () => {
    temp = makeTempDir()
    const file = join(temp.dir, 'secrets.bin')
    const store = createSafeStorageSecrets(file, fakeSafeStorage({ available: false }))
    await expect(store.set('sync.token', token)).rejects.toThrow(NO_ENCRYPTION_MESSAGE)
    expect(existsSync(file)).toBe(false)
    expect(await store.get('sync.token')).toBeNull()
  })

  it.runIf(process.platform === 'linux')(
    "refuses Chromium's basic_text backend on Linux (a hard-coded key is not encryption)",
    async () => {
      temp = makeTempDir()
      const file = join(temp.dir, 'secrets.bin')
      const store = createSafeStorageSecrets(file, fakeSafeStorage({ backend: 'basic_text' }))
      await expect(store.set('sync.token', token)).rejects.toThrow(/无法加密保存令牌/)
      expect(existsSync(file)).toBe(false)
    },
  )

  it('deletes a key, and the file with the last one', async () => {
    temp = makeTempDir()
    const file = join(temp.dir, 'secrets.bin')
    const store = createSafeStorageSecrets(file, fakeSafeStorage())
    await store.set('a', '1')
    await store.set('b', '2')
    await store.delete('a')
    expect(await store.get('a')).toBeNull()
    expect(await store.get('b')).toBe('2')
    await store.delete('b')
    expect(existsSync(file)).toBe(false)
  })

  it('reads a blob it cannot decrypt (another user or machine) as empty', async () => {
    temp = makeTempDir()
    const file = join(temp.dir, 'secrets.bin')
    writeFileSync(file, 'garbage')
    const store = createSafeStorageSecrets(file, fakeSafeStorage())
    expect(await store.get('sync.token')).toBeNull()
    await store.set('sync.token', token)
    expect(await store.get('sync.token')).toBe(token)
  })

  it('serialises concurrent writes so none is lost', async () => {
    temp = makeTempDir()
    const store = createSafeStorageSecrets(join(temp.dir, 'secrets.bin'), fakeSafeStorage())
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.set(k, k.toUpperCase())))
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.get(k)))).toEqual([
      'A',
      'B',
      'C',
      'D',
    ])
  })
})
