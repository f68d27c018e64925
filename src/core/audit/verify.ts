import type { Kysely } from 'kysely'
import type { AuditAnchorCheck, AuditVerifyResult } from '../../shared/audit/types'
import { localDateTimeText } from '../clock'
import type { DB } from '../db/schema'
import { META_KEYS } from '../db/tables/meta'
import { carriedPairs } from '../backup/carried-audit'
import { auditEntryHash, GENESIS_HASH } from './hash'

const PAGE = 1000

/** One audit-chain head acknowledged by the district server: `seq` had `hash` at `at`. */
export interface AnchorPoint {
  seq: number
  hash: string
  at: string
}

export interface VerifyOptions {
  /**
   * The anchors the district server keeps for this department (fetched over sync). They live
   * outside this file, so they still hold when the file's own anchor table was rewritten too.
   */
  serverAnchors?: readonly AnchorPoint[] | null
  /** Why the district's anchors could not be fetched (shown with the result). */
  serverError?: string | null
}

type Broken = { seq: number; reason: string }

/**
 * Walks the chain from the first entry: each seq follows the previous one, each row links to the
 * previous hash, each hash matches its content, and the last entry is the recorded head (catches
 * a deleted tail). Then compares the chain with its anchors — the heads the district server
 * acknowledged at each sync (the desk's stored copies, and the district's own when given): a chain
 * rewritten inside the file (triggers dropped, a row deleted, the rest re-chained) is internally
 * consistent but no longer matches them. Reports the first broken entry with a Chinese reason:
 * for an anchor mismatch, the first entry after the last anchor that still matches. After a
 * restore the district sets the replaced chain's anchors aside once the desk declares it (rebase)
 * and lists the restore entry instead; an anchor still listed that a sealed 「恢复前记录」 accounts
 * for means the restore was not declared yet, and is reported as such (never passed silently).
 */
export async function verifyAudit(
  db: Kysely<DB>,
  options: VerifyOptions = {},
): Promise<AuditVerifyResult> {
  const local = (
    await db.selectFrom('audit_anchors').select(['seq', 'hash', 'server_received_at']).execute()
  ).map((a) => ({ seq: a.seq, hash: a.hash, at: a.server_received_at }))
  const server = options.serverAnchors ?? null
  const wanted = new Set([...local, ...(server ?? [])].map((a) => a.seq))
  const seen = new Map<number, string>()
  /** `seq:hash` of the replaced chains the sealed 「恢复前记录」 carry → the carrying entry's seq. */
  const carried = new Map<string, number>()

  let prevSeq = 0
  let prevHash = GENESIS_HASH
  let checked = 0
  let chainBroken: Broken | null = null
  walk: for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', prevSeq)
      .orderBy('seq', 'asc')
      .limit(PAGE)
      .execute()
    for (const row of rows) {
      if (row.seq !== prevSeq + 1) {
        const gap = row.seq - 1 === prevSeq + 1 ? `${prevSeq + 1}` : `${prevSeq + 1}–${row.seq - 1}`
        chainBroken = {
          seq: row.seq,
          reason: `第 ${row.seq} 条之前的记录缺失（序号 ${gap} 不存在），审计记录可能被删除`,
        }
        break walk
      }
      if (row.prev_hash !== prevHash) {
        chainBroken = {
          seq: row.seq,
          reason: `第 ${row.seq} 条与前一条记录的链接不符，审计记录可能被删除、插入或调换`,
        }
        break walk
      }
      if (auditEntryHash(row) !== row.hash) {
        chainBroken = {
          seq: row.seq,
          reason: `第 ${row.seq} 条的内容与其哈希不符，审计记录已被修改`,
        }
        break walk
      }
      if (wanted.has(row.seq)) seen.set(row.seq, row.hash)
      if (row.action === 'backup.restore.carried' && row.detail_json !== null) {
        try {
          for (const [seq, hash] of carriedPairs(JSON.parse(row.detail_json))) {
            carried.set(`${seq}:${hash}`, row.seq)
          }
        } catch {
          // not a section: it carries nothing
        }
      }
      prevSeq = row.seq
      prevHash = row.hash
      checked++
    }
    if (rows.length < PAGE) break
  }

  const anchors = anchorSummary(local, server, options.serverError ?? null)
  const anchorBroken = compareAnchors(
    local,
    server,
    seen,
    chainBroken ? chainBroken.seq : null,
    prevSeq,
    carried,
  )
  const first = [chainBroken, anchorBroken]
    .filter((b): b is Broken => b !== null)
    .sort((a, b) => a.seq - b.seq)[0]
  const withAnchors = <T extends object>(r: T) => (anchors ? { ...r, anchors } : r)
  if (first) {
    return withAnchors({ ok: false, checked, firstBrokenSeq: first.seq, reason: first.reason })
  }

  const head = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', META_KEYS.auditHead)
    .executeTakeFirst()
  if (!head) {
    if (checked === 0) return withAnchors({ ok: true, checked })
    return withAnchors({
      ok: false,
      checked,
      firstBrokenSeq: prevSeq,
      reason: '缺少审计链末端标记，无法确认最新记录是否完整',
    })
  }
  const [headSeqText = '', headHash = ''] = head.value.split(':')
  const headSeq = Number(headSeqText)
  if (headSeq > prevSeq) {
    return withAnchors({
      ok: false,
      checked,
      firstBrokenSeq: prevSeq + 1,
      reason: `最新的第 ${prevSeq + 1}–${headSeq} 条记录缺失，审计记录末尾被删除`,
    })
  }
  if (headSeq !== prevSeq || headHash !== prevHash) {
    return withAnchors({
      ok: false,
      checked,
      firstBrokenSeq: Math.min(headSeq, prevSeq) || prevSeq,
      reason: `第 ${prevSeq} 条与审计链末端标记不符，审计记录可能被篡改`,
    })
  }
  return withAnchors({ ok: true, checked })
}

