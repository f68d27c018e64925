/**
 * When the editor autosaves (issue 10: at most the last 2 seconds of typing may be lost). Debounce
 * plus throttle: a save runs `debounceMs` after the last change, and no later than `maxWaitMs` after
 * the first unsaved change, so continuous typing still saves every `maxWaitMs`. The editor and the
 * crash test (test/crash/, a real child process killed mid-typing) schedule through the same
 * `AutosaveScheduler`, so the test measures the editor's own timing.
 */
export interface AutosaveTiming {
  debounceMs: number
  maxWaitMs: number
}

export const AUTOSAVE_TIMING: AutosaveTiming = { debounceMs: 1000, maxWaitMs: 1500 }

/** Milliseconds from `now` until the autosave should run (0 = now). Pure, tested without timers. */
export function autosaveDelay(
  firstChangeAt: number,
  lastChangeAt: number,
  now: number,
  timing: AutosaveTiming = AUTOSAVE_TIMING,
): number {
  const due = Math.min(lastChangeAt + timing.debounceMs, firstChangeAt + timing.maxWaitMs)
  return Math.max(0, due - now)
}

/** The timer functions the scheduler uses (the window's in the renderer, Node's in the test). */
export interface AutosaveTimers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
  now(): number
}

/**
 * Schedules `run` after changes by `autosaveDelay`. `changed()` on every keystroke; `taken()` when
 * a save (auto or explicit) captures the content, which ends the current unsaved stretch.
 */
export class AutosaveScheduler {
  private handle: unknown = undefined
  private firstChangeAt: number | null = null
  private lastChangeAt = 0

  constructor(
    private readonly run: () => void,
    private readonly timers: AutosaveTimers,
    private readonly timing: AutosaveTiming = AUTOSAVE_TIMING,
  ) {}

  /** Something changed now: (re)arm the timer. */
  changed(): void {
    const now = this.timers.now()
    this.firstChangeAt ??= now
    this.lastChangeAt = now
    this.clearTimer()
    const delay = autosaveDelay(this.firstChangeAt, this.lastChangeAt, now, this.timing)
    this.handle = this.timers.set(() => {
      this.handle = undefined
      this.run()
    }, delay)
  }

  /** A save captured the content: no timer, and the next change starts a new stretch. */
  taken(): void {
    this.clearTimer()
    this.firstChangeAt = null
  }

  private clearTimer(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle)
    this.handle = undefined
  }
}

/**
 * The renderer's page-world function main calls (webContents.executeJavaScript) before the window
 * closes or the app quits: it saves what the editors have not saved yet and resolves when stored.
 */
export const FLUSH_EDITS_HOOK = '__disclosureDeskFlushEdits'
