import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import {
  APPLICANT_TYPES,
  CASE_KINDS,
  CASE_OUTCOMES,
  REQUEST_OUTCOMES,
  type ApplicantType,
  type CaseKind,
  type CaseOutcome,
  type RequestOutcome,
} from '../../shared/requests/types'

/**
 * The counts the annual report takes from the store, each in a few grouped queries (never one
 * query per cell — bench/report.bench.ts measures the difference). Dates are the calendar days
 * the registers store (`YYYY-MM-DD`, Beijing day), compared as text.
 */

export type ApplicantCounts = Record<ApplicantType, number>

export const zeroApplicants = (): ApplicantCounts =>
  Object.fromEntries(APPLICANT_TYPES.map((a) => [a, 0])) as ApplicantCounts

const bounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` })

/** Table 三 from the request register (annual-report.md, counting rules). */
export interface RequestCounts {
  /** 一: received in the year (the statutory receipt date, 条例第三十一条). */
  received: ApplicantCounts
  /** 二: received in earlier years and still open on 1 January. */
  carriedIn: ApplicantCounts
  /** 三: answered (or ended, （六）1/2) in the year, under the request's one outcome. */
  outcomes: Record<RequestOutcome, ApplicantCounts>
  /** 四: received by 31 December and still unanswered then. */
  carriedOut: ApplicantCounts
  /** Answered in the year with no outcome recorded (cannot be counted in 三: a data problem). */
  withoutOutcome: { no: string; answeredDate: string }[]
}

export async function countRequests(db: Kysely<DB>, year: number): Promise<RequestCounts> {
  const { start, end } = bounds(year)
  // One scan: each request falls into at most the buckets its two dates put it in.
  const rows = await db
    .selectFrom('requests')
    .select((eb) => [
      'applicant_type',
      'outcome',
      sql<number>`SUM(CASE WHEN received_date BETWEEN ${start} AND ${end} THEN 1 ELSE 0 END)`.as(
        'received',
      ),
      sql<number>`SUM(CASE WHEN received_date < ${start} AND (answered_date IS NULL OR answered_date >= ${start}) THEN 1 ELSE 0 END)`.as(
        'carried_in',
      ),
      sql<number>`SUM(CASE WHEN answered_date BETWEEN ${start} AND ${end} THEN 1 ELSE 0 END)`.as(
        'answered',
      ),
      sql<number>`SUM(CASE WHEN received_date <= ${end} AND (answered_date IS NULL OR answered_date > ${end}) THEN 1 ELSE 0 END)`.as(
        'carried_out',
      ),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('received_date', '<=', end)
    .where((eb) => eb.or([eb('answered_date', 'is', null), eb('answered_date', '>=', start)]))
    .groupBy(['applicant_type', 'outcome'])
    .execute()
  const outcomes = Object.fromEntries(REQUEST_OUTCOMES.map((o) => [o, zeroApplicants()])) as Record<
    RequestOutcome,
    ApplicantCounts
  >
  const counts: RequestCounts = {
    received: zeroApplicants(),
    carriedIn: zeroApplicants(),
    outcomes,
    carriedOut: zeroApplicants(),
    withoutOutcome: [],
  }
  let unlabelled = 0
  for (const r of rows) {
    const a = r.applicant_type
    counts.received[a] += Number(r.received)
    counts.carriedIn[a] += Number(r.carried_in)
    counts.carriedOut[a] += Number(r.carried_out)
    const answered = Number(r.answered)
    if (answered === 0) continue
    if (r.outcome && r.outcome in outcomes) outcomes[r.outcome][a] += answered
    else unlabelled += answered
  }
  if (unlabelled > 0) {
    counts.withoutOutcome = (
      await db
        .selectFrom('requests')
        .select(['no', 'answered_date'])
        .where('answered_date', '>=', start)
        .where('answered_date', '<=', end)
        .where('outcome', 'is', null)
        .orderBy('no')
        .execute()
    ).map((r) => ({ no: r.no, answeredDate: r.answered_date ?? '' }))
  }
  return counts
}

/** Table 四: per kind, cases decided in the year by result, and those undecided on 31 December. */
export type CaseCounts = Record<CaseKind, Record<CaseOutcome, number>>

export async function countCases(db: Kysely<DB>, year: number): Promise<CaseCounts> {
  const { start, end } = bounds(year)
  const rows = await db
    .selectFrom('request_cases')
    .select([
      'kind',
      sql<CaseOutcome>`CASE WHEN outcome = 'pending' OR decided_date IS NULL OR decided_date > ${end} THEN 'pending' ELSE outcome END`.as(
        'bucket',
      ),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('filed_date', '<=', end)
    // Decided before the year: reported last year.
    .where((eb) =>
      eb.or([
        eb('decided_date', 'is', null),
        eb('decided_date', '>=', start),
        eb('outcome', '=', 'pending'),
      ]),
    )
    .groupBy(['kind', 'bucket'])
    .execute()
  const counts = Object.fromEntries(
    CASE_KINDS.map((k) => [k, Object.fromEntries(CASE_OUTCOMES.map((o) => [o, 0]))]),
  ) as CaseCounts
  for (const r of rows) counts[r.kind][r.bucket] += Number(r.n)
  return counts
}

/**
 * 修订稿 (issue 10; migration 0110): while an approved/published item is revised, `items.status`
 * and its content columns are the WORKING revision's, and the approved revision still in force is
 * `live_revision` (`live_status` 已通过/已同步). The report counts what is in force: the status is
 * `coalesce(live_status, status)` and 体裁, dates and 有效性 come from the in-force revision's
 * snapshot (join `item_revisions as lr` with {@link joinLive}).
 */
const IN_FORCE_STATUS = sql<string>`COALESCE(i.live_status, i.status)`
const SNAPSHOT_KEYS = {
  kind: 'kind',
  genre_id: 'genreId',
  signed_date: 'signedDate',
  planned_publish_date: 'plannedPublishDate',
  validity: 'validity',
  validity_by_id: 'validityById',
} as const
/** A content column of the revision in force (`i` = items, `lr` = its live revision's row). */
function inForce(column: keyof typeof SNAPSHOT_KEYS) {
  const path = `$.content.${SNAPSHOT_KEYS[column]}`
  return sql<
    string | null
  >`(CASE WHEN i.live_revision IS NOT NULL AND lr.snapshot_json IS NOT NULL THEN json_extract(lr.snapshot_json, ${path}) ELSE ${sql.ref(`i.${column}`)} END)`
}

/** The 体裁 names table 二's first block is counted from (seeded by migration 0160). */
export const REGULATION_GENRES = { rule: '规章', normative: '行政规范性文件' } as const
export type RegulationRow = keyof typeof REGULATION_GENRES

export interface RegulationCounts {
  made: number
  repealed: number
  inForce: number
  /** Every one made by 31 December, repealed or not (the 2019 format's 对外公开总数量). */
  total: number
}

/**
 * Table 二, 第二十条第（一）项: 规章 and 行政规范性文件 among the items that passed 保密审查 (已通过 /
 * 已同步, or an approved revision under revision). 制发 = 成文日期 in the year; 废止 = 有效性 废止 or
 * 失效 dated in the year (the repealing document's 成文日期, else the day the 有效性 was changed);
 * 现行有效 = made by 31 December and not repealed by then (已修改 stays in force).
 */
export async function countRegulations(
  db: Kysely<DB>,
  year: number,
): Promise<Record<RegulationRow, RegulationCounts>> {
  const { start, end } = bounds(year)
  const genres = await db
    .selectFrom('genres')
    .select(['id', 'name'])
    .where('name', 'in', Object.values(REGULATION_GENRES))
    .execute()
  const result: Record<RegulationRow, RegulationCounts> = {
    rule: { made: 0, repealed: 0, inForce: 0, total: 0 },
    normative: { made: 0, repealed: 0, inForce: 0, total: 0 },
  }
  const rowOf = new Map<string, RegulationRow>()
  for (const g of genres) {
    rowOf.set(g.id, g.name === REGULATION_GENRES.rule ? 'rule' : 'normative')
  }
  if (rowOf.size === 0) return result
  // Regulations are few (hundreds, not the year's thousands of items): read them and count here.
  const genreId = inForce('genre_id')
  const signed = inForce('signed_date')
  const rows = await db
    .selectFrom('items as i')
    .leftJoin('item_revisions as lr', (j) =>
      j.onRef('lr.item_id', '=', 'i.id').onRef('lr.revision', '=', 'i.live_revision'),
    )
    .leftJoin('items as b', (j) => j.on(sql.ref('b.id'), '=', inForce('validity_by_id')))
    .select([
      genreId.as('genre_id'),
      signed.as('signed_date'),
      sql<
        string | null
      >`CASE WHEN ${inForce('validity')} IN ('repealed', 'expired') THEN COALESCE(b.signed_date, (SELECT substr(MAX(r.created_at), 1, 10) FROM item_revisions r WHERE r.item_id = i.id AND r.kind = 'validity' AND r.revision <= COALESCE(i.live_revision, i.revision)), substr(COALESCE(lr.updated_at, i.updated_at), 1, 10)) END`.as(
        'ended',
      ),
    ])
    .where(genreId, 'in', [...rowOf.keys()])
    .where(signed, 'is not', null)
    .where(signed, '<=', end)
    .where((eb) =>
      eb.or([
        eb(IN_FORCE_STATUS, 'in', ['approved', 'synced']),
        eb('i.approved_content_hash', 'is not', null),
      ]),
    )
    .where('i.status', '!=', 'withdrawn')
    .execute()
  for (const r of rows) {
    const key = r.genre_id ? rowOf.get(r.genre_id) : undefined
    if (!key || !r.signed_date) continue
    const c = result[key]
    c.total++
    if (r.signed_date >= start) c.made++
    if (r.ended !== null && r.ended >= start && r.ended <= end) c.repealed++
    if (r.ended === null || r.ended > end) c.inForce++
  }
  return result
}

/** Items the department published in the year, by kind (主动公开; for section 一 and the chart). */
export async function countPublishedByKind(
  db: Kysely<DB>,
  year: number,
): Promise<{ kind: string; count: number }[]> {
  const { start, end } = bounds(year)
  // Synced items by their publication day; approved ones not yet synced by 拟发布/成文日期 (of the
  // revision in force while a 修订稿 is edited).
  const day = sql<string>`COALESCE(i.published_date, ${inForce('planned_publish_date')}, ${inForce('signed_date')})`
  const kind = inForce('kind')
  const rows = await db
    .selectFrom('items as i')
    .leftJoin('item_revisions as lr', (j) =>
      j.onRef('lr.item_id', '=', 'i.id').onRef('lr.revision', '=', 'i.live_revision'),
    )
    .select([kind.as('kind'), (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) =>
      eb.or([
        eb.and([eb(IN_FORCE_STATUS, '=', 'synced'), eb('i.published_date', '>=', start)]),
        eb.and([eb(IN_FORCE_STATUS, '=', 'approved'), eb(day, '>=', start)]),
      ]),
    )
    .where(day, '<=', end)
    .groupBy(kind)
    .execute()
  return rows.map((r) => ({ kind: r.kind ?? '', count: Number(r.n) }))
}

/** Decisions published as items (行政许可/处罚/强制 公示) in the year: a hint beside the officer's figure. */
export async function countDecisionItems(
  db: Kysely<DB>,
  year: number,
): Promise<Record<'permit' | 'penalty' | 'enforcement', number>> {
  const { start, end } = bounds(year)
  const day = sql<string>`COALESCE(${inForce('signed_date')}, i.published_date)`
  const kind = inForce('kind')
  const rows = await db
    .selectFrom('items as i')
    .leftJoin('item_revisions as lr', (j) =>
      j.onRef('lr.item_id', '=', 'i.id').onRef('lr.revision', '=', 'i.live_revision'),
    )
    .select([kind.as('kind'), (eb) => eb.fn.countAll<number>().as('n')])
    .where(kind, 'in', ['permit', 'penalty', 'enforcement'])
    .where(IN_FORCE_STATUS, 'in', ['approved', 'synced'])
    .where(day, '>=', start)
    .where(day, '<=', end)
    .groupBy(kind)
    .execute()
  const out = { permit: 0, penalty: 0, enforcement: 0 }
  for (const r of rows) out[r.kind as keyof typeof out] = Number(r.n)
  return out
}

/** 信息处理费 in the year (条例第四十二条): notices issued, amount billed, amount collected (yuan). */
export interface FeeFigures {
  notices: number
  billed: number
  collected: number
  /** Requests ended in the year because the fee was not paid (row （六）2 reconciles with this). */
  lapsed: number
}

export async function countFees(db: Kysely<DB>, year: number): Promise<FeeFigures> {
  const { start, end } = bounds(year)
  const rows = await db
    .selectFrom('request_events')
    .select([
      'kind',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`SUM(COALESCE(json_extract(data_json, '$.amount'), 0))`.as('amount'),
    ])
    .where('kind', 'in', ['fee_notice', 'fee_paid', 'fee_lapsed'])
    .where('date', '>=', start)
    .where('date', '<=', end)
    .groupBy('kind')
    .execute()
  const fees: FeeFigures = { notices: 0, billed: 0, collected: 0, lapsed: 0 }
  for (const r of rows) {
    if (r.kind === 'fee_notice') {
      fees.notices = Number(r.n)
      fees.billed = Number(r.amount)
    } else if (r.kind === 'fee_paid') fees.collected = Number(r.amount)
    else fees.lapsed = Number(r.n)
  }
  return fees
}

/** Interpretations (政策解读) published in the year, and how many explain a policy. */
export async function countInterpretations(
  db: Kysely<DB>,
  year: number,
): Promise<{ total: number; linked: number }> {
  const { start, end } = bounds(year)
  const day = sql<string>`COALESCE(i.published_date, ${inForce('planned_publish_date')}, ${inForce('signed_date')})`
  const row = await db
    .selectFrom('items as i')
    .leftJoin('item_revisions as lr', (j) =>
      j.onRef('lr.item_id', '=', 'i.id').onRef('lr.revision', '=', 'i.live_revision'),
    )
    .leftJoin('item_links as l', 'l.interpretation_id', 'i.id')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.count<number>('l.policy_id').as('linked'),
    ])
    .where(inForce('kind'), '=', 'interpretation')
    .where(IN_FORCE_STATUS, 'in', ['approved', 'synced'])
    .where(day, '>=', start)
    .where(day, '<=', end)
    .executeTakeFirst()
  return { total: Number(row?.total ?? 0), linked: Number(row?.linked ?? 0) }
}
