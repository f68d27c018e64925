import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEXT_WIDTH } from '../../../src/core/documents'
import type { TestCore } from '../../helpers/test-core'
import { RENDER_ROOT, renderDocxToPng, renderedText } from '../../helpers/render-docx'
import {
  approve,
  decision,
  fieldsOf,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

/** Round 1 returned by the leader with two comments, round 2 approved by both steps. */
async function twoRoundRecord(): Promise<Buffer> {
  const item = await newItem(t, {
    title: '关于2026年度城乡居民最低生活保障标准调整情况的公示',
    docNumber: '淄高新民发〔2026〕12号',
    bodyHtml: '<p>经研究，现将调整情况公示如下。联系人手机 13812345678。</p>',
    plannedPublishDate: '2026-12-01',
  })
  const first = await submit(t, item, { channels: ['website', 'gazette'] })
  const highReasons = (f: typeof first) =>
    f.findings
      .filter((x) => x.severity === 'high')
      .map((x) => ({ findingId: x.id, reason: '公示载明的单位办公手机，已公开' }))
  await loginAs(t, REVIEWER)
  await approve(t, item.id, { highReasons: highReasons(first) })
  await loginAs(t, LEADER)
  await t.call(
    'review:decide',
    await decision(t, item.id, {
      decision: 'return',
      checklist: [],
      comments: [{ text: '标题请写明发文单位全称' }, { text: '请补充公示期限及异议受理方式' }],
    }),
  )
  await loginAs(t, OFFICER)
  const edited = await t.call('items:save', {
    ...fieldsOf(item),
    title: '淄博高新区民政局关于2026年度城乡居民最低生活保障标准调整情况的公示',
    bodyHtml: '<p>经研究，现将调整情况公示如下，公示期5个工作日。联系人手机 13812345678。</p>',
  })
  const second = await submit(t, edited, { channels: ['website', 'gazette'] })
  await loginAs(t, REVIEWER)
  await approve(t, item.id, { highReasons: highReasons(second) })
  await loginAs(t, LEADER)
  await approve(t, item.id, { highReasons: highReasons(second) })
  const target = join(t.dataDir, '审查单.docx')
  t.platform.saveAnswers.push(target)
  await t.call('review:record-export', { itemId: item.id })
  return readFileSync(target)
}

describe('保密审查单 on the document layout (issue 10)', () => {
  it('keeps every round: the first round’s return comments, and a signing row per step', async () => {
    const docx = await twoRoundRecord()
    const zip = await JSZip.loadAsync(docx)
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    for (const expected of [
      '第 1 轮',
      '第 2 轮',
      '退回修改',
      '标题请写明发文单位全称',
      '请补充公示期限及异议受理方式',
      '起草人自查',
      '保密审核意见',
      '领导签发意见',
      '淄高新民发〔2026〕12号',
    ]) {
      expect(text).toContain(expected)
    }
    // Author + two steps: three signature and date spaces.
    expect(text.match(/签字：＿+\u3000\u3000日期：/g)).toHaveLength(3)
    // No Word heading styles; East Asian fonts named on the runs.
    expect(xml).not.toMatch(/w:pStyle w:val="(Heading|Title)/)
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"')
    expect(xml).toContain('w:eastAsia="方正小标宋简体"')
    // The checklist's question column takes most of the width (it does not wrap every few characters).
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/gs)].map((m) =>
      [...(m[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((g) => Number(g[1])),
    )
    const checklistGrid = grids[1] ?? []
    expect(checklistGrid).toHaveLength(5)
    expect(checklistGrid[1]).toBeGreaterThan(TEXT_WIDTH * 0.4)
  })

  it('renders as a filed form: pages kept under test-results/documents/review-record', async () => {
    const out = join(RENDER_ROOT, 'review-record')
    const pages = await renderDocxToPng(await twoRoundRecord(), out)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages.length).toBeLessThanOrEqual(4)
    const rendered = (await renderedText(out)).replace(/\s+/g, '')
    expect(rendered).toContain('政府信息公开保密审查单')
    expect(rendered).toContain('标题请写明发文单位全称')
    expect(rendered).toContain('—1—')
  })

  it('renders a 不予公开 record with its grounds (test-results/documents/review-record-withheld)', async () => {
    const item = await newItem(t, { title: '关于某项目前期论证情况的请示' })
    await submit(t, item)
    await loginAs(t, REVIEWER)
    await t.call(
      'review:decide',
      await decision(t, item.id, {
        decision: 'withhold',
        article: 'art16',
        reason: '属于行政机关内部的请示报告，为过程性信息',
      }),
    )
    const target = join(t.dataDir, '不予公开.docx')
    t.platform.saveAnswers.push(target)
    await t.call('review:record-export', { itemId: item.id })
    const out = join(RENDER_ROOT, 'review-record-withheld')
    const pages = await renderDocxToPng(readFileSync(target), out)
    expect(pages.length).toBeLessThanOrEqual(3)
    const rendered = (await renderedText(out)).replace(/\s+/g, '')
    expect(rendered).toContain('不予公开（依据《条例》第十六条')
    expect(rendered).toContain('属于行政机关内部的请示报告')
    // The author, 保密审核 and the step not reached (领导签发) each have spaces to sign.
    expect(rendered.match(/签字：＿+日期：年月日/g)).toHaveLength(3)
    expect(rendered).toContain('领导签发意见签字：')
  })
})
