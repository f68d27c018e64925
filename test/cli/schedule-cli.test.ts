import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliEnv } from '../../src/cli/commands'
import { runCli } from '../../src/cli/index'
import { readSpreadsheet } from '../../src/core/spreadsheet'
import { makeTempDir } from '../helpers/temp-dir'
import { createTestClock } from '../helpers/test-clock'
import { breakdownXlsx, NOT_A_SPREADSHEET } from '../core/schedule/breakdown-fixtures'
import { readFileSync } from 'node:fs'

let temp: ReturnType<typeof makeTempDir>
let db: string
let out: string[]
let err: string[]
const env = (): CliEnv => ({
  io: { out: (l) => out.push(l), err: (l) => err.push(l) },
  clock: createTestClock().clock,
  appVersion: '0.1.0',
})
const cli = (...args: string[]) => runCli(args, env())

beforeEach(async () => {
  temp = makeTempDir()
  db = join(temp.dir, 'desk.sqlite')
  out = []
  err = []
  const pw = join(temp.dir, 'pw.txt')
  writeFileSync(pw, 'Admin12345\n')
  const code = await cli(
    'init',
    '--db',
    db,
    '--department',
    '杭州市示范局',
    '--org-code',
    '113301000020000011',
    '--admin',
    'admin',
    '--password-file',
    pw,
  )
  expect(code).toBe(0)
  out = []
})
afterEach(() => temp.cleanup())

describe('schedule CLI twins', () => {
  it('import-schedule, then export-schedule and export-activities', async () => {
    const file = join(temp.dir, '分解表.xlsx')
    writeFileSync(file, await breakdownXlsx())
    expect(await cli('import-schedule', '--db', db, '--year', '2024', file)).toBe(0)
    expect(out.join('\n')).toContain('共 5 项任务，新增 5 项')
    expect(out.join('\n')).toContain('本单位的任务 3 项')

    const xlsx = join(temp.dir, '配档表.xlsx')
    expect(await cli('export-schedule', '--db', db, '--year', '2024', '--out', xlsx)).toBe(0)
    expect(out.join('\n')).toContain('（3 项任务）')
    const sheet = readSpreadsheet({ bytes: readFileSync(xlsx), fileName: 'x.xlsx' }).sheets[0]!
    expect(sheet.rows[0]?.[0]).toBe('杭州市示范局2024年政务公开工作配档表')

    const all = join(temp.dir, '全部.xlsx')
    expect(await cli('export-schedule', '--db', db, '--year', '2024', '--out', all, '--all')).toBe(
      0,
    )
    expect(out.join('\n')).toContain('（5 项任务）')

    const act = join(temp.dir, '报送表.xlsx')
    expect(await cli('export-activities', '--db', db, '--year', '2024', '--out', act)).toBe(0)
    expect(existsSync(act)).toBe(true)
  })

  it('re-importing with --user records the officer', async () => {
    const file = join(temp.dir, '分解表.xlsx')
    writeFileSync(file, await breakdownXlsx())
    expect(
      await cli('import-schedule', '--db', db, '--year', '2024', '--user', 'admin', file),
    ).toBe(0)
    expect(await cli('import-schedule', '--db', db, '--year', '2024', file)).toBe(0)
    expect(out.at(-2)).toContain('新增 0 项，更新 0 项，未变 5 项')
  })

  it('a file that is not a spreadsheet: exit 1 with a Chinese message', async () => {
    const file = join(temp.dir, '图片.xlsx')
    writeFileSync(file, NOT_A_SPREADSHEET)
    expect(await cli('import-schedule', '--db', db, '--year', '2024', file)).toBe(1)
    expect(err.join('\n')).toMatch(/错误：无法读取表格「图片\.xlsx」/)
  })

  it('usage errors exit 2: no year, a bad year, no file, an existing --out', async () => {
    expect(await cli('import-schedule', '--db', db, 'x.xlsx')).toBe(2)
    expect(err.at(-1)).toContain('缺少选项 --year')
    expect(await cli('export-schedule', '--db', db, '--year', '24', '--out', 'x.xlsx')).toBe(2)
    expect(err.at(-1)).toContain('年度应为')
    expect(await cli('import-schedule', '--db', db, '--year', '2024')).toBe(2)
    const existing = join(temp.dir, 'exists.xlsx')
    writeFileSync(existing, 'x')
    expect(await cli('export-activities', '--db', db, '--year', '2024', '--out', existing)).toBe(1)
    expect(err.at(-1)).toContain('目标文件已存在')
  })

  it('--help lists the commands', async () => {
    expect(await cli('--help')).toBe(0)
    for (const c of ['import-schedule', 'export-schedule', 'export-activities'])
      expect(out.join('\n')).toContain(c)
  })
})
