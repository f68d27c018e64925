import type { Kysely } from 'kysely'
import type { DB } from '../../../src/core/db/schema'
import {
  APPLICANT_TYPES,
  CASE_KINDS,
  REQUEST_OUTCOMES,
  type ApplicantType,
  type CaseKind,
  type CaseOutcome,
  type RequestOutcome,
} from '../../../src/shared/requests/types'
import { ITEM_KINDS, type ItemKind } from '../../../src/shared/items/types'

/**
 * A year of generated records with known answers for every cell the store fills: requests over
 * the year boundaries (received before / in / after the year, answered before / in / after it or
 * never, on 1 January and 31 December), cases decided in, before and after the year, 规章 and
 * 行政规范性文件 made, repealed, expired and amended, items of every kind, fee notices. The
 * expected counts are kept per scenario as the rows are written (bookkeeping, not the compile's
 * SQL), so a counting mistake in core shows as a wrong cell.
 */

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Expected {
  /** table3[row][applicant]: rows received, carried_over, outcome codes, carried_forward. */
  table3: Record<string, Record<ApplicantType, number>>
  table4: Record<CaseKind, Record<CaseOutcome, number>>
  regulations: Record<'rule' | 'normative', { made: number; repealed: number; inForce: number }>
  publishedByKind: Partial<Record<ItemKind, number>>
  fees: { notices: number; billed: number; collected: number; lapsed: number }
  interpretations: number
}

const zero = () =>
  Object.fromEntries(APPLICANT_TYPES.map((a) => [a, 0])) as Record<ApplicantType, number>

const pad = (n: number) => String(n).padStart(2, '0')
/** A day of `year` from a 0…1 fraction (months of 28 days keep it simple and valid). */
const dayOf = (year: number, f: number) => {
  const d = Math.floor(f * 12 * 28)
  return `${year}-${pad(Math.floor(d / 28) + 1)}-${pad((d % 28) + 1)}`
}

export interface GenerateOptions {
  year: number
  requests: number
  items: number
  authorId: string
  seed?: number
}

const KINDS: readonly ItemKind[] = ITEM_KINDS

