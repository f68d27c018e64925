import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashFile } from '../helpers/db-dump'
import { cli } from '../helpers/run-cli'
import { makeTempDir } from '../helpers/temp-dir'

const ORG_CODE = '113301000020000011'

let temp: ReturnType<typeof makeTempDir>
let db: string
beforeEach(() => {
  temp = makeTempDir()
  db = join(temp.dir, 'desk.sqlite')
})
afterEach(() => temp.cleanup())

describe('cli', () => {
  it('prints Chinese usage for --help', async () => {
    const run = await cli('--help')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('用法')
    expect(run.stdout).toContain('verify-audit')
  })

  it('initialises a database, whose audit chain then verifies', async () => {
    const init = await cli('init', '--db', db, '--department', '示范局', '--org-code', ORG_CODE)
    expect(init.stderr).toBe('')
    expect(init.code).toBe(0)
    expect(init.stdout).toContain('已初始化数据库')
    const verify = await cli('verify-audit', '--db', db)
    expect(verify.code).toBe(0)
    expect(verify.stdout).toContain('审计链完整：已校验 1 条记录')
  })

  it('creates the first administrator from a password file', async () => {
    const pw = join(temp.dir, 'pw.txt')
    writeFileSync(pw, 'Admin12345\n')
    const init = await cli(
      'init',
      '--db',
      db,
      '--department',
      '示范局',
      '--org-code',
      ORG_CODE,
      '--admin',
      'admin',
      '--password-file',
      pw,
    )
    expect(init.code).toBe(0)
    const raw = new Database(db, { readonly: true })
    const user = raw.prepare('SELECT username, password_hash FROM users').get() as {
      username: string
      password_hash: string
    }
    raw.close()
    expect(user.username).toBe('admin')
    expect(user.password_hash).toMatch(/^scrypt\$/)
    const again = await cli('init', '--db', db, '--department', '示范局', '--org-code', ORG_CODE)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('已初始化')
  })

  it('names the tampered entry when an audit row was edited', async () => {
    await cli('init', '--db', db, '--department', '示范局', '--org-code', ORG_CODE)
    await cli('backup', '--db', db, '--out', join(temp.dir, 'b1.sqlite'))
    await cli('backup', '--db', db, '--out', join(temp.dir, 'b2.sqlite'))
    const raw = new Database(db)
    raw.exec('DROP TRIGGER audit_log_no_update')
    raw.prepare("UPDATE audit_log SET actor_name = '冒名' WHERE seq = 2").run()
    raw.close()
    const verify = await cli('verify-audit', '--db', db)
    expect(verify.code).toBe(1)
    expect(verify.stderr).toContain('第 2 条')
    expect(verify.stderr).toContain('已被修改')
  })

  it('rejects a wrong org code with a Chinese error and creates nothing', async () => {
    const run = await cli(
      'init',
      '--db',
      db,
      '--department',
      '示范局',
      '--org-code',
      '113301000020000012',
    )
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('统一社会信用代码')
    expect(run.stdout).toBe('')
    expect(existsSync(db)).toBe(false)
  })

  it('writes a backup that opens as a database with the same data', async () => {
    await cli('init', '--db', db, '--department', '示范局', '--org-code', ORG_CODE)
    const out = join(temp.dir, 'copy.sqlite')
    const run = await cli('backup', '--db', db, '--out', out)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('备份完成')
    const copy = new Database(out, { readonly: true })
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT name FROM department').get()).toEqual({ name: '示范局' })
    copy.close()
    const again = await cli('backup', '--db', db, '--out', out)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('已存在')
  })

  it('refuses a damaged database without touching it', async () => {
    writeFileSync(db, 'this is not a database, just text that is long enough to pass'.repeat(5))
    const before = hashFile(db)
    const run = await cli('verify-audit', '--db', db)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('文件不是有效的政务公开工作台数据库')
    expect(hashFile(db)).toBe(before)
  })

  it('explains usage errors in Chinese with exit code 2', async () => {
    const missing = await cli('backup', '--db', db)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('缺少选项 --out')
    const unknown = await cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('未知的命令')
  })
})
