import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import type { CliEnv } from '../../src/cli/commands'
import { buildDocx, para } from '../fixtures/drafting/build-docx'
import { makeTempDir } from '../helpers/temp-dir'
import { FIXED_NOW } from '../helpers/test-clock'

/** Issue 8 point 10: what the CLI does as a user is audited as the CLI (「命令行」), not as the app. */

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp.cleanup())

const lines: string[] = []
const env: CliEnv = {
  io: { out: (l) => lines.push(l), err: (l) => lines.push(l) },
  clock: () => FIXED_NOW,
  appVersion: '0.1.0',
}

function auditRows(
  db: string,
): { action: string; actor_name: string | null; detail_json: string | null }[] {
  const raw = new Database(db, { readonly: true })
  try {
    return raw
      .prepare('SELECT action, actor_name, detail_json FROM audit_log ORDER BY seq')
      .all() as never
  } finally {
    raw.close()
  }
}

describe('CLI actions are audited as 命令行', () => {
  it('import-docx as --user records the user marked 「命令行」; backup records 命令行 as the actor', async () => {
    temp = makeTempDir()
    const db = join(temp.dir, 'desk.sqlite')
    const pw = join(temp.dir, 'pw.txt')
    writeFileSync(pw, 'Admin12345\n')
    const init = ['init', '--db', db, '--department', '示范局', '--org-code', '113301000020000011']
    expect(await runCli([...init, '--admin', 'admin', '--password-file', pw], env)).toBe(0)

    const docx = join(temp.dir, '通知.docx')
    writeFileSync(docx, await buildDocx([para('关于开展政务公开培训的通知', 'Heading1')]))
    expect(await runCli(['import-docx', '--db', db, '--file', docx, '--user', 'admin'], env)).toBe(
      0,
    )
    expect(await runCli(['backup', '--db', db, '--out', join(temp.dir, 'b.sqlite')], env)).toBe(0)

    const rows = auditRows(db)
    const imported = rows.find((r) => r.action === 'item.import_docx')
    expect(imported?.actor_name).toMatch(/（命令行）$/)
    const backup = rows.find((r) => r.action === 'backup.create')
    expect(backup?.actor_name).toBe('命令行')
  })
})

describe('verify-audit shows 恢复前记录', () => {
  it('names each carried section and checks its rows against their original hashes', async () => {
    temp = makeTempDir()
    const { createTestCore } = await import('../helpers/test-core')
    const t = await createTestCore({ dataDir: join(temp.dir, 'data') })
    const backup = join(t.dataDir, 'backups', 'manual-x.sqlite')
    t.platform.saveAnswers.push(backup)
    await t.call('backup:create', {})
    await t.call('settings:update', { lockAfterMinutes: 30 })
    await t.call('backup:restore', { file: backup })
    const db = t.dbPath
    await t.core.close()
    lines.length = 0
    expect(await runCli(['verify-audit', '--db', db], env)).toBe(0)
    expect(lines.join('\n')).toMatch(
      /为「恢复前记录」：被替换的数据库 .+ 在备份之后的 2 条记录，原哈希均相符/,
    )
  })
})
