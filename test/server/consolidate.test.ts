import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkReportFile } from '../../src/core/report/check'
import {
  consolidate,
  sumTables,
  type DepartmentReport,
} from '../../src/server/consolidate/consolidate'
import { consolidateReport } from '../../src/server/consolidate/command'
import { createDepartment } from '../../src/server/departments/departments-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeTempDir } from '../helpers/temp-dir'
import { buildReportDocx } from '../fixtures/reports/build'
import { sampleNarrative, sampleTables } from '../fixtures/reports/sample'

const NOW = '2025-03-01T02:00:00.000Z'

function report(
  code: string,
  name: string,
  year = 2024,
  tables = sampleTables(),
): DepartmentReport {
  return {
    departmentCode: code,
    departmentName: name,
    year,
    tables,
    narrative: sampleNarrative(),
    receivedAt: NOW,
  }
}

describe('consolidated district report (issue 15; 条例第四十九条, 国办公开办函〔2021〕30号)', () => {
  it('sums cell by cell; a cell blank everywhere stays blank', () => {
    const a = sampleTables()
    const b = sampleTables()
    a.table2.fees!.amount = 1.25
    b.table2.fees!.amount = 0.1
    a.table3['3.1']!.natural = null
    b.table3['3.1']!.natural = null
    b.table3['3.1']!.research = null
    const sum = sumTables('2021', [a, b])
    expect(sum.table3.received!.total).toBe(516)
    expect(sum.table3['1']!.natural).toBe(200)
    expect(sum.table2.fees!.amount).toBe(1.35)
    expect(sum.table3['3.1']!.natural).toBeNull()
    expect(sum.table3['3.1']!.research).toBe(0)
    expect(sum.table4.reconsideration!.total).toBe(8)
  })

  it('lists departments without a report, checks each report, leaves a wrong-format one out of the sum', () => {
    const bad = sampleTables()
    bad.table3['1']!.total = 131
    const r = consolidate({
      year: 2024,
      departments: [
        { code: 'A', name: '区教育局' },
        { code: 'B', name: '区财政局' },
        { code: 'C', name: '区民政局' },
        { code: 'D', name: '区卫健局' },
      ],
      reports: [
        report('A', '区教育局'),
        report('B', '区财政局', 2024, bad),
        report('D', '区卫健局', 2024, sampleTables('2019')),
      ],
    })
    expect(r.missing).toEqual([{ code: 'C', name: '区民政局' }])
    expect(r.departments.map((d) => [d.code, d.included, d.errors > 0])).toEqual([
      ['A', true, false],
      ['B', true, true],
      ['D', false, true],
    ])
    expect(r.departments[1]!.failures.map((f) => f.rule)).toContain('T3-ROW-SUM')
    expect(r.departments[2]!.failures[0]!.rule).toBe('C-FORMAT')
    expect(r.tables.table3.received!.total).toBe(516)
    // Fees as sections 六 state them (the 2019-format report is not summed): 2 × (3 notices, 360 billed, 240 collected).
    expect(r.fees).toEqual({ notices: 6, billed: 720, collected: 480, unstated: [] })
  })

  it('a department whose section 六 states no fee figure is named', () => {
    const silent = {
      ...report('B', '区财政局'),
      narrative: { ...sampleNarrative(), other: '本年度无其他需要报告的事项。' },
    }
    const free = {
      ...report('C', '区民政局'),
      narrative: { ...sampleNarrative(), other: '本年度未收取信息处理费。' },
    }
    const r = consolidate({
      year: 2024,
      departments: [],
      reports: [report('A', '区教育局'), silent, free],
    })
    expect(r.fees).toEqual({ notices: 3, billed: 360, collected: 240, unstated: ['区财政局'] })
  })
})

describe.each(BACKENDS)('server:admin consolidate-report (%s)', (kind) => {
  const backend = useBackend(kind)

  it('writes the .docx/.xlsx in a department’s layout and the data; the checker passes our consolidated file', async () => {
    const { db } = await backend.fresh()
    await createDepartment(db, { code: '11370300MB2846297A', name: '区教育局' }, NOW)
    await createDepartment(db, { code: '11370300MB2846297B', name: '区财政局' }, NOW)
    await createDepartment(db, { code: '11370300MB2846297C', name: '区民政局' }, NOW)
    const stored = [
      report('11370300MB2846297A', '区教育局'),
      report('11370300MB2846297B', '区财政局'),
    ]
    const { dir, cleanup } = makeTempDir('dd-consolidate-')
    try {
      const ownFile = `${dir}/own.docx`
      writeFileSync(
        ownFile,
        await buildReportDocx(
          {
            department: '区政府办公室',
            year: 2024,
            tables: sampleTables(),
            narrative: sampleNarrative(),
          },
          'wps',
        ),
      )
      const lines: string[] = []
      const done = await consolidateReport(
        db,
        { year: 2024, out: `${dir}/out`, name: '淄博高新区', own: ownFile },
        async (_db, year) => stored.filter((s) => s.year === year),
        (l) => lines.push(l),
      )
      expect(done.result.missing).toEqual([{ code: '11370300MB2846297C', name: '区民政局' }])
      expect(done.result.ownIncluded).toBe(true)
      expect(done.result.tables.table3.received!.total).toBe(258 * 3)
      expect(done.result.failures).toEqual([])
      for (const f of Object.values(done.files)) expect(existsSync(f)).toBe(true)
      expect(done.files.docx).toContain('淄博高新区2024年政府信息公开工作年度报告.docx')
      const data = JSON.parse(readFileSync(done.files.json, 'utf8')) as {
        missing: unknown[]
        departments: unknown[]
      }
      expect(data.missing).toHaveLength(1)
      expect(data.departments).toHaveLength(2)

      const checked = await checkReportFile({
        bytes: new Uint8Array(readFileSync(done.files.docx)),
        fileName: 'c.docx',
      })
      expect(checked.failures).toEqual([])
      expect(checked.tables).toEqual(done.result.tables)
      expect(checked.narrative.other).toContain('区民政局尚未报送年度报告')
      // Two departments and the district office's own report, each 3 notices / 360 / 240.
      expect(checked.narrative.other).toContain(
        '全区共发出收费通知9件，应收信息处理费1080元，实际收取720元。',
      )
      const xlsx = await checkReportFile({
        bytes: new Uint8Array(readFileSync(done.files.xlsx)),
        fileName: 'c.xlsx',
      })
      expect(xlsx.tables).toEqual(done.result.tables)
    } finally {
      cleanup()
    }
  }, 120_000)
})
