import { createHash, randomBytes } from 'node:crypto'

/** Every department token starts with this, so a leaked one is recognisable in a scan. */
export const TOKEN_PREFIX = 'ddt_'

/** How many characters of a token are kept in clear to tell tokens apart in listings. */
const SHOWN_CHARS = 8

/** A new department token: 32 random bytes, base64url, behind the `ddt_` marker. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

/**
 * The stored form of a token. A plain SHA-256 is enough (no salt, no slow KDF) because the token
 * carries 256 bits of randomness: there is nothing to guess by brute force, and a fast hash lets
 * every request be authenticated with one indexed lookup.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The part of a token that may be shown again (`ddt_AbCd…`). */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + SHOWN_CHARS)
}

/** The bearer token of an `Authorization` header, or null when absent or not a Bearer header. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match ? (match[1] ?? null) : null
}
