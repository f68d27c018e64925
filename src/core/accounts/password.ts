import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * scrypt with N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt; ~32 MiB, ~0.1 s per hash on
 * an office PC) and a random 16-byte salt. The parameters are stored with each hash so they can be
 * raised later without breaking existing passwords. Format: `scrypt$<log2N>$<r>$<p>$<salt>$<key>`.
 */
const LOG2_N = 15
const R = 8
const P = 1
const KEY_LENGTH = 64
const SALT_LENGTH = 16

/** Promise wrapper around the async (thread-pool) scrypt so the main process never blocks. */
function derive(password: string, salt: Buffer, log2n: number, r: number, p: number) {
  const options: ScryptOptions = { N: 2 ** log2n, r, p, maxmem: 256 * 1024 * 1024 }
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** Hashes a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, LOG2_N, R, P)
  return ['scrypt', LOG2_N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

/** True when `password` matches `stored`; constant-time comparison, false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [log2n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![log2n, r, p].every((n) => Number.isInteger(n) && n > 0) || log2n > 20) return false
  const salt = Buffer.from(parts[4] ?? '', 'base64')
  const expected = Buffer.from(parts[5] ?? '', 'base64')
  if (expected.length !== KEY_LENGTH) return false
  const actual = await derive(password, salt, log2n, r, p)
  return timingSafeEqual(actual, expected)
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the same time as a real check for an unknown username, so response time does not reveal
 * which usernames exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-0')
  await verifyPassword(password, await dummyHash)
}
