import Database from 'better-sqlite3'
import { auditEntryHash, type AuditHashInput } from '../../../src/core/audit/hash'
import { META_KEYS } from '../../../src/core/db/tables/meta'

type Row = AuditHashInput & { hash: string }

/** The attack, as someone with the file and the sqlite3 shell would do it. */
export function rewriteChain(path: string, victim: number): void {
  const db = new Database(path)
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete')
    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(victim)
    const rows = db
      .prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq')
      .all(victim) as Row[]
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(victim - 1) as Row).hash
    let seq = victim
    const update = db.prepare('UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE seq = ?')
    for (const row of rows) {
      const moved = { ...row, seq, prev_hash: prev }
      const hash = auditEntryHash(moved)
      update.run(seq, prev, hash, row.seq)
      prev = hash
      seq++
    }
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(
      `${seq - 1}:${prev}`,
      META_KEYS.auditHead,
    )
    db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END`)
  } finally {
    db.close()
  }
}
