/**
 * Request-register benchmark: 50,000 requests in the store (10,000 open, the rest answered), with
 * their events, inserted in one transaction into the app's tables with derived columns computed
 * by the app's own rules. Then:
 *   - the due list: `requestCounts` (badge/home card) and `listRequests` for the 「3 个工作日内到期」
 *     and 「办理中」 tabs (first page), median and p95 over repeated runs;
 *   - recomputing every open request after a calendar change (2027 added): the register's
 *     `recomputeOpenRequests` (one calendar, two reads, one update per changed row, one
 *     transaction) against one by one — `readWorkCalendar` afresh, then `recomputeRequest`, each
 *     in its own transaction (the baseline). Both must give the same due dates.
 * Prints a table, then one JSON line (the last line).
 * Run: npm run bench:requests   (BENCH_REQUESTS=N, BENCH_OPEN=M to change the sizes)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readWorkCalendar } from '../src/core/calendar/load'
import { invalidateWorkCalendar } from '../src/core/calendar/load'
import { upsertCalendarYear } from '../src/core/calendar/repository'
import { closeDatabase, openDatabase } from '../src/core/db/database'
import { addCalendarDays } from '../src/core/deadlines'
import { deriveColumns } from '../src/core/requests/derive'
import { recomputeOpenRequests } from '../src/core/requests/recompute'
import type { EventFact } from '../src/core/requests/rules'
import { recomputeRequest } from '../src/core/requests/services'
import { listRequests, requestCounts } from '../src/core/requests/views'

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 50_000)
const OPEN = Number(process.env.BENCH_OPEN ?? 10_000)
const RUNS = 30
const clock = () => new Date('2026-12-21T02:00:00.000Z')

const TYPES = ['natural', 'commercial', 'research', 'public_interest', 'legal_service', 'other']
const CHANNELS = ['in_person', 'post', 'letter', 'online', 'fax', 'other']

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b)
  return {
    median: s[Math.floor(s.length / 2)] ?? 0,
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0,
  }
}

const ms = (n: number) => Math.round(n * 100) / 100

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'requests-bench-'))
  const store = await openDatabase(join(dir, 'bench.sqlite'), { appVersion: 'bench' })
  try {
    const { sqlite, db } = store
    const cal = await readWorkCalendar(db)
    const insertRequest = sqlite.prepare(
      `INSERT INTO requests (id, no, year, applicant_type, applicant_name, channel, channel_date,
         received_date, content, form, status, due_date, provisional, due_json, correction_limit,
         answered_date, answer_type, outcome, created_at, updated_at)
       VALUES (@id, @no, @year, @type, '某某', @channel, @received, @received, @content, 'paper',
         @status, @due_date, @provisional, @due_json, @correction_limit, @answered_date,
         @answer_type, @outcome, @at, @at)`,
    )
    const insertEvent = sqlite.prepare(
      `INSERT INTO request_events (id, request_id, seq, kind, date, data_json, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    const t0 = performance.now()
    sqlite.transaction(() => {
      for (let i = 0; i < TOTAL; i++) {
        const open = i >= TOTAL - OPEN
        // Answered ones spread over 2021–2026; open ones received in the last weeks of 2026.
        const received = open
          ? addCalendarDays('2026-11-16', (i * 7) % 35)
          : addCalendarDays('2021-01-04', (i * 13) % 2150)
        const events: EventFact[] = [{ seq: 1, kind: 'received', date: received, data: {} }]
        if (open && i % 3 === 0) {
          events.push({
            seq: 2,
            kind: 'consultation_started',
            date: addCalendarDays(received, 1),
            data: { party: 'third_party', partyName: '某公司', replyBy: '' },
          })
          if (i % 2 === 0) {
            events.push({
              seq: 3,
              kind: 'consultation_ended',
              date: addCalendarDays(received, 6),
              data: {},
            })
          }
        } else if (open && i % 10 === 1) {
          events.push({
            seq: 2,
            kind: 'extension',
            date: addCalendarDays(received, 3),
            data: { days: 20, approver: '李', reason: '需调档' },
          })
        } else if (!open) {
          events.push({
            seq: 2,
            kind: 'answer',
            date: addCalendarDays(received, 12),
            data: { answerType: 'disclose', outcome: '1', note: '' },
          })
        }
        const d = deriveColumns(cal, { receivedDate: received, events })
        const id = `r${String(i).padStart(6, '0')}`
        insertRequest.run({
          id,
          no: `GK${received.slice(0, 4)}-${String(i).padStart(5, '0')}`,
          year: Number(received.slice(0, 4)),
          type: TYPES[i % TYPES.length],
          channel: CHANNELS[i % CHANNELS.length],
          received,
          content: `关于第 ${i} 号事项的政府信息`,
          ...d,
          at: '2026-12-01T00:00:00.000Z',
        })
        for (const e of events) {
          insertEvent.run(
            `${id}-${e.seq}`,
            id,
            e.seq,
            e.kind,
            e.date,
            JSON.stringify(e.data),
            '2026-12-01T00:00:00.000Z',
          )
        }
      }
    })()
    const insertMs = performance.now() - t0

    // ── the due list ──
    const time = async (f: () => Promise<unknown>) => {
      const samples: number[] = []
      await f() // warm up
      for (let r = 0; r < RUNS; r++) {
        const a = performance.now()
        await f()
        samples.push(performance.now() - a)
      }
      return stats(samples)
    }
    const counts = await requestCounts(db, clock)
    const countsT = await time(() => requestCounts(db, clock))
    const soonT = await time(() =>
      listRequests(db, { tab: 'due_soon', text: '', offset: 0, limit: 100 }, clock),
    )
    const openT = await time(() =>
      listRequests(db, { tab: 'open', text: '', offset: 0, limit: 100 }, clock),
    )

    // ── a calendar change: 2027 is added (元旦 1月1日–3日 off) ──
    const at = '2026-12-21T02:00:00.000Z'
    await upsertCalendarYear(db, {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
      names: {},
      source: 'manual',
      note: 'bench',
      updatedAt: at,
      updatedBy: null,
      updatedByName: null,
    })
    invalidateWorkCalendar(db)
    const b0 = performance.now()
    const moved = await db
      .transaction()
      .execute(async (trx) => recomputeOpenRequests(trx, await readWorkCalendar(trx), clock))
    const batchMs = performance.now() - b0
    const afterBatch = sqlite
      .prepare(
        `SELECT id, due_date FROM requests WHERE status IN ('open','correction','consultation','fee') ORDER BY id`,
      )
      .all()

    const ids = (
      sqlite
        .prepare(
          `SELECT id FROM requests WHERE status IN ('open','correction','consultation','fee') ORDER BY id`,
        )
        .all() as { id: string }[]
    ).map((r) => r.id)
    const o0 = performance.now()
    for (const id of ids) {
      await db.transaction().execute(async (trx) => {
        const fresh = await readWorkCalendar(trx)
        await recomputeRequest(trx, fresh, id, at)
      })
    }
    const oneByOneMs = performance.now() - o0
    const afterOne = sqlite
      .prepare(
        `SELECT id, due_date FROM requests WHERE status IN ('open','correction','consultation','fee') ORDER BY id`,
      )
      .all()
    if (JSON.stringify(afterBatch) !== JSON.stringify(afterOne)) {
      throw new Error('batch and one-by-one recompute disagree')
    }

    const ratio = oneByOneMs / batchMs
    const rows: [string, string][] = [
      ['requests in store / open', `${TOTAL} / ${counts.open}`],
      ['insert (one transaction)', `${ms(insertMs)} ms`],
      ['counts (badge) median / p95', `${ms(countsT.median)} / ${ms(countsT.p95)} ms`],
      ['due list 「3 个工作日内到期」 median / p95', `${ms(soonT.median)} / ${ms(soonT.p95)} ms`],
      ['list 「办理中」 first 100 median / p95', `${ms(openT.median)} / ${ms(openT.p95)} ms`],
      ['due soon / overdue / paused', `${counts.dueSoon} / ${counts.overdue} / ${counts.paused}`],
      ['recompute all open after calendar change', `${ms(batchMs)} ms (${moved.length} moved)`],
      ['one by one, fresh calendar each (baseline)', `${ms(oneByOneMs)} ms`],
      ['ratio baseline / batch', `${ratio.toFixed(1)}×`],
    ]
    const w = Math.max(...rows.map(([k]) => k.length))
    for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`)
    console.log(
      JSON.stringify({
        bench: 'requests',
        requests: TOTAL,
        open: counts.open,
        dueListMedianMs: ms(soonT.median),
        dueListP95Ms: ms(soonT.p95),
        openListMedianMs: ms(openT.median),
        countsMedianMs: ms(countsT.median),
        recomputeBatchMs: ms(batchMs),
        recomputeOneByOneMs: ms(oneByOneMs),
        moved: moved.length,
        ratio: Math.round(ratio * 10) / 10,
      }),
    )
  } finally {
    await closeDatabase(store)
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
