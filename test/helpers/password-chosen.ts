import Database from 'better-sqlite3'

/**
 * The fixtures' stand-in for an owner who already set their own password: clears the first-login
 * change for an account a test created or reset (the rule itself is tested with it left on).
 */
export function markPasswordChosen(dbPath: string, userId: string): void {
  const db = new Database(dbPath)
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('UPDATE users SET must_change_password = 0 WHERE id = ?').run(userId)
  } finally {
    db.close()
  }
}
