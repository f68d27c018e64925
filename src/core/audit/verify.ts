import type { Kysely } from 'kysely'
import type { AuditVerifyResult } from '../../shared/types'
import type { DB } from '../db/schema'
import { META_KEYS } from '../db/tables/meta'
import { auditEntryHash, GENESIS_HASH } from './hash'

const PAGE = 1000

/**
 * Walks the chain from the first entry: each seq follows the previous one, each row links to the
 * previous hash, each hash matches its content, and the last entry is the recorded head (catches
 * a deleted tail). Reports the first broken entry with a Chinese reason.
 */
export async function verifyAudit(db: Kysely<DB>): Promise<AuditVerifyResult> {
  let prevSeq = 0
  let prevHash = GENESIS_HASH
  let checked = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', prevSeq)
      .orderBy('seq', 'asc')
      .limit(PAGE)
      .execute()
    for (const row of rows) {
      const broken = (reason: string): AuditVerifyResult => ({
        ok: false,
        checked,
        firstBrokenSeq: row.seq,
        reason,
      })
      if (row.seq !== prevSeq + 1) {
        const gap = row.seq - 1 === prevSeq + 1 ? `${prevSeq + 1}` : `${prevSeq + 1}–${row.seq - 1}`
        return broken(`第 ${row.seq} 条之前的记录缺失（序号 ${gap} 不存在），审计记录可能被删除`)
      }
      if (row.prev_hash !== prevHash) {
        return broken(`第 ${row.seq} 条与前一条记录的链接不符，审计记录可能被删除、插入或调换`)
      }
      if (auditEntryHash(row) !== row.hash) {
        return broken(`第 ${row.seq} 条的内容与其哈希不符，审计记录已被修改`)
      }
      prevSeq = row.seq
      prevHash = row.hash
      checked++
    }
    if (rows.length < PAGE) break
  }

  const head = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', META_KEYS.auditHead)
    .executeTakeFirst()
  if (!head) {
    if (checked === 0) return { ok: true, checked }
    return {
      ok: false,
      checked,
      firstBrokenSeq: prevSeq,
      reason: '缺少审计链末端标记，无法确认最新记录是否完整',
    }
  }
  const [headSeqText = '', headHash = ''] = head.value.split(':')
  const headSeq = Number(headSeqText)
  if (headSeq > prevSeq) {
    return {
      ok: false,
      checked,
      firstBrokenSeq: prevSeq + 1,
      reason: `最新的第 ${prevSeq + 1}–${headSeq} 条记录缺失，审计记录末尾被删除`,
    }
  }
  if (headSeq !== prevSeq || headHash !== prevHash) {
    return {
      ok: false,
      checked,
      firstBrokenSeq: Math.min(headSeq, prevSeq) || prevSeq,
      reason: `第 ${prevSeq} 条与审计链末端标记不符，审计记录可能被篡改`,
    }
  }
  return { ok: true, checked }
}
