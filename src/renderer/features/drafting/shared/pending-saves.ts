import { FLUSH_EDITS_HOOK } from '../../../../shared/items/autosave'

/**
 * Saves still in flight, and the editors' unsaved edits. The list waits for the saves before
 * querying, so it shows what was just typed; 锁定, 退出登录, the idle lock and main's window close /
 * quit (through FLUSH_EDITS_HOOK) call `flushPendingEdits()` first and wait for it (issue 10: a line
 * typed just before 锁定 was lost).
 */
const pending = new Set<Promise<unknown>>()
const flushers = new Set<() => Promise<unknown>>()

export function trackSave<T>(p: Promise<T>): Promise<T> {
  pending.add(p)
  const done = () => pending.delete(p)
  p.then(done, done)
  return p
}

export async function pendingSaves(): Promise<void> {
  await Promise.allSettled([...pending])
}

/** An open editor registers how to save what it has not saved yet; returns the unregister. */
export function registerFlush(flush: () => Promise<unknown>): () => void {
  flushers.add(flush)
  return () => {
    flushers.delete(flush)
  }
}

/** Saves every open editor's unsaved edits now and waits until all saves are done. */
export async function flushPendingEdits(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()))
  await pendingSaves()
}

// Main asks for the same before it closes the window or quits (src/main/flush-on-close.ts).
if (typeof window !== 'undefined') {
  ;(window as unknown as Record<string, unknown>)[FLUSH_EDITS_HOOK] = flushPendingEdits
}
