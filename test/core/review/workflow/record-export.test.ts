import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { runCli } from '../../../../src/cli/index'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import {
  approve,
  auditActions,
  LEADER,
  loginAs,
  newItem,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

/** The text of word/document.xml, runs joined (tags stripped). */
async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  return xml.replace(/<[^>]+>/g, '')
}

describe('保密审查单 (review:record-export)', () => {
  it('writes a .docx with the record fields, checklist answers per step, findings, decisions, 索引号 and hash', async () => {
    const item = await newItem(t, {
      bodyHtml: '<p>联系人手机 13812345678。</p>',
      plannedPublishDate: '2026-12-01',
    })
    const submitted = await submit(t, item, { channels: ['website', 'gazette'] })
    const highReasons = submitted.findings
      .filter((f) => f.severity === 'high')
      .map((f) => ({ findingId: f.id, reason: '单位公开的办公手机' }))
    await loginAs(t, REVIEWER)
    await approve(t, item.id, { highReasons })
    await loginAs(t, LEADER)
    const done = await approve(t, item.id, { highReasons })

    const target = join(t.dataDir, '审查单.docx')
    t.platform.saveAnswers.push(target)
    const result = await t.call('review:record-export', { itemId: item.id })
    expect(result).toEqual({ path: target, reviewId: done.review?.id })
    const text = await documentText(target)
    for (const expected of [
      '政府信息公开保密审查单',
      '信息名称',
      item.title,
      '类别',
      '政策文件',
      '载体形式',
      '公文类',
      '生成日期',
      '2026-11-20',
      '审查意见',
      '公开',
      '审查人',
      REVIEWER.displayName,
      '审查日期',
      '批准人',
      LEADER.displayName,
      '批准日期',
      '拟公开方式',
      '政府网站、政府公报',
      '拟公开时间',
      '2026-12-01',
      '索引号',
      done.item.indexNumber ?? '—',
      item.contentHash,
      '审查清单',
      '起草人自查',
      '保密审核',
      '领导签发',
      '扫描发现',
      '138****5678',
      '单位公开的办公手机',
      '同意公开',
    ]) {
      expect(text).toContain(expected)
    }
    // The record shows the masked value, not the raw number.
    expect(text).not.toContain('13812345678')
    expect(auditActions(t, item.id)).toContain('review.record_export')

    // The command-line twin writes the same record.
    const lines: string[] = []
    const cliOut = join(t.dataDir, 'cli.docx')
    const code = await runCli(
      ['review-record', '--db', t.dbPath, '--item', item.id, '--out', cliOut, '--user', 'li'],
      {
        io: { out: (l) => lines.push(l), err: (l) => lines.push(l) },
        clock: t.clock.clock,
        appVersion: '0.1.0',
      },
    )
    expect(lines.join('\n')).toContain('已导出保密审查单')
    expect(code).toBe(0)
    expect(await documentText(cliOut)).toContain(LEADER.displayName)
  })

  it('records 不予公开 with the article, and returns null when the dialog is cancelled', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const view = await t.call('review:get', { itemId: item.id })
    await t.call('review:decide', {
      itemId: item.id,
      reviewId: view.review?.id ?? '',
      stepIndex: 0,
      contentHash: item.contentHash,
      decision: 'withhold',
      article: 'art16',
      reason: '属于过程性信息',
      checklist: (await t.call('review:checklist-get', {})).questions.map((q) => ({
        questionId: q.id,
        answer: q.id === 'q6' ? ('yes' as const) : ('na' as const),
        ...(q.id === 'q6' ? { note: '请示报告' } : {}),
      })),
    })
    expect(await t.call('review:record-export', { itemId: item.id })).toBeNull()
    const target = join(t.dataDir, 'withheld.docx')
    t.platform.saveAnswers.push(target)
    await t.call('review:record-export', { itemId: item.id })
    const text = await documentText(target)
    expect(text).toContain('不予公开')
    expect(text).toContain('《条例》第十六条')
    expect(text).toContain('属于过程性信息')
    expect(text).toContain('是（请示报告）')
  })
})