function anchorSummary(
  local: readonly AnchorPoint[],
  server: readonly AnchorPoint[] | null,
  serverError: string | null,
): AuditAnchorCheck | null {
  const all = [...local, ...(server ?? [])]
  if (all.length === 0 && serverError === null && server === null) return null
  const newest = all.reduce<AnchorPoint | null>((a, b) => (a && a.seq >= b.seq ? a : b), null)
  const source = server === null ? 'local' : local.length === 0 ? 'server' : 'both'
  return {
    checked: new Set(all.map((a) => `${a.seq}:${a.hash}`)).size,
    source,
    lastSeq: newest?.seq ?? null,
    lastAt: newest?.at ?? null,
    ...(serverError ? { serverError } : {}),
  }
}

/**
 * The first divergence between the chain and its anchors, in seq order. An anchor whose seq is
 * gone, or whose hash differs, means the chain was changed at or before it — after the last anchor
 * that still matches. Anchors at or past a chain break are left to the chain's own report.
 */
function compareAnchors(
  local: readonly AnchorPoint[],
  server: readonly AnchorPoint[] | null,
  seen: ReadonlyMap<number, string>,
  breakSeq: number | null,
  lastSeq: number,
  carried: ReadonlyMap<string, number>,
): Broken | null {
  const points = [
    ...(server ?? []).map((a) => ({ ...a, from: 'server' as const })),
    ...local.map((a) => ({ ...a, from: 'local' as const })),
  ].sort((a, b) => a.seq - b.seq || (a.from === 'server' ? -1 : 1))
  const serverBySeq = new Map((server ?? []).map((a) => [a.seq, a.hash]))
  let lastGood = 0
  for (const a of points) {
    if (breakSeq !== null && a.seq >= breakSeq) break
    const who = a.from === 'server' ? '区级服务器' : '本机保存的区级回执'
    const since = lastGood > 0 ? `第 ${lastGood} 条（最后一个仍一致的锚点）之后` : '从第 1 条起'
    if (a.from === 'local' && serverBySeq.has(a.seq) && serverBySeq.get(a.seq) !== a.hash) {
      return {
        seq: lastGood + 1,
        reason: `本机保存的第 ${a.seq} 条审计锚点与区级服务器保存的不同，本机的锚点记录被改动过；审计链${since}可能被改写`,
      }
    }
    const actual = seen.get(a.seq)
    const carriedAt = actual === a.hash ? undefined : carried.get(`${a.seq}:${a.hash}`)
    if (carriedAt !== undefined) {
      // The anchor belongs to the chain a restore replaced (docs/sync-protocol.md §2): the district
      // lists it until the desk's next sync declares the restore (rebase) and it is set aside.
      return {
        seq: carriedAt,
        reason: `${who}于 ${localDateTimeText(a.at)} 确认的第 ${a.seq} 条属于从备份恢复之前的审计链（见第 ${carriedAt} 条「恢复前记录」），区级尚未确认这次恢复：请同步一次后再校验`,
      }
    }
    if (actual === undefined && a.seq > lastSeq) {
      return {
        seq: lastGood + 1,
        reason: `审计链与${who}于 ${localDateTimeText(a.at)} 确认的锚点不符：当时已有第 ${a.seq} 条记录，现在本机只有 ${lastSeq} 条；审计记录在${since}被删除或改写`,
      }
    }
    if (actual !== a.hash) {
      return {
        seq: lastGood + 1,
        reason: `审计链与${who}于 ${localDateTimeText(a.at)} 确认的锚点不符：第 ${a.seq} 条的哈希与当时确认的不同；审计记录在${since}、第 ${a.seq} 条或之前被删除或改写（第一处分歧在第 ${lastGood + 1}–${a.seq} 条之间）`,
      }
    }
    lastGood = a.seq
  }
  return null
}
