/**
 * Sanitiser benchmark (issue 8, point 7): saving an item whose body is a real 16,000-row table,
 * through the app's own `items:save` / `items:autosave` channels on a real SQLite store. Compares
 * an autosave of the unchanged body (the sanitiser result is reused: no re-sanitise) against the
 * baseline of the same autosave with a full sanitise (what every autosave did before), in the same
 * run. Also reports where the sanitiser ran (worker pool or inline) and the longest stall of the
 * calling thread's event loop during a full-sanitise save — the window's freeze before the move to
 * a worker. Prints a table, then one JSON line (the last line).
 * Run: npm run bench:sanitise   (BENCH_ROWS=16000, BENCH_RUNS=3)
 */
import { closeWorkers, forgetSanitised, sanitiseStats, workerMode } from '../src/core/workers'
import { createTestCore } from '../test/helpers/test-core'
import { fieldsOf, newItem, withStaff } from '../test/core/items/helpers'
import { bigTable } from '../test/core/html/fixtures'

const ROWS = Number(process.env.BENCH_ROWS ?? 16_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const round = (n: number) => Math.round(n * 10) / 10

/** Runs `fn`, returning its wall time and the longest gap between 5 ms timer ticks meanwhile. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; stallMs: number }> {
  let last = performance.now()
  let stall = 0
  const timer = setInterval(() => {
    const now = performance.now()
    stall = Math.max(stall, now - last)
    last = now
  }, 5)
  const t0 = performance.now()
  try {
    await fn()
  } finally {
    clearInterval(timer)
  }
  const end = performance.now()
  return { ms: end - t0, stallMs: Math.max(stall, end - last) }
}

async function main(): Promise<void> {
  const t = await createTestCore()
  try {
    const html = bigTable(ROWS)
    forgetSanitised()
    await withStaff(t)
    let view = await newItem(t, { title: '2026年度政府信息公开目录（全表）' })
    const first = await timed(async () => {
      view = await t.call('items:save', { ...fieldsOf(view), bodyHtml: html })
    })
    const mode = await workerMode()

    // Baseline: the same unchanged autosave, but sanitising the full body every time.
    const full: number[] = []
    let fullStall = 0
    for (let i = 0; i < RUNS; i++) {
      forgetSanitised()
      const r = await timed(() => t.call('items:autosave', { ...fieldsOf(view), bodyHtml: html }))
      full.push(r.ms)
      fullStall = Math.max(fullStall, r.stallMs)
    }
    // Now: an autosave of the unchanged body reuses the sanitiser's result.
    await t.call('items:autosave', { ...fieldsOf(view), bodyHtml: html })
    const reusedBefore = sanitiseStats.reused
    const skip: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const r = await timed(() => t.call('items:autosave', { ...fieldsOf(view), bodyHtml: html }))
      skip.push(r.ms)
    }
    const reused = sanitiseStats.reused - reusedBefore
    const stored = await t.call('items:get', { id: view.id })
    const rowsKept = (stored.bodyHtml.match(/<tr>/g) ?? []).length

    const result = {
      bench: 'sanitise',
      rows: ROWS,
      body_chars: html.length,
      runs: RUNS,
      sanitiser_runs_in: mode,
      first_save_ms: round(first.ms),
      full_sanitise_autosave_ms_p50: round(median(full)),
      unchanged_autosave_ms_p50: round(median(skip)),
      ratio: round(median(full) / median(skip)),
      max_event_loop_stall_ms_full_sanitise: round(fullStall),
      reused_results: reused,
      rows_kept: rowsKept,
    }
    console.log(
      `table rows                      ${ROWS}（正文 ${html.length} 字符，保存后 ${rowsKept} 行）`,
    )
    console.log(
      `sanitiser runs in               ${mode === 'pool' ? 'worker pool' : 'inline (fallback)'}`,
    )
    console.log(`first save (full sanitise)      ${result.first_save_ms} ms`)
    console.log(
      `autosave, full sanitise (p50)   ${result.full_sanitise_autosave_ms_p50} ms（基线）`,
    )
    console.log(
      `autosave, unchanged body (p50)  ${result.unchanged_autosave_ms_p50} ms（复用 ${reused}/${RUNS}）`,
    )
    console.log(`ratio (baseline / unchanged)    ${result.ratio}`)
    console.log(
      `longest event-loop stall        ${result.max_event_loop_stall_ms_full_sanitise} ms（全量净化保存期间，主线程）`,
    )
    console.log(JSON.stringify(result))
  } finally {
    await t.cleanup()
    await closeWorkers()
  }
}

void main()
