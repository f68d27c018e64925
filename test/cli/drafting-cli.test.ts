import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDocx, para } from '../fixtures/drafting/build-docx'
import { cli } from '../helpers/run-cli'
import { makeTempDir } from '../helpers/temp-dir'

let temp: ReturnType<typeof makeTempDir>
let db: string
beforeAll(async () => {
  temp = makeTempDir()
  db = join(temp.dir, 'desk.sqlite')
  const pw = join(temp.dir, 'pw.txt')
  writeFileSync(pw, 'Admin12345\n')
  const init = await cli(
    'init',
    '--db',
    db,
    '--department',
    '示范局',
    '--org-code',
    '113301000020000011',
    '--admin',
    'admin',
    '--password-file',
    pw,
  )
  expect(init.code).toBe(0)
}, 60_000)
afterAll(() => temp.cleanup())

describe('drafting CLI twins', () => {
  it('imports a .docx as a draft and finds it with search', async () => {
    const docx = join(temp.dir, '通知.docx')
    writeFileSync(
      docx,
      await buildDocx([
        para('关于开展政务公开培训的通知', 'Heading1'),
        para('淄高新管办字〔2023〕12号'),
        para('2023年5月8日'),
      ]),
    )
    const run = await cli('import-docx', '--db', db, '--file', docx, '--user', 'admin')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('已导入为草稿：关于开展政务公开培训的通知')
    expect(run.stdout).toContain('2023-05-08')
    const search = await cli('search', '--db', db, '政务公开培训')
    expect(search.code).toBe(0)
    expect(search.stdout).toContain('共 1 条')
    expect(search.stdout).toContain('待分配\t通知公告\t草稿\t关于开展政务公开培训的通知')
  }, 30_000)

  it('exports the catalogue and refuses to import a broken sheet with a Chinese error', async () => {
    const out = join(temp.dir, '目录.xlsx')
    const exp = await cli('catalogue-export', '--db', db, '--out', out)
    expect(exp.code).toBe(0)
    expect(existsSync(out)).toBe(true)
    const broken = join(temp.dir, '坏.xlsx')
    writeFileSync(broken, 'no')
    const imp = await cli('catalogue-import', '--db', db, '--file', broken, '--user', 'admin')
    expect(imp.code).toBe(1)
    expect(imp.stderr).toContain('无法读取表格')
    const noUser = await cli('catalogue-import', '--db', db, '--file', out)
    expect(noUser.code).toBe(2)
    expect(noUser.stderr).toContain('缺少选项 --user')
  }, 30_000)
})
