/**
 * Saves still in flight when the editor closes (leaving the page flushes the autosave). The list
 * waits for them before querying, so it shows what was just typed.
 */
const pending = new Set<Promise<unknown>>()

export function trackSave<T>(p: Promise<T>): Promise<T> {
  pending.add(p)
  const done = () => pending.delete(p)
  p.then(done, done)
  return p
}

export async function pendingSaves(): Promise<void> {
  await Promise.allSettled([...pending])
}
