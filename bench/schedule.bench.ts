/**
 * 工作配档表 benchmark: a 10,000-task 重点工作分解表 with 2,000 merged category ranges (each 重点工作
 * merged down over 5 tasks) imported through the app's importBreakdown into a fresh database, then
 * the 配档表 exported (.xlsx, merged headers and categories) — against a naive import that
 * resolves each cell's merge by scanning every merged range (exceljs' known slow path), then
 * parses and stores the same rows the same way. Prints a table, then one JSON line (the last line).
 * Target: import under 3 s on the 2-core build machine.
 * Run: npm run bench:schedule
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import { closeDatabase, openDatabase, type Store } from '../src/core/db/database'
import { newId } from '../src/core/ids'
import { parseBreakdown } from '../src/core/schedule/breakdown-parse'
import { exportScheduleXlsx } from '../src/core/schedule/export-schedule'
import { importBreakdown, writeBreakdown } from '../src/core/schedule/import-breakdown'
import { readSpreadsheet, type SheetGrid } from '../src/core/spreadsheet'

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000)
const PER = 5
const YEAR = 2024
const clock = () => new Date('2024-11-26T01:00:00.000Z')

/** The breakdown file: title merged across, header, 重点工作 merged down over every 5 tasks. */
function breakdown(): Buffer {
  const rows: (string | number)[][] = [
    ['2024年政务公开重点工作分解表'],
    ['序号', '重点工作', '具体任务', '责任单位', '完成时限'],
  ]
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }]
  for (let i = 0; i < TASKS; i++) {
    rows.push([
      i + 1,
      i % PER === 0 ? `第${i / PER + 1}类重点工作：做好重点领域信息公开` : '',
      `具体任务第${i + 1}项：按规定及时公开相关政策文件和解读材料`,
      i % 3 === 0 ? '区示范局' : '区财政局、区人社局',
      `2024年${(i % 12) + 1}月底前`,
    ])
    if (i % PER === 0) {
      merges.push({ s: { r: rows.length - 1, c: 1 }, e: { r: rows.length - 2 + PER, c: 1 } })
    }
  }
  const ws = XLSX.utils.aoa_to_sheet(rows)
  ws['!merges'] = merges
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '分解表')
  return XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer
}

/** The naive resolution: for every cell, scan every merged range for one that holds it. */
function naiveResolve(grid: SheetGrid): SheetGrid {
  const width = Math.max(...grid.rows.map((r) => r.length))
  const rows = grid.rows.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      for (const m of grid.merges) {
        if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) {
          return grid.rows[m.top]?.[m.left] ?? ''
        }
      }
      return row[c] ?? ''
    }),
  )
  // Merges resolved into the cells; only the title's range is kept (it marks the title row).
  return { ...grid, rows, merges: grid.merges.filter((m) => m.top === 0) }
}

async function freshStore(dir: string, name: string): Promise<Store> {
  const store = await openDatabase(join(dir, name), { appVersion: 'bench' })
  store.sqlite
    .prepare(
      `INSERT INTO department (id, name, org_code, created_at, updated_at)
       VALUES (1, '杭州市示范局', '113301000020000011', '2024-01-01', '2024-01-01')`,
    )
    .run()
  return store
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'schedule-bench-'))
  try {
    const bytes = breakdown()
    const file = { bytes, fileName: '分解表.xlsx' }

    const grid = readSpreadsheet(file).sheets[0] as SheetGrid
    const runFast = async (name: string) => {
      const store = await freshStore(dir, name)
      const t = performance.now()
      const r = await importBreakdown(store.db, null, file, { year: YEAR }, clock, newId)
      const ms = performance.now() - t
      return { store, r, ms }
    }
    const runNaive = async (name: string) => {
      const store = await freshStore(dir, name)
      const t = performance.now()
      const g = readSpreadsheet(file).sheets[0] as SheetGrid
      const parsed = parseBreakdown(naiveResolve(g), YEAR)
      const r = await writeBreakdown(store.db, null, parsed, file, { year: YEAR }, clock, newId)
      const ms = performance.now() - t
      await closeDatabase(store)
      return { r, ms }
    }
    // Alternate the two three times (the first pair warms the JIT); medians of the runs.
    const fastMs: number[] = []
    const naiveRuns: number[] = []
    let result = (await runFast('warm.sqlite')).r
    let last: Store | undefined
    for (let i = 0; i < 3; i++) {
      const f = await runFast(`fast${i}.sqlite`)
      fastMs.push(f.ms)
      result = f.r
      if (last) await closeDatabase(last)
      last = f.store
      const n = await runNaive(`naive${i}.sqlite`)
      naiveRuns.push(n.ms)
      if (n.r.total !== f.r.total) throw new Error('the two imports disagree')
    }
    const median = (xs: number[]) =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
    const importMs = median(fastMs)
    const naiveMs = median(naiveRuns)
    const naiveResult = result
    const t1 = performance.now()
    const exported = await exportScheduleXlsx((last as Store).db, YEAR, clock, 'all')
    const exportMs = performance.now() - t1
    await closeDatabase(last as Store)

    const ratio = naiveMs / importMs
    console.log('| step | tasks | merged ranges | ms |')
    console.log('|---|---|---|---|')
    console.log(
      `| import (app) | ${result.total} | ${grid.merges.length} | ${importMs.toFixed(0)} |`,
    )
    console.log(
      `| import (naive merge scan) | ${naiveResult.total} | ${grid.merges.length} | ${naiveMs.toFixed(0)} |`,
    )
    console.log(
      `| export 配档表 (.xlsx, ${(exported.bytes.length / 1024).toFixed(0)} KB) | ${exported.count} | — | ${exportMs.toFixed(0)} |`,
    )
    console.log(`ratio naive/app import: ${ratio.toFixed(1)}; target import < 3000 ms`)
    console.log(
      JSON.stringify({
        bench: 'schedule',
        tasks: result.total,
        mergedRanges: grid.merges.length,
        importMs: Math.round(importMs),
        naiveImportMs: Math.round(naiveMs),
        exportMs: Math.round(exportMs),
        ratio: Number(ratio.toFixed(2)),
      }),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
