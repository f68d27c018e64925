import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { districtAudit, type DistrictActor } from '../district/accounts'

/**
 * Abandoned uploads (issue 15). A department's upload that never completes — the desk was
 * reinstalled, the item deleted, the file replaced — would keep its chunks in the database and its
 * size on the department's quota forever. An unfinished session whose last chunk (or start, when
 * no chunk came) is older than the expiry (`--upload-expiry`, default 7 days) is purged: the
 * session and its chunks are deleted, which releases the quota (the quota is the sum of the
 * department's sessions). Finished sessions are never touched — their chunks are the bytes of the
 * district's verified files (`upload_blobs`). A desk that comes back later simply starts the
 * upload again (`POST /blobs/{sha256}` answers an empty `received`); a chunk for a purged upload
 * is refused with 404, the desk marks the file and retries on its next sync.
 *
 * Runs on a timer in every server instance (several instances on one PostgreSQL purge safely: each
 * upload is deleted by one conditional statement, so only one of them deletes it) and as
 * `server:admin purge-uploads [--older-than <days>]`. Every purge that removed anything is
 * recorded in the district's audit trail (`uploads.purge`, 「清理过期的未完成上传」).
 */

const DAY_MS = 86_400_000

/** How often each instance looks for expired uploads. */
export const PURGE_EVERY_MS = 3_600_000
/** The first look after the server starts (then every PURGE_EVERY_MS). */
export const FIRST_PURGE_AFTER_MS = 60_000

/** Who purged, in the audit trail, when the server's timer did it. */
export const PURGE_TIMER_ACTOR: DistrictActor = { id: null, name: '系统（定时清理）' }

/** The audit action of a purge. */
export const PURGE_AUDIT_ACTION = 'uploads.purge'

/** One purged upload. */
export interface PurgedUpload {
  departmentCode: string
  sha256: string
  /** The file's size: the quota it held, now released. */
  size: number
  chunks: number
  /** Bytes of chunks deleted. */
  receivedBytes: number
  /** Its last chunk (or its start). */
  lastActivityAt: string
}

export interface PurgeResult {
  olderThanDays: number
  /** Unfinished uploads idle since before this instant were purged. */
  cutoff: string
  purged: PurgedUpload[]
  /** Quota released in all (the purged files' sizes). */
  releasedBytes: number
  /** Chunk bytes deleted in all. */
  deletedBytes: number
}

const BATCH = 200

/**
 * Deletes every unfinished upload idle for more than `olderThanDays` days at `now` (each in its own
 * transaction, conditional on still being unfinished and idle, so an upload that received a chunk
 * meanwhile stays). Audited when anything was purged, or always with `auditEmpty` (the CLI).
 */
export async function purgeAbandonedUploads(
  db: Kysely<ServerDB>,
  options: { now: Date; olderThanDays: number; actor: DistrictActor; auditEmpty?: boolean },
): Promise<PurgeResult> {
  const { now, olderThanDays } = options
  if (!(olderThanDays > 0)) throw new RangeError('olderThanDays must be positive')
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString()
  const purged: PurgedUpload[] = []
  const seen = new Set<string>()
  for (;;) {
    const candidates = await db
      .selectFrom('upload_sessions as s')
      .innerJoin('departments as d', 'd.id', 's.department_id')
      .select(['s.department_id', 'd.code', 's.sha256', 's.size', 's.updated_at'])
      .where('s.completed_at', 'is', null)
      .where('s.updated_at', '<', cutoff)
      .orderBy('s.updated_at')
      .orderBy('s.sha256')
      .limit(BATCH)
      .execute()
    const fresh = candidates.filter((c) => !seen.has(`${c.department_id}/${c.sha256}`))
    if (fresh.length === 0) break
    for (const c of fresh) {
      seen.add(`${c.department_id}/${c.sha256}`)
      const done = await db.transaction().execute(async (trx) => {
        // Conditional: a chunk that arrived since the select refreshed updated_at (putChunk
        // updates the session row first, so the two are ordered by its row lock).
        const deleted = await trx
          .deleteFrom('upload_sessions')
          .where('department_id', '=', c.department_id)
          .where('sha256', '=', c.sha256)
          .where('completed_at', 'is', null)
          .where('updated_at', '<', cutoff)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return null
        const chunks = await trx
          .selectFrom('upload_chunks')
          .select((eb) => [
            eb.fn.countAll<number | string>().as('n'),
            eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('bytes'),
          ])
          .where('department_id', '=', c.department_id)
          .where('sha256', '=', c.sha256)
          .executeTakeFirstOrThrow()
        await trx
          .deleteFrom('upload_chunks')
          .where('department_id', '=', c.department_id)
          .where('sha256', '=', c.sha256)
          .execute()
        return { chunks: Number(chunks.n), bytes: Number(chunks.bytes) }
      })
      if (done) {
        purged.push({
          departmentCode: c.code,
          sha256: c.sha256,
          size: Number(c.size),
          chunks: done.chunks,
          receivedBytes: done.bytes,
          lastActivityAt: c.updated_at,
        })
      }
    }
  }
  const result: PurgeResult = {
    olderThanDays,
    cutoff,
    purged,
    releasedBytes: purged.reduce((sum, p) => sum + p.size, 0),
    deletedBytes: purged.reduce((sum, p) => sum + p.receivedBytes, 0),
  }
  if (purged.length > 0 || options.auditEmpty) {
    const byDepartment: Record<string, number> = {}
    for (const p of purged)
      byDepartment[p.departmentCode] = (byDepartment[p.departmentCode] ?? 0) + 1
    await districtAudit(
      db,
      {
        actor: options.actor,
        action: PURGE_AUDIT_ACTION,
        target: null,
        detail: {
          olderThanDays,
          uploads: purged.length,
          releasedBytes: result.releasedBytes,
          deletedBytes: result.deletedBytes,
          departments: byDepartment,
        },
      },
      now.toISOString(),
    )
  }
  return result
}

/**
 * Purges on a timer in this server instance: first FIRST_PURGE_AFTER_MS after it is ready, then
 * every `everyMs`; never two runs at once; stopped when the server closes. No timer when
 * `expiryDays` is 0 (uploads never expire). Failures are logged (no content, no secrets) and the
 * next run tries again.
 */
export function scheduleUploadPurge(
  app: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
  expiryDays: number,
  everyMs: number = PURGE_EVERY_MS,
): void {
  if (!(expiryDays > 0)) return
  const timers: NodeJS.Timeout[] = []
  let running: Promise<void> | null = null
  let closed = false
  const run = () => {
    if (running || closed) return
    running = purgeAbandonedUploads(db, {
      now: clock(),
      olderThanDays: expiryDays,
      actor: PURGE_TIMER_ACTOR,
    })
      .then((r) => {
        if (r.purged.length > 0) {
          app.log.info(
            { uploads: r.purged.length, releasedBytes: r.releasedBytes },
            '已清理过期的未完成上传',
          )
        }
      })
      .catch((e: unknown) => {
        app.log.error({ err: e }, '清理过期的未完成上传失败，稍后重试')
      })
      .finally(() => {
        running = null
      })
  }
  app.addHook('onReady', async () => {
    timers.push(setTimeout(run, Math.min(everyMs, FIRST_PURGE_AFTER_MS)).unref())
    timers.push(setInterval(run, everyMs).unref())
  })
  app.addHook('onClose', async () => {
    closed = true
    for (const t of timers) clearTimeout(t)
    await running
  })
}
