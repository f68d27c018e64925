import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'

/** Every row of every table, as canonical text: compare two dumps to prove nothing was written. */
export function dumpDatabase(path: string): string {
  const sqlite = new Database(path, { readonly: true })
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[]
    return tables
      .map(({ name }) => {
        const rows = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()
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
