/**
 * Annual-report benchmark: a year with 50,000 items and 5,000 requests (with events, cases and
 * regulations) written by the report tests' generator, then
 *   - compile + export: `loadReport` (compileAnnualReport in ~10 grouped queries, the narrative,
 *     every rule) and the .docx and .xlsx written (charts rasterised) — the issue's target is
 *     under 5 s;
 *   - the baseline: compiling by one COUNT query per cell of tables 二, 三 and 四 (what a
 *     hand-written report query tends to be), checked to give the same tables.
 * Median of RUNS runs each. Prints a table, then one JSON line (the last line).
 * Run: npm run bench:report   (BENCH_ITEMS=N, BENCH_REQUESTS=M to change the sizes)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { closeDatabase, openDatabase } from '../src/core/db/database'
import type { DB } from '../src/core/db/schema'
import { clearChartCache } from '../src/core/report/charts'
import { reportDocx, reportXlsx } from '../src/core/report/export'
import { loadReport } from '../src/core/report/service'
import { emptyReportTables, type ReportTables } from '../src/shared/report/format'
import {
  APPLICANT_TYPES,
  CASE_KINDS,
  CASE_OUTCOMES,
  REQUEST_OUTCOMES,
} from '../src/shared/requests/types'
import { generateYear } from '../test/core/report/generate-year'

const ITEMS = Number(process.env.BENCH_ITEMS ?? 50_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5_000)
const RUNS = 5
const YEAR = 2025

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const ms = (n: number) => Math.round(n * 10) / 10

async function count(db: Kysely<DB>, query: ReturnType<typeof sql<{ n: number }>>) {
  const r = await query.execute(db)
  return Number(r.rows[0]?.n ?? 0)
}

/** The baseline: every cell its own COUNT query (table 二's store cells, all of 三 and 四). */
async function compileCellByCell(db: Kysely<DB>, year: number): Promise<ReportTables> {
  const start = `${year}-01-01`
  const end = `${year}-12-31`
  const t = emptyReportTables('2021')
  for (const a of APPLICANT_TYPES) {
    t.table3.received![a] = await count(
      db,
      sql`SELECT COUNT(*) AS n FROM requests WHERE applicant_type = ${a} AND received_date BETWEEN ${start} AND ${end}`,
    )
    t.table3.carried_over![a] = await count(
      db,
      sql`SELECT COUNT(*) AS n FROM requests WHERE applicant_type = ${a} AND received_date < ${start} AND (answered_date IS NULL OR answered_date >= ${start})`,
    )
    for (const o of REQUEST_OUTCOMES) {
      t.table3[o]![a] = await count(
        db,
        sql`SELECT COUNT(*) AS n FROM requests WHERE applicant_type = ${a} AND outcome = ${o} AND answered_date BETWEEN ${start} AND ${end}`,
      )
    }
    t.table3.total![a] = await count(
      db,
      sql`SELECT COUNT(*) AS n FROM requests WHERE applicant_type = ${a} AND outcome IS NOT NULL AND answered_date BETWEEN ${start} AND ${end}`,
    )
    t.table3.carried_forward![a] = await count(
      db,
      sql`SELECT COUNT(*) AS n FROM requests WHERE applicant_type = ${a} AND received_date <= ${end} AND (answered_date IS NULL OR answered_date > ${end})`,
    )
  }
  for (const row of Object.keys(t.table3)) {
    t.table3[row]!.total = APPLICANT_TYPES.reduce((n, a) => n + (t.table3[row]![a] ?? 0), 0)
  }
  for (const k of CASE_KINDS) {
    for (const o of CASE_OUTCOMES) {
      t.table4[k]![o] =
        o === 'pending'
          ? await count(
              db,
              sql`SELECT COUNT(*) AS n FROM request_cases WHERE kind = ${k} AND filed_date <= ${end} AND (outcome = 'pending' OR decided_date IS NULL OR decided_date > ${end})`,
            )
          : await count(
              db,
              sql`SELECT COUNT(*) AS n FROM request_cases WHERE kind = ${k} AND outcome = ${o} AND decided_date BETWEEN ${start} AND ${end}`,
            )
    }
    t.table4[k]!.total = CASE_OUTCOMES.reduce((n, o) => n + (t.table4[k]![o] ?? 0), 0)
  }
  const approved = sql`(i.status IN ('approved', 'synced') OR i.approved_content_hash IS NOT NULL) AND i.status != 'withdrawn'`
  const ended = sql`COALESCE(b.signed_date, (SELECT substr(MAX(r.created_at), 1, 10) FROM item_revisions r WHERE r.item_id = i.id AND r.kind = 'validity'), substr(i.updated_at, 1, 10))`
  for (const [row, genre] of [
    ['rules', '规章'],
    ['normative', '行政规范性文件'],
  ] as const) {
    const base = sql`FROM items i LEFT JOIN items b ON b.id = i.validity_by_id JOIN genres g ON g.id = i.genre_id WHERE g.name = ${genre} AND ${approved}`
    t.table2[row]!.made = await count(
      db,
      sql`SELECT COUNT(*) AS n ${base} AND i.signed_date BETWEEN ${start} AND ${end}`,
    )
    t.table2[row]!.repealed = await count(
      db,
      sql`SELECT COUNT(*) AS n ${base} AND i.signed_date <= ${end} AND i.validity IN ('repealed', 'expired') AND ${ended} BETWEEN ${start} AND ${end}`,
    )
    t.table2[row]!.in_force = await count(
      db,
      sql`SELECT COUNT(*) AS n ${base} AND i.signed_date <= ${end} AND NOT (i.validity IN ('repealed', 'expired') AND ${ended} <= ${end})`,
    )
  }
  return t
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-bench-'))
  const store = await openDatabase(join(dir, 'bench.sqlite'), { appVersion: 'bench' })
  try {
    const { db } = store
    const now = new Date().toISOString()
    await db
      .insertInto('department')
      .values({
        name: '杭州市示范局',
        org_code: '113301000020000011',
        created_at: now,
        updated_at: now,
      })
      .execute()
    await db
      .insertInto('users')
      .values({
        id: 'bench-author',
        username: 'bench',
        display_name: '基准',
        password_hash: 'x',
        active: 1,
        created_at: now,
        updated_at: now,
        last_login_at: null,
      })
      .execute()
    const t0 = performance.now()
    await generateYear(db, {
      year: YEAR,
      items: ITEMS,
      requests: REQUESTS,
      authorId: 'bench-author',
    })
    const seeded = performance.now() - t0

    const compileMs: number[] = []
    const exportMs: number[] = []
    const totalMs: number[] = []
    let tables: ReportTables | null = null
    let docxBytes = 0
    let xlsxBytes = 0
    for (let i = 0; i < RUNS; i++) {
      clearChartCache() // every run rasterises its charts (a cold export)
      const a = performance.now()
      const { view } = await loadReport(db, YEAR)
      const b = performance.now()
      const [docx, xlsx] = [await reportDocx(view), await reportXlsx(view)]
      const c = performance.now()
      compileMs.push(b - a)
      exportMs.push(c - b)
      totalMs.push(c - a)
      tables = view.tables
      docxBytes = docx.byteLength
      xlsxBytes = xlsx.byteLength
    }
    const baselineMs: number[] = []
    let baseline: ReportTables | null = null
    for (let i = 0; i < RUNS; i++) {
      const a = performance.now()
      baseline = await compileCellByCell(db, YEAR)
      baselineMs.push(performance.now() - a)
    }
    const same =
      JSON.stringify(baseline!.table3) === JSON.stringify(tables!.table3) &&
      JSON.stringify(baseline!.table4) === JSON.stringify(tables!.table4) &&
      ['rules', 'normative'].every(
        (r) => JSON.stringify(baseline!.table2[r]) === JSON.stringify(tables!.table2[r]),
      )
    if (!same) throw new Error('the per-cell baseline and compileAnnualReport disagree')
    const cells = 3 * 2 + 25 * 6 + 3 * 4
    const compile = median(compileMs)
    const base = median(baselineMs)
    const result = {
      bench: 'report',
      items: ITEMS,
      requests: REQUESTS,
      seedMs: ms(seeded),
      compileMs: ms(compile),
      exportMs: ms(median(exportMs)),
      compileAndExportMs: ms(median(totalMs)),
      baselinePerCellMs: ms(base),
      baselineQueries: cells,
      ratio: Math.round((base / compile) * 10) / 10,
      docxBytes,
      xlsxBytes,
      underTarget: median(totalMs) < 5000,
    }
    console.log(`年度报告基准：${ITEMS} 条条目，${REQUESTS} 件申请（中位数，${RUNS} 次）`)
    console.log(`  生成数据              ${ms(seeded)} ms`)
    console.log(`  编制（含校验、正文）   ${result.compileMs} ms`)
    console.log(`  导出 .docx + .xlsx    ${result.exportMs} ms`)
    console.log(`  编制 + 导出           ${result.compileAndExportMs} ms（目标 < 5000 ms）`)
    console.log(`  逐格查询（${cells} 次）   ${result.baselinePerCellMs} ms（仅表格，不含导出）`)
    console.log(`  逐格 / 编制           ${result.ratio}×`)
    console.log(JSON.stringify(result))
  } finally {
    await closeDatabase(store)
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
