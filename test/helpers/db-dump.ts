import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'

/** Every row of every table, as canonical text: compare two dumps to prove nothing was written. */
export function dumpDatabase(path: string): string {
  const sqlite = new Database(path, { readonly: true })
  try {
    const tables = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string; sql: string | null }[]
    return tables
      .map(({ name, sql }) => {
        // WITHOUT ROWID tables (e.g. FTS5's shadow tables) have no rowid: they read in key order.
        const order = /WITHOUT\s+ROWID/i.test(sql ?? '') ? '' : ' ORDER BY rowid'
        const rows = sqlite.prepare(`SELECT * FROM "${name}"${order}`).all()
        return `${name}\n${JSON.stringify(rows)}`
      })
      .join('\n')
  } finally {
    sqlite.close()
  }
}

/** SHA-256 of a file's bytes. */
export function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
