import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDocx, p } from './helpers/build-files'

const ROOT = resolve(__dirname, '../../..')

function scan(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface JsonReport {
  files: Array<{
    path: string
    findings: Array<{
      kind: string
      severity: string
      start: number
      end: number
      text: string
      reason: string
    }>
  }>
}

describe('scan CLI (npm run scan)', () => {
  let dir = ''
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-cli-'))
    writeFileSync(join(dir, 'a.txt'), '秘密★1年\n当事人：张三，手机13853312876。')
    mkdirSync(join(dir, 'sub'))
    writeFileSync(
      join(dir, 'sub', 'b.docx'),
      await buildDocx(p('申请人：李四') + p('身份证号370303198503122153')),
    )
    writeFileSync(join(dir, 'sub', 'skip.png'), 'not scanned')
    writeFileSync(join(dir, 'words.txt'), '# 词表\n专项资金\twarn\n')
  })

  it('--json prints one JSON document with findings per file, and exits 0 despite findings', () => {
    const r = scan('--json', dir)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as JsonReport
    expect(report.files.map((f) => f.path.slice(dir.length + 1))).toEqual([
      'a.txt',
      'sub/b.docx',
      'words.txt',
    ])
    const a = report.files[0]!
    expect(a.findings.map((f) => [f.kind, f.severity, f.text])).toEqual([
      ['classification-marking', 'blocker', '秘密★1年'],
      ['person-name', 'high', '张三'],
      ['mobile', 'high', '13853312876'],
    ])
    for (const f of a.findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['kind', 'severity', 'start', 'end', 'text', 'reason']),
      )
    }
    expect(report.files[1]!.findings.map((f) => f.kind)).toEqual(['person-name', 'id-card'])
  })

  it('human output names severities and kinds in Chinese', () => {
    const r = scan(join(dir, 'a.txt'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('[阻断] 密级标志「秘密★1年」')
    expect(r.stdout).toContain('[高] 手机号「13853312876」')
  })

  it('--keywords adds department keyword findings', () => {
    writeFileSync(join(dir, 'c.txt'), '关于申请专项资金的说明')
    const r = scan('--json', '--keywords', join(dir, 'words.txt'), join(dir, 'c.txt'))
    const report = JSON.parse(r.stdout) as JsonReport
    expect(report.files[0]!.findings).toContainEqual(
      expect.objectContaining({ kind: 'keyword', severity: 'warn' }),
    )
  })

  it('a missing path exits 1 with a Chinese message, and the other files are still reported', () => {
    const r = scan('--json', join(dir, 'nope.txt'), join(dir, 'a.txt'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/找不到“.*nope\.txt”/)
    expect((JSON.parse(r.stdout) as JsonReport).files).toHaveLength(1)
  })

  it('an unreadable file exits 1 with the extraction error', () => {
    const bad = mkdtempSync(join(tmpdir(), 'scan-bad-'))
    writeFileSync(join(bad, '坏.docx'), 'not a zip')
    writeFileSync(join(bad, '好.txt'), '正文')
    const r = scan(bad)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('已损坏')
    expect(r.stdout).toContain('好.txt')
  })

  it('--help is Chinese and exits 0; a wrong option exits 2', () => {
    const h = scan('--help')
    expect(h.code).toBe(0)
    expect(h.stdout).toContain('用法')
    const w = scan('--bogus')
    expect(w.code).toBe(2)
    expect(w.stderr).toContain('未知选项')
  })
})
