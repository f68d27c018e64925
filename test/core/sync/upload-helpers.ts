import { writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { readBlob } from '../../../src/server/uploads/uploads-service'
import { deterministicBytes } from '../../helpers/deterministic-bytes'
import { newItem } from '../items/helpers'
import { approveDirect, type TestServer } from './helpers'
import type { SyncDesk } from './sync-setup'

/** A deterministic "PDF" of `size` bytes (the desk checks the magic; the rest is noise). */
export const pdfBytes = (size: number, seed: number) =>
  deterministicBytes(Math.max(size, 16), seed, '%PDF-1.4\n')

export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** An approved item with these files attached (through attachments:add, the officer's way). */
export async function itemWithFiles(
  desk: SyncDesk,
  title: string,
  files: { name: string; bytes: Buffer }[],
): Promise<string> {
  const item = await newItem(desk.t, { title })
  for (const f of files) {
    const path = join(desk.t.dataDir, f.name)
    writeFileSync(path, f.bytes)
    desk.t.platform.openAnswers.push(path)
    await desk.t.call('attachments:add', { itemId: item.id })
  }
  await approveDirect(desk.store.db, item.id, desk.t.clock.clock)
  return item.id
}

/** The verified bytes the server holds for `hash`, or null. */
export async function serverBytes(server: TestServer, hash: string): Promise<Buffer | null> {
  const chunks = await readBlob(server.db(), hash)
  if (!chunks) return null
  const parts: Buffer[] = []
  for await (const c of chunks) parts.push(c)
  return Buffer.concat(parts)
}

/** The chunk PUTs among a desk's requests (`PUT /api/v1/blobs/<sha>/chunks/<n>`). */
export const chunkPuts = (requests: string[]) =>
  requests.filter((r) => /^PUT .*\/chunks\/\d+$/.test(r))
