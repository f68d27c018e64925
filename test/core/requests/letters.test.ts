import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LETTER_KINDS } from '../../../src/shared/requests/types'
import { RENDER_ROOT, renderDocxToPng, renderedText } from '../../helpers/render-docx'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { register } from './helpers'

/**
 * The 政府信息公开申请答复书 and the four notices, on the official layout (core/documents), from
 * editable templates; each rendered to PNG under test-results/documents/requests-<kind>/.
 */
let t: TestCore
let id: string
beforeAll(async () => {
  t = await createTestCore()
  await t.call('requests:update-settings', {
    reconsiderationOrgan: '杭州市人民政府',
    court: '杭州市西湖区人民法院',
  })
  const v = await register(t)
  id = v.id
  const add = (e: Record<string, unknown>) =>
    t.call('requests:add-event', { requestId: id, ...e } as never)
  await add({
    kind: 'correction_requested',
    date: '2025-03-05',
    deadline: '2025-03-20',
    items: '请写明所需文件的文号或名称',
  })
  await add({ kind: 'correction_received', date: '2025-03-10' })
  await add({
    kind: 'consultation_started',
    date: '2025-03-11',
    party: 'third_party',
    partyName: '杭州某某科技有限公司',
  })
  await add({ kind: 'consultation_ended', date: '2025-03-21', note: '第三方部分同意公开' })
  await add({ kind: 'fee_notice', date: '2025-03-24', scheme: 'per_page', quantity: 120 })
  await add({ kind: 'fee_paid', date: '2025-03-26', amount: 1100 })
  await add({
    kind: 'extension',
    date: '2025-04-10',
    days: 20,
    approver: '李主任',
    reason: '需要调取历史档案并逐页区分处理',
  })
  await add({
    kind: 'answer',
    date: '2025-05-06',
    answerType: 'partial',
    outcome: '2',
    note: '第 3 页涉及第三方商业秘密，不予公开，其余部分予以公开。',
  })
}, 60_000)
afterAll(async () => {
  await t.cleanup()
})

describe('letters', () => {
  it('offers all five letters for a request that went through every step', async () => {
    const v = await t.call('requests:get', { id })
    expect([...v.letters].sort()).toEqual([...LETTER_KINDS].sort())
  })

  it.each(LETTER_KINDS.map((k) => [k]))(
    'renders the %s letter to PNG with the filled placeholders',
    async (kind) => {
      const path = join(t.dataDir, `${kind}.docx`)
      t.platform.saveAnswers.push(path)
      const result = await t.call('requests:letter', { requestId: id, kind })
      expect(result?.path).toBe(path)
      const out = join(RENDER_ROOT, `requests-${kind}`)
      const pages = await renderDocxToPng(readFileSync(path), out)
      expect(pages.length).toBeGreaterThan(0)
      const text = (await renderedText(out)).replace(/\s+/g, '')
      expect(text).toContain('GK2025-001')
      expect(text).not.toMatch(/\{[^}]+\}/)
      const expected: Record<string, string[]> = {
        answer: [
          '政府信息公开申请答复书',
          '张三丰：',
          '第三十七条',
          '60日内向杭州市人民政府申请行政复议',
          '6个月内向杭州市西湖区人民法院',
          '2025年5月6日',
        ],
        correction: ['补正告知书', '请写明所需文件的文号或名称', '2025年3月20日'],
        extension: ['延期答复告知书', '20个工作日', '需要调取历史档案'],
        consultation: ['征求第三方意见书', '杭州某某科技有限公司：', '15个工作日'],
        fee: ['收费通知书', '1100元', '20个工作日'],
      }
      for (const s of expected[kind]!) expect(text).toContain(s.replace(/\s+/g, ''))
    },
    120_000,
  )

  it('uses the department’s edited template, and can go back to the built-in one', async () => {
    const saved = await t.call('requests:save-template', {
      key: 'answer.partial',
      title: '政府信息公开申请答复书',
      body: '{申请人}：\n您的申请（{编号}）已办结。{答复内容}\n{救济告知}',
    })
    expect(saved.builtIn).toBe(false)
    const path = join(t.dataDir, 'edited.docx')
    t.platform.saveAnswers.push(path)
    await t.call('requests:letter', { requestId: id, kind: 'answer' })
    const out = join(RENDER_ROOT, 'requests-answer-edited')
    await renderDocxToPng(readFileSync(path), out)
    expect((await renderedText(out)).replace(/\s+/g, '')).toContain('您的申请（GK2025-001）已办结')
    const reset = await t.call('requests:reset-template', { key: 'answer.partial' })
    expect(reset.builtIn).toBe(true)
    expect(reset.body).toContain('区分处理')
  }, 120_000)
})
