import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Store } from '../../../src/core/db/database'
import { compileAnnualReport } from '../../../src/core/report/compile'
import { reportDocx, reportXlsx } from '../../../src/core/report/export'
import { checkReportFile } from '../../../src/core/report/check'
import { loadReport } from '../../../src/core/report/service'
import { readSpreadsheet } from '../../../src/core/spreadsheet'
import {
  placeGrid,
  tableGrid,
  type ReportTableKey,
  type ReportTables,
} from '../../../src/shared/report/format'
import type { ReportView } from '../../../src/shared/report/types'
import { cli } from '../../helpers/run-cli'
import { makeTempDir } from '../../helpers/temp-dir'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { generateYear } from './generate-year'

/**
 * The exported files read back: the .docx unzipped and its tables rebuilt from w:gridSpan and
 * w:vMerge, the .xlsx through core/spreadsheet with its merges — every official label at its place
 * character for character, every number equal to the compiled one; CHECKER's check-report on our
 * own export passes; the CLI writes the three files and exits 1 (after writing) when a rule fails.
 */
let t: TestCore
let store: Store
let view: ReportView
const YEAR = 2024
const TABLES: ReportTableKey[] = ['table2', 'table3', 'table4']

async function fillOfficerFigures(db: Store['db'], year: number) {
  for (const [cell, value] of [
    ['table2.licensing.decisions', 1286],
    ['table2.punishment.decisions', 75],
    ['table2.enforcement.decisions', 3],
    ['table2.fees.amount', 12.35],
  ] as const) {
    await db
      .insertInto('report_figures')
      .values({
        year,
        cell,
        value,
        source: '业务系统统计',
        updated_at: '2025-01-10T00:00:00Z',
        updated_by_name: '测试',
      })
      .execute()
  }
}

beforeAll(async () => {
  t = await createTestCore()
  store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  const admin = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
  await generateYear(store.db, { year: YEAR, requests: 400, items: 600, authorId: admin.id })
  await fillOfficerFigures(store.db, YEAR)
  view = (await loadReport(store.db, YEAR)).view
})

afterAll(async () => {
  await store.db.destroy()
  await t.cleanup()
})

const text = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&amp;/g, '&')

