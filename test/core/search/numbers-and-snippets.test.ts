import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { around } from '../../../src/core/search/snippet'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { buildDocx, para } from '../../fixtures/drafting/build-docx'
import { newItem, withStaff } from '../items/helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

const ids = async (text: string) =>
  (await t.call('items:search', { text })).rows.map((r) => r.title)

describe('items:search finds 发文字号 and 索引号 (issue 10)', () => {
  beforeEach(async () => {
    await newItem(t, { title: '关于印发企业扶持办法的通知', docNumber: '淄高新管发〔2024〕3号' })
    await newItem(t, { title: '关于做好秋季防火工作的通知', docNumber: '淄高新管办字〔2023〕12号' })
    await newItem(t, { title: '年度工作要点', docNumber: '淄高新管发〔2024〕13号' })
  })

  it('matches a 发文字号 exactly', async () => {
    expect(await ids('淄高新管发〔2024〕3号')).toEqual(['关于印发企业扶持办法的通知'])
  })

  it('matches a 发文字号 by fragment: 〔2024〕3号, 3号 (2 characters), 管发〔2024〕', async () => {
    expect(await ids('〔2024〕3号')).toEqual(['关于印发企业扶持办法的通知'])
    expect((await ids('3号')).sort()).toEqual(['关于印发企业扶持办法的通知', '年度工作要点'].sort())
    expect((await ids('管发〔2024〕')).sort()).toEqual(
      ['关于印发企业扶持办法的通知', '年度工作要点'].sort(),
    )
  })

  it('reads the brackets officers type ([2024], (2024), 【2024】) as 〔2024〕', async () => {
    expect(await ids('淄高新管发[2024]3号')).toEqual(['关于印发企业扶持办法的通知'])
    expect(await ids('(2023)12号')).toEqual(['关于做好秋季防火工作的通知'])
  })

  it('combines a number with words: every term must match, in the text or the number', async () => {
    expect(await ids('〔2024〕 扶持办法')).toEqual(['关于印发企业扶持办法的通知'])
    expect(await ids('〔2023〕 扶持办法')).toEqual([])
  })

  it('matches a 索引号 exactly and by fragment', async () => {
    const item = await newItem(t, { title: '已发布的公示' })
    const raw = new Database(t.dbPath)
    raw
      .prepare('UPDATE items SET index_number = ? WHERE id = ?')
      .run('113301000020000011/2026-00007', item.id)
    raw.close()
    expect(await ids('113301000020000011/2026-00007')).toEqual(['已发布的公示'])
    expect(await ids('2026-00007')).toEqual(['已发布的公示'])
    expect(await ids('07')).toEqual(['已发布的公示'])
  })

  it('a one-character term still matches titles only', async () => {
    expect(await ids('3')).toEqual([])
  })
})

describe('snippets centre on the matched words (issue 10)', () => {
  it('starts a little before the match, not a long lead that hides it', () => {
    const text = `${'前文'.repeat(60)}本次调整城乡居民基础养老金标准，自2024年1月起执行。${'后文'.repeat(60)}`
    const s = around(text, ['基础养老金'])
    expect(s).not.toBeNull()
    const at = (s as string).indexOf('基础养老金')
    expect(at).toBeGreaterThan(0)
    expect(at).toBeLessThanOrEqual(16)
    expect(s).toContain('自2024年1月起执行')
  })

  it('centres on whichever term occurs first', () => {
    const s = around(`${'甲'.repeat(100)}乙丙丁${'戊'.repeat(100)}扶持办法`, ['扶持办法', '乙丙丁'])
    expect((s as string).indexOf('乙丙丁')).toBeLessThanOrEqual(16)
  })

  it('an attachment snippet shows the matched words after the file name', async () => {
    const item = await newItem(t, { title: '附件测试', bodyHtml: '<p>正文没有那个词。</p>' })
    const long = '很长的前言'.repeat(30)
    const path = join(t.dataDir, '城乡居民养老保险待遇调整明细表（2024年度）.docx')
    writeFileSync(path, await buildDocx([para(`${long}高龄津贴发放标准为每人每月二百元。`)]))
    t.platform.openAnswers.push(path)
    await t.call('attachments:add', { itemId: item.id })
    const page = await t.call('items:search', { text: '高龄津贴' })
    const snippet = page.rows[0]?.snippet ?? ''
    expect(snippet).toMatch(/^附件「.{1,16}」：/)
    const afterPrefix = snippet.slice(snippet.indexOf('：') + 1)
    expect(afterPrefix.indexOf('高龄津贴')).toBeLessThanOrEqual(16)
    expect(afterPrefix).toContain('每人每月二百元')
  })
})
