import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Store } from '../../../src/core/db/database'
import { compileAnnualReport } from '../../../src/core/report/compile'
import { TABLE3_APPLICANT_COLUMNS, table3OutcomeRows } from '../../../src/shared/report/format'
import { CASE_KINDS, REQUEST_OUTCOMES } from '../../../src/shared/requests/types'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { generateYear, type Expected } from './generate-year'

let t: TestCore
let store: Store
let expected: Expected
const YEAR = 2024

beforeAll(async () => {
  t = await createTestCore()
  store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  const admin = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
  expected = await generateYear(store.db, {
    year: YEAR,
    requests: 600,
    items: 1500,
    authorId: admin.id,
  })
})

afterAll(async () => {
  await store.db.destroy()
  await t.cleanup()
})

const sum = (r: Record<string, number>) =>
  TABLE3_APPLICANT_COLUMNS.reduce((n, a) => n + (r[a] ?? 0), 0)

describe('compileAnnualReport on a generated year (条例第五十条; annual-report.md counting rules)', () => {
  it('table 三: every row × applicant cell equals the bookkeeping, 总计 the row sum', async () => {
    const r = await compileAnnualReport(store.db, YEAR)
    expect(r.format).toBe('2021')
    const t3 = r.tables.table3
    for (const row of ['received', 'carried_over', 'carried_forward', ...REQUEST_OUTCOMES]) {
      for (const a of TABLE3_APPLICANT_COLUMNS) {
        expect(t3[row]![a], `${row} × ${a}`).toBe(expected.table3[row]![a])
      }
      expect(t3[row]!.total, `${row} 总计`).toBe(sum(expected.table3[row]!))
    }
    for (const a of TABLE3_APPLICANT_COLUMNS) {
      const outcomes = REQUEST_OUTCOMES.reduce((n, o) => n + expected.table3[o]![a], 0)
      expect(t3.total![a], `（七）总计 × ${a}`).toBe(outcomes)
      // 一 + 二 = （七）总计 + 四, per column.
      expect(t3.received![a]! + t3.carried_over![a]!).toBe(t3.total![a]! + t3.carried_forward![a]!)
    }
    // The generated year is not trivial: every bucket is populated.
    expect(t3.received!.total).toBeGreaterThan(100)
    expect(t3.carried_over!.total).toBeGreaterThan(20)
    expect(t3.carried_forward!.total).toBeGreaterThan(20)
  })

  it('table 四: decided in the year by result, undecided on 31 December as 尚未审结, 总计 the sum', async () => {
    const r = await compileAnnualReport(store.db, YEAR)
    for (const k of CASE_KINDS) {
      const e = expected.table4[k]
      expect(r.tables.table4[k], k).toEqual({
        ...e,
        total: e.upheld + e.corrected + e.other + e.pending,
      })
    }
  })

  it('table 二: 规章 and 行政规范性文件 made, repealed and in force from 体裁, 成文日期 and 有效性', async () => {
    const r = await compileAnnualReport(store.db, YEAR)
    const t2 = r.tables.table2
    expect(t2.rules).toEqual({
      made: expected.regulations.rule.made,
      repealed: expected.regulations.rule.repealed,
      in_force: expected.regulations.rule.inForce,
    })
    expect(t2.normative).toEqual({
      made: expected.regulations.normative.made,
      repealed: expected.regulations.normative.repealed,
      in_force: expected.regulations.normative.inForce,
    })
    expect(expected.regulations.normative.repealed).toBeGreaterThan(0)
    // Figures from other systems are blank (not zero) until the officer enters them.
    expect(t2.licensing!.decisions).toBeNull()
    expect(t2.fees!.amount).toBeNull()
    expect(r.sources['table2.licensing.decisions']!.kind).toBe('missing')
    expect(r.sources['table2.rules.made']!.kind).toBe('store')
  })

  it('the published items by kind, interpretations and fees match the records', async () => {
    const r = await compileAnnualReport(store.db, YEAR)
    const byKind = Object.fromEntries(r.facts.publishedByKind.map((x) => [x.kind, x.count]))
    expect(byKind).toEqual(expected.publishedByKind)
    expect(r.facts.interpretations.total).toBe(expected.interpretations)
    expect(r.facts.fees).toEqual(expected.fees)
  })

  it('years up to 2020 use the 2019 trial format: a single （六） row summing 1–3', async () => {
    const r = await compileAnnualReport(store.db, YEAR, { format: '2019' })
    expect(r.format).toBe('2019')
    expect(table3OutcomeRows('2019')).toContain('6')
    for (const a of TABLE3_APPLICANT_COLUMNS) {
      expect(r.tables.table3['6']![a]).toBe(
        expected.table3['6.1']![a]! + expected.table3['6.2']![a]! + expected.table3['6.3']![a]!,
      )
    }
    expect(r.tables.table2.rules!.new_made).toBe(expected.regulations.rule.made)
    expect((await compileAnnualReport(store.db, 2020)).format).toBe('2019')
  })
})
