import { createCipheriv, createHash } from 'node:crypto'

/**
 * `size` bytes that look random but are the same on every run for the same `seed` (the AES-128-CTR
 * keystream of a key derived from it: fast enough for hundreds of MB). `magic`, when given, is
 * written at the start (e.g. `%PDF-1.4\n`, so the desk's type check accepts the file as a PDF).
 */
export function deterministicBytes(size: number, seed: number, magic?: string): Buffer {
  const key = createHash('sha256').update(`dd-bytes-${seed}`).digest().subarray(0, 16)
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  const out = Buffer.concat([cipher.update(Buffer.alloc(size)), cipher.final()])
  if (magic) out.write(magic, 0, 'latin1')
  return out
}
