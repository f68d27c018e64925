/**
 * The in-memory login session held by one AppCore (never a module singleton): who is logged in,
 * when they last did something, and whether the app is locked.
 */
export interface SessionState {
  userId: string
  lastActivityAt: number
  locked: boolean
}

export class SessionManager {
  private state: SessionState | null = null

  /** The current session, or null when nobody is logged in. */
  get current(): Readonly<SessionState> | null {
    return this.state
  }

  /** Starts a fresh, unlocked session for `userId`. */
  start(userId: string, now: Date): void {
    this.state = { userId, lastActivityAt: now.getTime(), locked: false }
  }

  /** Ends the session (logout). */
  end(): void {
    this.state = null
  }

  /** Locks the session; true if it was unlocked before. */
  lock(): boolean {
    if (!this.state || this.state.locked) return false
    this.state.locked = true
    return true
  }

  /** Unlocks after the password was checked, counting as activity. */
  unlock(now: Date): void {
    if (!this.state) return
    this.state.locked = false
    this.state.lastActivityAt = now.getTime()
  }

  /** Records activity (a successful call); does nothing while locked or logged out. */
  touch(now: Date): void {
    if (this.state && !this.state.locked) this.state.lastActivityAt = now.getTime()
  }

  /** Locks the session if idle for longer than `lockAfterMinutes`; true if it just locked. */
  lockIfIdle(now: Date, lockAfterMinutes: number): boolean {
    if (!this.state || this.state.locked) return false
    if (now.getTime() - this.state.lastActivityAt <= lockAfterMinutes * 60_000) return false
    return this.lock()
  }
}
