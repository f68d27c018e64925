/**
 * Deadline benchmark: recompute N answer deadlines (条例第三十三条: 20 working days, a third of
 * them with a consultation pause, a tenth with an extension) against the stored holiday calendar
 * (table calendar_years, seeded from chinese-days, plus 2027 from the test notice):
 *   - loaded once:   one `loadWorkCalendar(db)`, then `countDeadline` for each (what the request
 *                    register's recompute after a calendar change does);
 *   - cached lookup: `loadWorkCalendar(db)` per deadline (fingerprint query, cache hit);
 *   - fresh lookup:  `readWorkCalendar(db)` per deadline (reads and builds the calendar each time —
 *                    the baseline "one by one with a fresh calendar lookup each").
 * All three must give the same due dates. Prints a table, then one JSON line (the last line).
 * Run: npm run bench:deadlines   (BENCH_DEADLINES=N to change N; default 10,000)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadWorkCalendar, readWorkCalendar } from '../src/core/calendar/load'
import { parseHolidayNotice } from '../src/core/calendar/notice-parser'
import { addCalendarYear } from '../src/core/calendar/service'
import { closeDatabase, openDatabase } from '../src/core/db/database'
import {
  addCalendarDays,
  countDeadline,
  type DeadlineInput,
  type WorkCalendar,
} from '../src/core/deadlines'
import { createEventBus } from '../src/core/events/bus'

const N = Number(process.env.BENCH_DEADLINES ?? 10_000)
const clock = () => new Date('2026-12-01T01:00:00.000Z')

/** Deterministic inputs (mulberry32). */
function inputs(seed: number, n: number): DeadlineInput[] {
  let a = seed
  const rnd = () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const out: DeadlineInput[] = []
  for (let i = 0; i < n; i++) {
    const start = addCalendarDays('2025-01-01', Math.floor(rnd() * 730))
    const input: DeadlineInput = { start, days: 20 }
    if (rnd() < 1 / 3) {
      const from = addCalendarDays(start, 1 + Math.floor(rnd() * 10))
      input.pauses = [
        { from, to: addCalendarDays(from, 5 + Math.floor(rnd() * 20)), reason: '征求第三方意见' },
      ]
    }
    if (rnd() < 0.1) input.extensions = [{ days: 20, reason: '延期答复' }]
    out.push(input)
  }
  return out
}

function run(cal: WorkCalendar, input: DeadlineInput): string {
  return countDeadline(cal, input).dueDate ?? ''
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'deadlines-bench-'))
  const store = await openDatabase(join(dir, 'bench.sqlite'), { appVersion: 'bench' })
  try {
    const { db } = store
    const notice = parseHolidayNotice(
      readFileSync(join(__dirname, '../test/fixtures/calendar/notice-2027-test.txt'), 'utf8'),
    )
    await addCalendarYear(
      { db, clock, events: createEventBus() },
      { ...notice, source: 'notice', note: notice.title },
      null,
    )
    const work = inputs(20261201, N)

    // Warm up once (JIT, page cache), as a running app would be.
    const warm = await loadWorkCalendar(db)
    for (const input of work.slice(0, 200)) run(warm, input)

    let t = performance.now()
    const cal = await loadWorkCalendar(db)
    const once = work.map((input) => run(cal, input))
    const onceMs = performance.now() - t

    t = performance.now()
    const cached: string[] = []
    for (const input of work) cached.push(run(await loadWorkCalendar(db), input))
    const cachedMs = performance.now() - t

    t = performance.now()
    const fresh: string[] = []
    for (const input of work) fresh.push(run(await readWorkCalendar(db), input))
    const freshMs = performance.now() - t

    const same = once.every((d, i) => d === cached[i] && d === fresh[i])
    const rows = [
      ['loaded once', onceMs],
      ['cached lookup each', cachedMs],
      ['fresh lookup each (baseline)', freshMs],
    ] as const
    console.log(
      `Deadlines: ${N} answer deadlines against the stored calendar (${cal.years.length} years)`,
    )
    console.log('mode                           total ms   µs/deadline   × faster than baseline')
    for (const [name, ms] of rows) {
      console.log(
        `${name.padEnd(30)} ${ms.toFixed(1).padStart(8)}   ${((ms * 1000) / N).toFixed(1).padStart(11)}   ${(freshMs / ms).toFixed(1).padStart(8)}`,
      )
    }
    console.log(`same due dates in all modes: ${same ? 'yes' : 'NO'}`)
    console.log(
      JSON.stringify({
        bench: 'deadlines',
        deadlines: N,
        years: cal.years.length,
        loadedOnceMs: Number(onceMs.toFixed(2)),
        cachedLookupMs: Number(cachedMs.toFixed(2)),
        freshLookupMs: Number(freshMs.toFixed(2)),
        ratioFreshOverLoadedOnce: Number((freshMs / onceMs).toFixed(1)),
        ratioCachedOverLoadedOnce: Number((cachedMs / onceMs).toFixed(1)),
        sameResults: same,
      }),
    )
    if (!same) process.exitCode = 1
  } finally {
    await closeDatabase(store)
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
