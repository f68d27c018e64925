/**
 * When to autosave: `debounceMs` after the last change, but no later than `maxWaitMs` after the
 * first unsaved change, so continuous typing still saves every few seconds. Pure, so it is tested
 * without timers.
 */
export interface AutosaveTiming {
  debounceMs: number
  maxWaitMs: number
}

export const AUTOSAVE_TIMING: AutosaveTiming = { debounceMs: 2000, maxWaitMs: 5000 }

/** Milliseconds from `now` until the autosave should run (0 = now). */
export function autosaveDelay(
  firstChangeAt: number,
  lastChangeAt: number,
  now: number,
  timing: AutosaveTiming = AUTOSAVE_TIMING,
): number {
  const due = Math.min(lastChangeAt + timing.debounceMs, firstChangeAt + timing.maxWaitMs)
  return Math.max(0, due - now)
}