/** Writes the records in a few large transactions; returns what every store cell must be. */
export async function generateYear(db: Kysely<DB>, o: GenerateOptions): Promise<Expected> {
  const rnd = prng(o.seed ?? 20240101)
  const Y = o.year
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const expected: Expected = {
    table3: { received: zero(), carried_over: zero(), carried_forward: zero() },
    table4: Object.fromEntries(
      CASE_KINDS.map((k) => [k, { upheld: 0, corrected: 0, other: 0, pending: 0 }]),
    ) as Expected['table4'],
    regulations: {
      rule: { made: 0, repealed: 0, inForce: 0 },
      normative: { made: 0, repealed: 0, inForce: 0 },
    },
    publishedByKind: {},
    fees: { notices: 0, billed: 0, collected: 0, lapsed: 0 },
    interpretations: 0,
  }
  for (const code of REQUEST_OUTCOMES) expected.table3[code] = zero()
  const now = `${Y + 1}-01-10T02:00:00.000Z`

  // ---- requests -------------------------------------------------------------------------
  type Scenario = { received: string; answered: string | null }
  const scenarios: (() => Scenario)[] = [
    () => ({ received: dayOf(Y - 1, rnd()), answered: dayOf(Y - 1, 0.999) }), // closed last year
    () => ({ received: dayOf(Y - 1, rnd()), answered: dayOf(Y, rnd()) }), // carried in, answered
    () => ({ received: dayOf(Y - 1, rnd()), answered: null }), // carried in and out
    () => ({ received: dayOf(Y - 1, rnd()), answered: dayOf(Y + 1, rnd() * 0.1) }),
    () => ({ received: dayOf(Y, rnd()), answered: dayOf(Y, 0.999) }),
    () => ({ received: dayOf(Y, rnd()), answered: dayOf(Y, 0.999) }),
    () => ({ received: dayOf(Y, rnd()), answered: dayOf(Y, 0.999) }),
    () => ({ received: `${Y}-01-01`, answered: `${Y}-12-31` }),
    () => ({ received: `${Y}-12-31`, answered: `${Y + 1}-01-04` }), // carried forward
    () => ({ received: dayOf(Y, rnd()), answered: null }), // still open
    () => ({ received: `${Y - 1}-12-31`, answered: `${Y}-01-01` }),
    () => ({ received: dayOf(Y + 1, rnd() * 0.05), answered: null }), // next year: nowhere
  ]
  const requestRows: DB['requests'][] = []
  const events: DB['request_events'][] = []
  const requestIds: string[] = []
  for (let i = 0; i < o.requests; i++) {
    const s = pick(scenarios)()
    // Keep answered ≥ received (the generated dayOf may cross within the same year).
    const answered = s.answered !== null && s.answered < s.received ? s.received : s.answered
    const applicant = pick(APPLICANT_TYPES)
    // （六）2 only for a request ended for an unpaid fee (the reconciliation rule checks it).
    const feeLapses = i % 7 === 0 && i % 2 === 1 && answered !== null
    const outcome: RequestOutcome | null =
      answered === null
        ? null
        : feeLapses
          ? '6.2'
          : pick(REQUEST_OUTCOMES.filter((o) => o !== '6.2'))
    const id = `req-${String(i).padStart(6, '0')}`
    requestIds.push(id)
    const rYear = Number(s.received.slice(0, 4))
    if (rYear === Y) expected.table3.received![applicant]++
    const openOn = (day: string) => answered === null || answered >= day
    if (s.received < `${Y}-01-01` && openOn(`${Y}-01-01`))
      expected.table3.carried_over![applicant]++
    if (answered !== null && answered.startsWith(`${Y}-`)) expected.table3[outcome!]![applicant]++
    if (s.received <= `${Y}-12-31` && (answered === null || answered > `${Y}-12-31`)) {
      expected.table3.carried_forward![applicant]++
    }
    requestRows.push({
      id,
      no: `GK${rYear}-${String(i).padStart(5, '0')}`,
      year: rYear,
      applicant_type: applicant,
      applicant_name: '测试申请人',
      applicant_id_no: '',
      applicant_contact: '',
      applicant_address: '',
      channel: 'online',
      submitted_date: s.received,
      channel_date: s.received,
      received_date: s.received,
      receipt_reason: null,
      content: `生成的申请 ${i}`,
      form: 'electronic',
      form_note: '',
      status: answered === null ? 'open' : outcome!.startsWith('6.') ? 'closed' : 'answered',
      due_date: null,
      provisional: 0,
      due_json: '[]',
      correction_limit: null,
      answered_date: answered,
      answer_type: null,
      outcome,
      imported: 1,
      created_at: now,
      created_by: null,
      created_by_name: null,
      updated_at: now,
    })
    events.push({
      id: `${id}-e1`,
      request_id: id,
      seq: 1,
      kind: 'received',
      date: s.received,
      data_json: JSON.stringify({ channel: 'online', receiptDate: s.received }),
      by_id: null,
      by_name: null,
      at: now,
    })
    // Fee notices on some requests; paid or lapsed.
    if (i % 7 === 0) {
      const noticeDay = s.received
      const amount = 100 * (1 + (i % 3))
      const inYear = noticeDay.startsWith(`${Y}-`)
      events.push({
        id: `${id}-e2`,
        request_id: id,
        seq: 2,
        kind: 'fee_notice',
        date: noticeDay,
        data_json: JSON.stringify({
          scheme: 'per_request',
          quantity: 11,
          amount,
          payBy: noticeDay,
        }),
        by_id: null,
        by_name: null,
        at: now,
      })
      if (inYear) {
        expected.fees.notices++
        expected.fees.billed += amount
      }
      // Paid on the notice day, or lapsed: then the request ended on its answered day as （六）2.
      const paid = !feeLapses
      const day = paid ? noticeDay : answered!
      events.push({
        id: `${id}-e3`,
        request_id: id,
        seq: 3,
        kind: paid ? 'fee_paid' : 'fee_lapsed',
        date: day,
        data_json: JSON.stringify(paid ? { amount } : {}),
        by_id: null,
        by_name: null,
        at: now,
      })
      if (paid && inYear) expected.fees.collected += amount
      if (!paid && day.startsWith(`${Y}-`)) expected.fees.lapsed++
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < requestRows.length; i += 500) {
      await trx
        .insertInto('requests')
        .values(requestRows.slice(i, i + 500))
        .execute()
    }
    for (let i = 0; i < events.length; i += 500) {
      await trx
        .insertInto('request_events')
        .values(events.slice(i, i + 500))
        .execute()
    }
  })

  // ---- cases (table 四) ------------------------------------------------------------------
  const cases: DB['request_cases'][] = []
  const caseCount = Math.max(12, Math.floor(o.requests / 20))
  for (let i = 0; i < caseCount; i++) {
    const kind = pick(CASE_KINDS)
    const filed = pick([dayOf(Y - 1, rnd()), dayOf(Y, rnd() * 0.8), `${Y}-12-31`])
    const decidedWhen = pick(['before', 'in', 'after', 'never'] as const)
    const result = pick(['upheld', 'corrected', 'other'] as const)
    let decided: string | null = null
    let outcome: CaseOutcome = 'pending'
    if (decidedWhen === 'before' && filed < `${Y}-01-01`) {
      decided = `${Y - 1}-12-30`
      outcome = result
    } else if (decidedWhen === 'in' && filed < `${Y}-12-31`) {
      decided = `${Y}-12-31`
      outcome = result
    } else if (decidedWhen === 'after') {
      decided = `${Y + 1}-02-01`
      outcome = result
    }
    // Bookkeeping: decided before the year → not in this report.
    if (decided !== null && decided < `${Y}-01-01`) {
      /* reported last year */
    } else if (decided !== null && decided <= `${Y}-12-31`) expected.table4[kind][outcome]++
    else expected.table4[kind].pending++
    cases.push({
      id: `case-${i}`,
      request_id: requestIds[i % requestIds.length]!,
      kind,
      filed_date: filed,
      organ: '某区人民政府',
      case_no: `复-${i}`,
      outcome,
      decided_date: decided,
      note: '',
      created_at: now,
      updated_at: now,
      updated_by_name: null,
    })
  }
  if (cases.length) await db.insertInto('request_cases').values(cases).execute()

  // ---- items (table 二 and the published counts) -------------------------------------------
  const item = (
    i: number,
    f: Partial<DB['items']> & { kind: ItemKind },
  ): Omit<DB['items'], 'rid'> => ({
    id: `item-${String(i).padStart(6, '0')}`,
    title: `生成的条目 ${i}`,
    body_html: '<p>正文</p>',
    body_text: '正文',
    issuer: '杭州市示范局',
    doc_number: '',
    signed_date: null,
    planned_publish_date: null,
    published_date: null,
    topic_id: null,
    genre_id: null,
    validity: 'valid',
    validity_by_id: null,
    catalogue_entry_id: null,
    due_date: null,
    index_number: null,
    index_year: null,
    index_seq: null,
    status: 'draft',
    approved_content_hash: null,
    live_revision: null,
    live_status: null,
    live_content_hash: null,
    content_hash: `h${i}`,
    revision: 1,
    author_id: o.authorId,
    updated_by: o.authorId,
    created_at: now,
    updated_at: now,
    ...f,
  })
  const items: Omit<DB['items'], 'rid'>[] = []
  const statuses = ['draft', 'pending_review', 'approved', 'synced', 'synced', 'withdrawn'] as const
  let n = 0
  // Regulations: made in three years, some repealed (by a later one) or expired or amended.
  const regs: { idx: number; row: 'rule' | 'normative'; signed: string; counted: boolean }[] = []
  const regulationCount = Math.max(40, Math.floor(o.items / 200))
  for (let i = 0; i < regulationCount; i++) {
    const row = rnd() < 0.3 ? 'rule' : 'normative'
    const signed = pick([
      dayOf(Y - 2, rnd()),
      dayOf(Y - 1, rnd()),
      dayOf(Y, rnd()),
      dayOf(Y + 1, 0.01),
    ])
    const status = pick(['approved', 'synced', 'synced', 'draft', 'withdrawn'] as const)
    const idx = n++
    const counted = status === 'approved' || status === 'synced'
    regs.push({ idx, row, signed, counted })
    items.push(
      item(idx, {
        kind: 'policy',
        genre_id: row === 'rule' ? 'genre-report-rule' : 'genre-report-normative',
        signed_date: signed,
        status,
        approved_content_hash: counted ? `h${idx}` : null,
        published_date: status === 'synced' ? signed : null,
      }),
    )
  }
  // Repeal some of them by a later document dated before / in / after the year.
  const validityChanges: {
    idx: number
    validity: 'repealed' | 'expired' | 'amended'
    date: string
  }[] = []
  for (const r of regs) {
    const x = rnd()
    if (x > 0.45) continue
    const validity = x < 0.2 ? 'repealed' : x < 0.35 ? 'expired' : 'amended'
    const date = pick([`${Y - 1}-12-31`, dayOf(Y, rnd()), `${Y}-12-31`, `${Y + 1}-01-02`])
    if (date < r.signed) continue
    validityChanges.push({ idx: r.idx, validity, date })
  }
  const changed = new Map(validityChanges.map((v) => [v.idx, v]))
  for (const r of regs) {
    if (!r.counted || r.signed > `${Y}-12-31`) continue
    const c = expected.regulations[r.row]
    if (r.signed >= `${Y}-01-01`) c.made++
    const v = changed.get(r.idx)
    const ended = v && v.validity !== 'amended' ? v.date : null
    if (ended !== null && ended >= `${Y}-01-01` && ended <= `${Y}-12-31`) c.repealed++
    if (ended === null || ended > `${Y}-12-31`) c.inForce++
  }
  // Other items of every kind.
  for (let i = 0; i < o.items - regulationCount; i++) {
    const kind = pick(KINDS)
    const status = pick(statuses)
    const signed = pick([dayOf(Y - 1, rnd()), dayOf(Y, rnd()), dayOf(Y, rnd()), dayOf(Y + 1, 0.02)])
    const published = status === 'synced' ? signed : null
    const idx = n++
    items.push(item(idx, { kind, status, signed_date: signed, published_date: published }))
    const day = published ?? signed
    if ((status === 'synced' || status === 'approved') && day.startsWith(`${Y}-`)) {
      expected.publishedByKind[kind] = (expected.publishedByKind[kind] ?? 0) + 1
      if (kind === 'interpretation') expected.interpretations++
    }
  }
  // Regulations count in the published figures too.
  for (const r of regs) {
    if (r.counted && r.signed.startsWith(`${Y}-`)) {
      expected.publishedByKind.policy = (expected.publishedByKind.policy ?? 0) + 1
    }
  }
  // The repealing documents are the later items that do it: one "repealer" per change, dated then.
  const repealers: Omit<DB['items'], 'rid'>[] = []
  for (const v of validityChanges) {
    const idx = n++
    repealers.push(
      item(idx, { kind: 'notice', signed_date: v.date, status: 'draft', title: `废止决定 ${idx}` }),
    )
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < items.length; i += 500) {
      await trx
        .insertInto('items')
        .values(items.slice(i, i + 500))
        .execute()
    }
    for (let i = 0; i < repealers.length; i += 500) {
      await trx
        .insertInto('items')
        .values(repealers.slice(i, i + 500))
        .execute()
    }
    for (const [k, v] of validityChanges.entries()) {
      const repealer = repealers[k]!
      await trx
        .updateTable('items')
        .set({ validity: v.validity, validity_by_id: repealer.id })
        .where('id', '=', `item-${String(v.idx).padStart(6, '0')}`)
        .execute()
    }
  })
  return expected
}
