import type { Clock } from '../../src/core/clock'

/** 2026-11-26 09:00 in Beijing: the default "now" of every test. */
export const FIXED_NOW = new Date('2026-11-26T01:00:00.000Z')

/** A clock that stands still until the test moves it. */
export interface TestClock {
  clock: Clock
  set(at: Date): void
  advanceMinutes(minutes: number): void
  advanceDays(days: number): void
}

/** Creates a fixed, movable clock (architecture doc, principle 2). */
export function createTestClock(start: Date = FIXED_NOW): TestClock {
  let now = start.getTime()
  return {
    clock: () => new Date(now),
    set: (at) => {
      now = at.getTime()
    },
    advanceMinutes: (minutes) => {
      now += minutes * 60_000
    },
    advanceDays: (days) => {
      now += days * 86_400_000
    },
  }
}

/** Predictable ids: `id-0001`, `id-0002`, … */
export function createTestIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${String(++n).padStart(4, '0')}`
}
