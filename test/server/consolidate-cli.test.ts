import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkReportFile } from '../../src/core/report/check'
import { runAdmin } from '../../src/server/cli/admin-commands'
import { createDepartment } from '../../src/server/departments/departments-service'
import { putReport } from '../../src/server/reports/report-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeTempDir } from '../helpers/temp-dir'
import { sampleNarrative, sampleTables } from '../fixtures/reports/sample'

const NOW = '2025-03-01T02:00:00.000Z'

describe.each(BACKENDS)('server:admin consolidate-report on stored reports (%s)', (kind) => {
  const backend = useBackend(kind)

  it('sums what departments PUT, names who has not, checks each, writes the files; exit 1 only for a broken sum', async () => {
    const { db } = await backend.fresh()
    const ids: string[] = []
    for (const [code, name] of [
      ['11370300MB2846297A', '区教育局'],
      ['11370300MB2846297B', '区财政局'],
      ['11370300MB2846297C', '区民政局'],
    ] as const) {
      await createDepartment(db, { code, name }, NOW)
      const row = await db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
      ids.push(row.id)
    }
    const wrong = sampleTables()
    wrong.table4.reconsideration!.total = 9
    await putReport(
      db,
      ids[0]!,
      2024,
      {
        title: '区教育局2024年政府信息公开工作年度报告',
        tables: sampleTables(),
        narrative: sampleNarrative(),
        itemId: null,
      },
      NOW,
    )
    await putReport(
      db,
      ids[1]!,
      2024,
      {
        title: '区财政局2024年政府信息公开工作年度报告',
        tables: wrong,
        narrative: sampleNarrative(),
        itemId: null,
      },
      NOW,
    )

    const { dir, cleanup } = makeTempDir('dd-consolidate-cli-')
    try {
      const target = backend.target()
      const out: string[] = []
      const err: string[] = []
      const argv = [
        ...(target.kind === 'sqlite' ? ['--data', target.dataDir] : []),
        'consolidate-report',
        '--year',
        '2024',
        '--out',
        join(dir, 'out'),
        '--name',
        '淄博高新区',
      ]
      const env = target.kind === 'postgres' ? { DATABASE_URL: target.url } : {}
      const code = await runAdmin(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) })
      expect(err).toEqual([])
      // The 财政局's wrong 总计 makes the summed table 四 fail as well: written, then exit 1.
      expect(code).toBe(1)
      const text = out.join('\n')
      expect(text).toContain('已汇总 2024 年度报告：2 个部门；1 个部门未报送。')
      expect(text).toContain('区教育局（11370300MB2846297A）：通过')
      expect(text).toMatch(/区财政局（11370300MB2846297B）：\d+ 个错误/)
      expect(text).toContain('未报送：区民政局（11370300MB2846297C）')
      expect(text).toContain('汇总表问题 [T4-SUM]')
      const json = JSON.parse(out[out.length - 1]!) as {
        missing: { code: string }[]
        files: { docx: string; xlsx: string }
      }
      expect(json.missing.map((m) => m.code)).toEqual(['11370300MB2846297C'])
      const checked = await checkReportFile({
        bytes: new Uint8Array(readFileSync(json.files.docx)),
        fileName: 'c.docx',
      })
      expect(checked.tables.table3.received!.total).toBe(516)
      expect(checked.tables.table4.reconsideration!.total).toBe(13)

      // Nothing stored for 2023: a clear message, exit 1.
      const none: string[] = []
      const code2 = await runAdmin(
        [...argv.slice(0, argv.indexOf('--year')), '--year', '2023', '--out', join(dir, 'out2')],
        env,
        { out: () => {}, err: (l) => none.push(l) },
      )
      expect(code2).toBe(1)
      expect(none.join('')).toContain('2023 年度还没有任何部门报送年度报告')
    } finally {
      cleanup()
    }
  }, 120_000)
})
