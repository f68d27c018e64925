import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSpreadsheet } from '../../src/core/spreadsheet'
import { dumpDatabase } from '../helpers/db-dump'
import { cli } from '../helpers/run-cli'
import { makeTempDir } from '../helpers/temp-dir'

/** `import-requests` and `requests-due`, run the way `npm run cli -- …` runs them. */
let temp: ReturnType<typeof makeTempDir>
let db: string
beforeAll(async () => {
  temp = makeTempDir()
  db = join(temp.dir, 'desk.sqlite')
  const init = await cli(
    'init',
    '--db',
    db,
    '--department',
    '示范局',
    '--org-code',
    '113301000020000011',
  )
  expect(init.code).toBe(0)
}, 60_000)
afterAll(() => temp.cleanup())

describe('requests CLI', () => {
  it('imports a ledger (.xlsx) and lists the open requests as JSON, counted as of --on', async () => {
    const ledger = join(temp.dir, '台账.xlsx')
    writeFileSync(
      ledger,
      await writeSpreadsheet({
        sheets: [
          {
            name: '登记',
            title: '政府信息公开申请登记台账',
            columns: [
              '编号',
              '收到日期',
              '申请人类型',
              '申请方式',
              '申请内容',
              '答复日期',
              '办理结果',
            ].map((header) => ({ header })),
            rows: [
              ['GK2025-001', '2025-09-26', '自然人', '邮寄', '某文件', '', ''],
              ['GK2025-002', '2025-03-03', '商业企业', '网络', '某批复', '2025-03-20', '予以公开'],
              ['GK2025-003', '2025-10-03', '其他', '当面', '某规划', '', ''],
            ],
          },
        ],
      }),
    )
    const imported = await cli('import-requests', '--db', db, ledger)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('已导入 3 件申请：已办结 1 件，办理中 2 件')

    const due = await cli('requests-due', '--db', db, '--on', '2025-10-29', '--json')
    expect(due.code).toBe(0)
    const out = JSON.parse(due.stdout) as { requests: Record<string, unknown>[] }
    expect(out.requests).toEqual([
      expect.objectContaining({
        no: 'GK2025-001',
        receivedDate: '2025-09-26',
        dueDate: '2025-10-30',
        status: 'open',
        provisional: false,
        daysLeft: 1,
      }),
      expect.objectContaining({ no: 'GK2025-003', dueDate: '2025-11-04', daysLeft: 4 }),
    ])
    const text = await cli('requests-due', '--db', db, '--on', '2025-11-03')
    expect(text.stdout).toContain('GK2025-001')
    expect(text.stdout).toContain('已逾期 2 个工作日')
  }, 60_000)

  it('rejects a bad ledger whole, naming row and cell, exit code 1', async () => {
    const bad = join(temp.dir, 'bad.csv')
    writeFileSync(
      bad,
      '编号,收到日期,申请人类型,申请方式,申请内容,答复日期,办理结果\nX-1,2025-03-03,自然人,邮寄,a,,\nX-2,2025-03-04,外星人,邮寄,b,,\n',
    )
    const before = dumpDatabase(db)
    const r = await cli('import-requests', '--db', db, bad)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('第 3 行 C 列「申请人类型」“外星人”')
    expect(dumpDatabase(db)).toBe(before)
  }, 60_000)

  it('usage errors exit with 2', async () => {
    expect((await cli('requests-due', '--db', db, '--on', '2025/10/29')).code).toBe(2)
    expect((await cli('import-requests', '--db', db)).code).toBe(2)
  }, 60_000)
})
