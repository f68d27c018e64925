import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { CommentList } from '../../src/shared/engagement/types'
import type { ItemView } from '../../src/shared/items/types'
import { coreCall } from './core-review'
import { openApp, type OpenedApp } from './harness'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const

const beijingDay = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

const LETTER =
  '我们是高新区创业路沿线的居民，坚决反对在小区北侧规划建设垃圾中转站。该选址距离居民楼不足五十米，' +
  '夏季异味和夜间清运噪声将严重影响周边两千多户居民的正常生活，也不符合环境卫生设施设置的相关标准。'
const OWN = '建议把社保缴纳年限放宽到六个月，让刚落户的小微企业也能申请补贴。'

async function shots(app: OpenedApp, page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.waitForTimeout(200)
    await app.screenshot(`${name}-${size.width}x${size.height}`)
  }
}

describe('政民互动 · 意见分组: 移出本组 / 并入… on the comment list', () => {
  let app: OpenedApp | undefined
  afterAll(async () => {
    await app?.destroy()
  })

  it('moves a comment into the form-letter group and another out; both stay after new letters arrive', async () => {
    app = await openApp({ setup: true })
    const { page, core } = app
    const draft = await coreCall<ItemView>(core, 'items:save', {
      kind: 'policy',
      title: '高新区环境卫生设施布局规划（征求意见稿）',
      bodyHtml: '<p>第一条 为规范环境卫生设施布局，制定本规划。</p>',
      issuer: '淄博高新区管委会办公室',
      docNumber: '无文号',
      signedDate: beijingDay(),
    })
    const consultation = await coreCall<{ id: string }>(core, 'engagement:consultation-open', {
      draftItemId: draft.id,
      title: '《高新区环境卫生设施布局规划（征求意见稿）》公开征求意见',
      decisionType: 'normative',
      startDate: beijingDay(),
      endDate: beijingDay(31),
      questions: '一、选址是否合理？',
      contact: '区城管局综合科，电话 0533-3580000',
      channels: ['online', 'letter'],
    })
    const add = (body: string, commenterName: string) =>
      coreCall(core, 'engagement:comment-add', {
        consultationId: consultation.id,
        body,
        paragraphNo: null,
        commenterName,
        contact: '',
        commenterType: 'public',
        channel: 'letter',
      })
    await add(`${LETTER}联名居民：张伟`, '张伟')
    await add(`王芳，8号楼住户：${LETTER}`, '王芳')
    await add(LETTER.replace('坚决反对', '强烈反对'), '李娜')
    await add(OWN, '赵强')
    await page.evaluate(
      (to) => (window.location.hash = to),
      `#/engagement/consultations/${consultation.id}`,
    )
    const table = page.getByTestId('comment-table')
    const row = (text: string) => table.getByTestId('comment-row').filter({ hasText: text })
    await table.getByText('第 1 组 · 3 条').first().waitFor()

    // 并入…: 赵强's comment joins the group.
    await row('赵强')
      .getByRole('button', { name: /调整意见 .* 的分组/ })
      .click()
    await page.getByRole('menuitem', { name: '并入…' }).click()
    const dialog = page.getByRole('dialog', { name: '并入其他意见组' })
    await dialog.getByLabel('并入', { exact: true }).click()
    await page.getByRole('option', { name: /第 1 组（3 条）/ }).click()
    await dialog.getByRole('button', { name: '并入' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await row('赵强').getByText('第 1 组 · 4 条').waitFor()

    // 移出本组: 李娜's letter stands alone.
    await row('李娜')
      .getByRole('button', { name: /调整意见 .* 的分组/ })
      .click()
    await page.getByRole('menuitem', { name: '移出本组' }).click()
    await row('李娜').getByText('—').waitFor()
    await row('张伟').getByText('第 1 组 · 3 条').waitFor()
    await shots(app, page, 'regrouped')

    // A new letter of the campaign arrives: it joins the group; the hand-made changes stay.
    await add(`${LETTER}——孙杰`, '孙杰')
    await page.reload()
    await row('孙杰').getByText('第 1 组 · 4 条').waitFor()
    await row('赵强').getByText('第 1 组 · 4 条').waitFor()
    await row('李娜').getByText('—').waitFor()
    const list = await coreCall<CommentList>(core, 'engagement:comments', { id: consultation.id })
    expect(list.groups.map((g) => g.commentIds.length)).toEqual([4])
    const name = (id: string) => list.comments.find((c) => c.id === id)!.commenterName
    expect(list.groups[0]!.commentIds.map(name).sort()).toEqual(['孙杰', '张伟', '王芳', '赵强'])
    expect(app.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })
})
