import { v7 as uuidv7 } from 'uuid'
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/** An approved item as a department would send it. */
export function makeItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '关于2026年度城市道路维修计划的公示',
    kind: 'notice',
    bodyHtml: '<p>根据工作安排，现将有关事项公示如下。</p>',
    approvedAt: '2026-11-20T09:30:00+08:00',
    approvedBy: '李审核',
    ...overrides,
  }
}

/**
 * The wire content hash of `item` (protocol revision 2): RFC 8785 canonical JSON, SHA-256. Computed
 * here with node:crypto, independently of src/shared/sync/wire.ts, so the tests check that one.
 */
export function hashOf(item: unknown): string {
  const canonical = canonicalize(item) ?? 'null'
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`
}

/** A PUT body for `item` at `revision`. */
export function putBody(revision: number, item: Record<string, unknown> = makeItem()) {
  return { revision, contentHash: hashOf(item), item }
}

/** A batch entry. */
export function batchEntry(
  id: string,
  revision: number,
  item: Record<string, unknown> = makeItem(),
) {
  return { id, ...putBody(revision, item) }
}

/** A fresh client item id (UUIDv7, as the desktop app makes them). */
export const newItemId = (): string => uuidv7()