/** A .docx table as a matrix of { text, top-left?, rowSpan, colSpan } from gridSpan/vMerge. */
function docxTables(xml: string) {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((tbl) => {
    const placed: { row: number; col: number; rowSpan: number; colSpan: number; text: string }[] =
      []
    const owner: (number | undefined)[][] = []
    ;[...tbl[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].forEach(
      (tr, r) => {
        owner[r] = []
        let col = 0
        for (const tc of (tr[1] ?? tr[2] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
          const body = tc[1]!
          const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(body)?.[1] ?? 1)
          if (body.includes('<w:vMerge w:val="continue"/>')) {
            const above = owner[r - 1]?.[col]
            expect(above, `a continued cell at ${r},${col} has a cell above`).toBeDefined()
            placed[above!]!.rowSpan = r - placed[above!]!.row + 1
            for (let k = 0; k < span; k++) owner[r]![col + k] = above
          } else {
            placed.push({ row: r, col, rowSpan: 1, colSpan: span, text: text(body) })
            for (let k = 0; k < span; k++) owner[r]![col + k] = placed.length - 1
          }
          col += span
        }
      },
    )
    return placed
  })
}

/** What format.ts says each table looks like, with this report's values. */
function expectedCells(tables: ReportTables, table: ReportTableKey) {
  return placeGrid(tableGrid(tables.format, table)).map((p) => {
    const c = p.cell
    const value = c.kind === 'value' ? (tables[table][c.row]?.[c.column] ?? null) : null
    return {
      row: p.row,
      col: p.col,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      text: c.kind === 'label' ? c.text : value === null ? '' : String(value),
    }
  })
}

describe('round trip of the exported report', () => {
  it('.docx: every label at its place character for character, every number equal', async () => {
    const docx = await reportDocx(view)
    const xml = await new JSZip()
      .loadAsync(docx)
      .then((z) => z.file('word/document.xml')!.async('string'))
    const tables = docxTables(xml)
    expect(tables).toHaveLength(3)
    TABLES.forEach((table, i) => {
      const got = [...tables[i]!].sort((a, b) => a.row - b.row || a.col - b.col)
      const want = expectedCells(view.tables, table).sort((a, b) => a.row - b.row || a.col - b.col)
      expect(got, table).toEqual(want)
    })
    // The nested header of table 三 (row span beside a column span) is where it belongs.
    const t3 = tables[1]!
    expect(t3.find((c) => c.text === '自然人')).toMatchObject({
      row: 1,
      col: 3,
      rowSpan: 2,
      colSpan: 1,
    })
    expect(t3.find((c) => c.text === '法人或其他组织')).toMatchObject({
      row: 1,
      col: 4,
      rowSpan: 1,
      colSpan: 5,
    })
    expect(t3.find((c) => c.text === '总计' && c.row === 1)).toMatchObject({ col: 9, rowSpan: 2 })
    expect(t3.find((c) => c.text.startsWith('（本列数据'))).toMatchObject({
      row: 0,
      col: 0,
      rowSpan: 3,
      colSpan: 3,
    })
  })

  it('the 2019 trial format (years up to 2020) round-trips too: its table 二 and the single （六） row', async () => {
    const { compiled } = await loadReport(store.db, YEAR)
    const v2019 = { ...view, format: '2019' as const }
    v2019.tables = (await compileAnnualReport(store.db, YEAR, { format: '2019' })).tables
    expect(compiled.format).toBe('2021')
    const xml = await new JSZip()
      .loadAsync(await reportDocx(v2019))
      .then((z) => z.file('word/document.xml')!.async('string'))
    const tables = docxTables(xml)
    TABLES.forEach((table, i) => {
      const got = [...tables[i]!].sort((a, b) => a.row - b.row || a.col - b.col)
      const want = expectedCells(v2019.tables, table).sort((a, b) => a.row - b.row || a.col - b.col)
      expect(got, table).toEqual(want)
    })
    expect(tables[0]!.some((c) => c.text === '政府集中采购')).toBe(true)
    expect(tables[1]!.some((c) => c.text === '（六）其他处理' && c.colSpan === 2)).toBe(true)
  })

  it('.xlsx: the same labels and numbers, merged as published; the 数据 sheet lists every cell', async () => {
    const xlsx = await reportXlsx(view)
    const book = readSpreadsheet({ bytes: xlsx, fileName: 'report.xlsx' })
    TABLES.forEach((table, i) => {
      const sheet = book.sheets[i]!
      const titleRows = 1
      for (const c of expectedCells(view.tables, table)) {
        expect(sheet.rows[c.row + titleRows]?.[c.col] ?? '', `${table} ${c.row},${c.col}`).toBe(
          c.text,
        )
        if (c.rowSpan > 1 || c.colSpan > 1) {
          expect(sheet.merges).toContainEqual({
            top: c.row + titleRows,
            left: c.col,
            bottom: c.row + titleRows + c.rowSpan - 1,
            right: c.col + c.colSpan - 1,
          })
        }
      }
    })
    const data = book.sheets.find((s) => s.name === '数据')!
    expect(data.rows.some((r) => r[0] === 'table2.fees.amount' && r[4] === '12.35')).toBe(true)
  })

  it("CHECKER's check-report on our own .docx and .xlsx finds no error", async () => {
    const docx = await reportDocx(view)
    const d = await checkReportFile({ bytes: docx, fileName: 'report.docx' })
    expect(d.failures.filter((f) => f.severity === 'error')).toEqual([])
    expect(d.tables.table3).toEqual(view.tables.table3)
    expect(d.tables.table4).toEqual(view.tables.table4)
    expect(d.tables.table2).toEqual(view.tables.table2)
    const x = await checkReportFile({ bytes: await reportXlsx(view), fileName: 'report.xlsx' })
    expect(x.errors).toBe(0)
    expect(x.tables.table3).toEqual(view.tables.table3)
  })

  it("next year's first-year entry imports last year's figures from this .xlsx (the 数据 sheet)", async () => {
    const dir = makeTempDir('report-prior-')
    try {
      const file = join(dir.dir, `${view.title}.xlsx`)
      writeFileSync(file, await reportXlsx(view))
      t.platform.openAnswers.push(file)
      const next = await t.call('report:import-prior', { year: YEAR + 1 })
      expect(next?.prior.origin).toBe('entered')
      const byKey = Object.fromEntries(next!.prior.cells.map((c) => [c.key, c.value]))
      expect(byKey['table3.carried_forward.total']).toBe(view.tables.table3.carried_forward!.total)
      expect(byKey['table2.normative.in_force']).toBe(view.tables.table2.normative!.in_force)
      expect(byKey['table4.reconsideration.pending']).toBe(
        view.tables.table4.reconsideration!.pending,
      )
      // This year's 上年结转 is counted from the same register: the cross-year rule holds.
      expect(next!.problems.filter((p) => p.row === 'carried_over')).toEqual([])
      // A workbook of another year is refused, naming both years.
      t.platform.openAnswers.push(file)
      const wrong = await t.send('report:import-prior', { year: YEAR + 2 })
      expect(wrong.ok).toBe(false)
      if (!wrong.ok) expect(wrong.error.message).toContain(`${YEAR} 年度`)
    } finally {
      dir.cleanup()
    }
  })

  it('CLI report writes .docx, .xlsx and .tables.json; exit 0 when clean, 1 after writing when a rule fails', async () => {
    const out = makeTempDir('report-cli-')
    try {
      const ok = await cli('report', '--db', t.dbPath, '--year', String(YEAR), '--out', out.dir)
      expect(ok.stderr).toBe('')
      expect(ok.code).toBe(0)
      const files = readdirSync(out.dir).sort()
      expect(files).toEqual([
        `${view.title}.docx`,
        `${view.title}.tables.json`,
        `${view.title}.xlsx`,
      ])
      const json = JSON.parse(readFileSync(join(out.dir, `${view.title}.tables.json`), 'utf8'))
      expect(json.tables).toEqual(view.tables)
      await store.db.deleteFrom('report_figures').where('cell', '=', 'table2.fees.amount').execute()
      const bad = await cli(
        'report',
        '--db',
        t.dbPath,
        '--year',
        String(YEAR),
        '--out',
        join(out.dir, 'again'),
      )
      expect(bad.code).toBe(1)
      expect(bad.stderr).toContain('行政事业性收费')
      expect(bad.stderr).toContain('校验未通过')
      expect(readdirSync(join(out.dir, 'again'))).toHaveLength(3)
    } finally {
      await fillOfficerFigures(store.db, YEAR).catch(() => undefined)
      out.cleanup()
    }
  }, 120_000)
})
