import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/core/api/dispatch'
import type { HandlerTable } from '../../../src/core/api/types'
import { DISK_FULL_MESSAGE, READ_ONLY_MESSAGE } from '../../../src/core/errors-storage'
import { silentLogger } from '../../../src/core/logger'
import { makeTempDir } from '../../helpers/temp-dir'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { loginAs, newItem, OFFICER } from '../items/helpers'

/** Issue 8 point 10: control characters, echoed input, a full or read-only disk. */

let t: TestCore
beforeAll(async () => {
  t = await createTestCore()
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  await loginAs(t, OFFICER)
})
afterAll(async () => t.cleanup())

const itemCount = async () => (await t.call('items:search', {})).total

describe('control characters are refused at input, in every channel', () => {
  it('a NUL in search text is VALIDATION (not INTERNAL), naming the field', async () => {
    const r = await t.send('items:search', { text: '政务\u0000公开' })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!r.ok) {
      expect(r.error.message).toContain('关键词')
      expect(r.error.message).toContain('控制字符')
    }
  })

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['VT', '\u000b'],
  ])('a title with %s is refused and nothing is stored', async (_name, c) => {
    const before = await itemCount()
    const r = await t.send('items:save', {
      kind: 'notice',
      title: `关于${c}通知`,
      bodyHtml: '<p>x</p>',
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!r.ok) expect(r.error.message).toMatch(/^标题/)
    expect(await itemCount()).toBe(before)
  })

  it('tab, line feed and carriage return stay allowed', async () => {
    const item = await newItem(t, { bodyHtml: '<p>第一行\n第二行\r\n\t缩进</p>' })
    expect(item.id).toBeTruthy()
  })

  it('a NUL hidden deep in an array or in a key is found too', async () => {
    const r = await t.send('items:search', { statuses: ['draft', 'a\u0000'] } as never)
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const k = await t.send('items:search', { ['te\u0000xt']: 'x' } as never)
    expect(k).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('messages quote at most a few characters of the input', () => {
  it('a 1 M-character 发文字号 is not echoed back', async () => {
    const huge = '淄'.repeat(1_000_000)
    const r = await t.send('items:save', {
      kind: 'notice',
      title: '通知',
      bodyHtml: '',
      docNumber: huge,
    })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION')
      expect(r.error.message).toContain('发文字号')
      expect(r.error.message).not.toContain('淄'.repeat(21))
      expect(JSON.stringify(r.error).length).toBeLessThan(6000)
    }
  })

  it('a long malformed 发文字号 within the limit is quoted only in part', async () => {
    const text = `淄高新管办字（2023）${'1'.repeat(30)}`
    const r = await t.send('items:save', { kind: 'notice', title: '通知', docNumber: text })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toContain(text.slice(0, 20))
      expect(r.error.message).not.toContain(text)
    }
  })
})

describe('a full or read-only disk is said as such', () => {
  /** A dispatcher whose `items:search` runs `body` (real SQLite errors, not made-up ones). */
  const dispatchThrowing = (body: () => unknown) =>
    createDispatch({ 'items:search': async () => body() } as unknown as HandlerTable, silentLogger)

  it('SQLITE_FULL → 磁盘空间已满……未丢失任何已保存的数据', async () => {
    const temp = makeTempDir()
    const db = new Database(`${temp.dir}/full.sqlite`)
    db.exec('CREATE TABLE t (x TEXT)')
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    const r = await dispatchThrowing(() =>
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)),
    )('items:search', {})
    db.close()
    temp.cleanup()
    expect(r).toEqual({ ok: false, error: { code: 'DB_ERROR', message: DISK_FULL_MESSAGE } })
    expect(DISK_FULL_MESSAGE).toContain('磁盘空间已满')
    expect(DISK_FULL_MESSAGE).toContain('未丢失任何已保存的数据')
  })

  it('SQLITE_READONLY → read-only, not damaged', async () => {
    const temp = makeTempDir()
    const path = `${temp.dir}/ro.sqlite`
    new Database(path).exec('CREATE TABLE t (x TEXT)')
    const ro = new Database(path, { readonly: true })
    const r = await dispatchThrowing(() => ro.prepare('INSERT INTO t VALUES (1)').run())(
      'items:search',
      {},
    )
    ro.close()
    temp.cleanup()
    expect(r).toEqual({ ok: false, error: { code: 'DB_ERROR', message: READ_ONLY_MESSAGE } })
    expect(READ_ONLY_MESSAGE).toContain('只读')
    expect(READ_ONLY_MESSAGE).toContain('并未损坏')
    expect(READ_ONLY_MESSAGE).not.toContain('从备份恢复')
  })

  it.each([
    ['ENOSPC', DISK_FULL_MESSAGE],
    ['EROFS', READ_ONLY_MESSAGE],
    ['EACCES', READ_ONLY_MESSAGE],
  ])('a file-system %s', async (code, message) => {
    const e = Object.assign(new Error(`${code}: write failed`), { code })
    const r = await dispatchThrowing(() => {
      throw e
    })('items:search', {})
    expect(r).toEqual({ ok: false, error: { code: 'DB_ERROR', message } })
  })
})

describe('stripControlCharacters (for paste handlers)', () => {
  it('turns Word soft breaks into line feeds and drops the rest', async () => {
    const { stripControlCharacters, hasControlCharacters } =
      await import('../../../src/shared/text')
    const out = stripControlCharacters('第一行\u000b第二行\u0000\u0007\t尾\r\n')
    expect(out).toBe('第一行\n第二行\t尾\r\n')
    expect(hasControlCharacters(out)).toBe(false)
  })
})
