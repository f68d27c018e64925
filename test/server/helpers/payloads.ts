import { v7 as uuidv7 } from 'uuid'
import { canonicalJson, sha256 } from '../../../src/core/audit/hash'

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

/** The content hash a client would compute for `item`. */
export function hashOf(item: unknown): string {
  return `sha256:${sha256(canonicalJson(item))}`
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
