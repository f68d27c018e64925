import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/run-cli'
import { makeTempDir } from '../helpers/temp-dir'

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

describe('calendar-add (CLI twin of 节假日日历)', () => {
  it('stores a pasted 2026 notice and prints exactly what it stored as JSON', async () => {
    const r = await cli(
      'calendar-add',
      '--db',
      db,
      'test/fixtures/calendar/notice-2026.txt',
      '--json',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(out)).toEqual(['year', 'holidays', 'workdays', 'moved'])
    expect(out.year).toBe(2026)
    expect(out.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
    expect((out.holidays as string[]).slice(0, 4)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
    ])
    expect(out.holidays).toHaveLength(33)
    expect(out.moved).toEqual([])
  }, 60_000)

  it('adds an .ics year and says so in Chinese', async () => {
    const r = await cli('calendar-add', '--db', db, 'node_modules/chinese-days/dist/years/2025.ics')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      '已更新 2025 年节假日安排（导入 .ics 日历）：放假 28 天，调休上班 5 天',
    )
  }, 60_000)

  it('refuses an unreadable notice line, naming it, and stores nothing (exit 1)', async () => {
    const bad = join(temp.dir, 'bad.txt')
    writeFileSync(
      bad,
      '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日放假，共1天。\n二、春节：正月初一前后放假八天。\n',
    )
    const r = await cli('calendar-add', '--db', db, bad, '--json')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('无法识别通知第 3 行：「二、春节：正月初一前后放假八天。」')
    const sqlite = new Database(db, { readonly: true })
    const row = sqlite.prepare('SELECT year FROM calendar_years WHERE year = 2027').get()
    sqlite.close()
    expect(row).toBeUndefined()
  }, 60_000)

  it('needs exactly one file (exit 2)', async () => {
    const r = await cli('calendar-add', '--db', db)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('calendar-add 需要且只需要一个通知或日历文件')
  }, 60_000)
})
