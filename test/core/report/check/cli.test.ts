import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../../../helpers/run-cli'
import { makeTempDir } from '../../../helpers/temp-dir'
import { buildReportDocx, buildReportHtml } from '../../../fixtures/reports/build'
import {
  SAMPLE_OVERVIEW,
  sampleNarrative,
  samplePrior,
  sampleTables,
} from '../../../fixtures/reports/sample'

let temp: ReturnType<typeof makeTempDir>
const file = (name: string) => join(temp.dir, name)
const base = { department: '示范局', year: 2024, narrative: sampleNarrative() }

beforeAll(async () => {
  temp = makeTempDir()
  writeFileSync(
    file('good.docx'),
    await buildReportDocx({ ...base, tables: sampleTables() }, 'wps'),
  )
  const bad = sampleTables()
  bad.table3['1']!.natural = 101
  writeFileSync(
    file('bad.docx'),
    await buildReportDocx(
      {
        ...base,
        tables: bad,
        narrative: {
          ...base.narrative,
          overview: SAMPLE_OVERVIEW.replace('上年结转13件', '上年结转十五件'),
        },
      },
      'word',
    ),
  )
  const prior = samplePrior()
  writeFileSync(file('last.html'), buildReportHtml({ ...base, year: 2023, tables: prior }, 'word'))
  writeFileSync(file('notice.html'), '<html><body><p>关于召开会议的通知</p></body></html>')
  writeFileSync(file('broken.xlsx'), 'not a workbook')
}, 60_000)
afterAll(() => temp.cleanup())

describe('npm run cli -- check-report (条例第五十条, 国办公开办函〔2021〕30号)', () => {
  it('passes a correct report with exit 0', async () => {
    const r = await cli('check-report', file('good.docx'))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      '检查：good.docx（Word 文档，2024 年度，2021年格式（国办公开办函〔2021〕30号））',
    )
    expect(r.stdout).toContain('通过：没有发现错误。')
  }, 60_000)

  it('prints each failure with row, column and numbers; exit 1', async () => {
    const r = await cli('check-report', file('bad.docx'))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      '✗ 错误 [T3-ROW-SUM] 表三 “三、本年度办理结果 › （一）予以公开” 行 “总计” 列为 130，但 自然人 101',
    )
    expect(r.stdout).toContain('单元格编号 table3.1.total；总计 130，各项之和 131')
    expect(r.stdout).toContain('[N-TABLE]')
    expect(r.stdout).toMatch(/“一、总体情况”第 \d+ 字起，共 \d+ 字；文中数字 15，表中数字 13/)
    expect(r.stdout).toContain(
      '称上年结转申请 15件，但表三 “二、上年结转政府信息公开申请数量” 行 “总计” 列为 13',
    )
    expect(r.stdout).toMatch(/未通过：\d+ 个错误/)
  }, 60_000)

  it('--json gives the failures and the tables read', async () => {
    const r = await cli('check-report', file('bad.docx'), '--json')
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as {
      passed: boolean
      format: string
      failures: { rule: string; row?: string }[]
      tables: { table3: Record<string, Record<string, number>> }
    }
    expect(out.passed).toBe(false)
    expect(out.format).toBe('2021')
    expect(out.tables.table3['1']!.natural).toBe(101)
    expect(out.failures.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['T3-ROW-SUM', 'T3-TOTAL', 'N-TABLE']),
    )
  }, 60_000)

  it('--prior checks the carry-over against last year’s report', async () => {
    const r = await cli('check-report', file('good.docx'), '--prior', file('last.html'))
    expect(r.code).toBe(0)
    const prior = samplePrior()
    prior.table3.carried_forward!.natural = 12
    writeFileSync(
      file('last2.html'),
      buildReportHtml({ ...base, year: 2023, tables: prior }, 'wps'),
    )
    const r2 = await cli('check-report', file('good.docx'), '--prior', file('last2.html'))
    expect(r2.code).toBe(1)
    expect(r2.stdout).toContain('[X-CARRY]')
    expect(r2.stdout).toContain('本年 10，上年 12')
  }, 60_000)

  it('exit 2 with a Chinese message for an unreadable file, a non-report, a missing file', async () => {
    const broken = await cli('check-report', file('broken.xlsx'))
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('无法读取「broken.xlsx」')
    const notice = await cli('check-report', file('notice.html'))
    expect(notice.code).toBe(2)
    expect(notice.stderr).toContain('不是政府信息公开工作年度报告')
    const missing = await cli('check-report', file('nope.docx'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('找不到报告文件')
    const usage = await cli('check-report')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('需要且只需要一个报告文件')
  }, 60_000)
})
