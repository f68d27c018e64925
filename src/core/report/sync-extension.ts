import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { SyncExtension, SyncExtensionDeps } from '../sync/extensions'
import type { PhaseOutcome } from '../sync/push'
import type { NarrativeSectionKey, ReportTables } from '../../shared/report/format'
import { reportReceiptSchema, type PutReportBody } from '../../shared/report/wire'

/** The annual report's part of a sync run (src/core/sync/extensions-list.ts). */
export const reportSyncExtension: SyncExtension = {
  name: 'report',
  label: '年度报告',
  run: (d) => syncReports(d),
}

/**
 * Reports whose tables passed 保密审查 and that the district lacks. 修订稿 (issue 10): while the
 * report's item is revised, the approved revision stays in force (`live_revision`, `live_status`),
 * so the status that counts is `coalesce(live_status, status)`; and the tables are sent only when
 * the revision they were published with (`published_revision`) is the one in force or older — the
 * tables of a re-publication still under review never leave before their approval.
 */
async function dueReports(db: Kysely<DB>) {
  return db
    .selectFrom('report_drafts as r')
    .innerJoin('items as i', 'i.id', 'r.item_id')
    .select([
      'r.year',
      'r.tables_json',
      'r.narrative_json',
      'r.published_hash',
      'r.sent_hash',
      'r.item_id',
      'i.title',
    ])
    .where(sql<string>`COALESCE(i.live_status, i.status)`, 'in', ['approved', 'synced'])
    .where((eb) =>
      eb.or([
        eb.and([eb('r.published_revision', 'is', null), eb('i.live_revision', 'is', null)]),
        eb('r.published_revision', '<=', sql<number>`COALESCE(i.live_revision, i.revision)`),
      ]),
    )
    .where('r.tables_json', 'is not', null)
    .where('r.published_hash', 'is not', null)
    .where((eb) =>
      eb.or([eb('r.sent_hash', 'is', null), eb('r.sent_hash', '!=', eb.ref('r.published_hash'))]),
    )
    .orderBy('r.year')
    .execute()
}

/**
 * Sends each published report's tables and text to the district (idempotent PUT
 * /reports/{year}) once its disclosure item passed 保密审查, and remembers what was acknowledged, so
 * the district keeps every department's report as data (issue 13; summed by issue 15).
 */
export async function syncReports(d: SyncExtensionDeps): Promise<PhaseOutcome> {
  for (const r of await dueReports(d.db)) {
    const narrative = JSON.parse(r.narrative_json ?? '{}') as Partial<
      Record<NarrativeSectionKey, string>
    >
    const body: PutReportBody = {
      title: r.title,
      tables: JSON.parse(r.tables_json!) as ReportTables,
      narrative: {
        overview: narrative.overview ?? '',
        problems: narrative.problems ?? '',
        other: narrative.other ?? '',
      },
      itemId: r.item_id,
    }
    const res = await d.request('PUT', `/reports/${r.year}`, body, reportReceiptSchema)
    if (res.kind === 'unauthorized') return { kind: 'unauthorized' }
    if (res.kind !== 'ok') {
      const why =
        res.kind === 'rejected' && res.code === 'NOT_FOUND'
          ? '区级服务器不支持年度报告报送（版本过旧），请联系区级管理员升级'
          : res.message
      return { kind: 'transient', message: `报送 ${r.year} 年度报告失败：${why}` }
    }
    await d.db
      .updateTable('report_drafts')
      .set({ sent_hash: r.published_hash })
      .where('year', '=', r.year)
      .execute()
  }
  return { kind: 'done' }
}
