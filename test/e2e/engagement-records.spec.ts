import type { Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { CommentList } from '../../src/shared/engagement/types'
import type { ItemView } from '../../src/shared/items/types'
import { coreCall } from './core-review'
import { openApp, type OpenedApp } from './harness'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const

const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`))

/** `YYYY-MM-DD` of today + `days` in Beijing (the records tab shows the current year). */
const beijingDay = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** A screenshot at each of the two window sizes. */
async function shots(app: OpenedApp, page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.waitForTimeout(200)
    await app.screenshot(`${name}-${size.width}x${size.height}`)
  }
}

describe('政民互动 · 监督员、列席与培训: the three record forms', () => {
  let app: OpenedApp | undefined
  afterAll(async () => {
    await app?.destroy()
  })

  it('adds a supervisor, a 列席 record (refused while incomplete, with two attendees) and a training; each shows in its table', async () => {
    app = await openApp({ setup: true })
    const { page } = app
    await page.evaluate(() => (window.location.hash = '#/engagement?tab=records'))
    const today = beijingDay()

    // 监督员: the form's 保存 saves and closes; the roster lists the name.
    await page.getByRole('button', { name: '添加监督员' }).click()
    let dialog = page.getByRole('dialog', { name: '添加政务公开监督员' })
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.getByText('请填写姓名').waitFor()
    await field(dialog, '姓名').fill('周监督')
    await field(dialog, '单位/身份').fill('区人大代表')
    await field(dialog, '聘任日期').fill(today)
    await field(dialog, '聘任日期').press('Tab')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('周监督').waitFor()
    await page.getByText('区人大代表', { exact: false }).waitFor()

    // 列席: an empty form is refused field by field, nothing is saved.
    await page.getByRole('button', { name: '登记列席' }).click()
    dialog = page.getByRole('dialog', { name: '登记列席记录' })
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.getByText('请填写会议名称').waitFor()
    await dialog.getByText('请填写列席人员姓名').waitFor()
    await shots(app, page, 'attendance-refused')
    await field(dialog, '会议名称').fill('区政府第 12 次常务会议')
    await field(dialog, '会议日期').fill(today)
    await field(dialog, '会议日期').press('Tab')
    await dialog.getByLabel('列席人员 1', { exact: true }).fill('赵企业')
    await dialog.getByLabel('列席人员 1 类型').click()
    await page.getByRole('option', { name: '利益相关方' }).click()
    await dialog.getByRole('button', { name: '添加列席人员' }).click()
    await dialog.getByLabel('列席人员 2', { exact: true }).fill('钱记者')
    await dialog.getByLabel('列席人员 2 类型').click()
    await page.getByRole('option', { name: '媒体' }).click()
    await field(dialog, '发表的意见').fill('建议补贴申请全程网办。')
    await field(dialog, '采纳情况').fill('已采纳，纳入办法第五条。')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const attendance = page.getByTestId('attendance-table')
    await attendance.getByText('区政府第 12 次常务会议').waitFor()
    await attendance.getByText('赵企业（利益相关方）、钱记者（媒体）').waitFor()
    await attendance.getByText('已采纳，纳入办法第五条。').waitFor()

    // 培训: counts typed in the number fields reach the table.
    await page.getByRole('button', { name: '登记培训' }).click()
    dialog = page.getByRole('dialog', { name: '登记培训' })
    await field(dialog, '培训主题').fill('政府信息公开条例专题培训')
    await field(dialog, '培训日期').fill(today)
    await field(dialog, '培训日期').press('Tab')
    await field(dialog, '参训人数').fill('35')
    await field(dialog, '学时').fill('2.5')
    await field(dialog, '组织单位').fill('区政务公开办')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const trainings = page.getByTestId('training-table')
    await trainings.getByText('政府信息公开条例专题培训').waitFor()
    await trainings.getByText('35 人 · 2.5 学时 · 区政务公开办').waitFor()
    await shots(app, page, 'records')

    const stored = await app.core.dispatch('engagement:trainings', {
      year: Number(today.slice(0, 4)),
    })
    expect(stored.ok && stored.data).toMatchObject([
      { topic: '政府信息公开条例专题培训', participantCount: 35, hours: 2.5, heldOn: today },
    ])
    expect(app.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })

  it('登记线下意见: an empty form is refused naming the field; a letter is registered with its paragraph and masked contact', async () => {
    const { page, core } = app ?? (app = await openApp({ setup: true }))
    const draft = await coreCall<ItemView>(core, 'items:save', {
      kind: 'policy',
      title: '淄博高新区小微企业发展补贴办法（征求意见稿）',
      bodyHtml:
        '<p>第一条 为支持小微企业发展，制定本办法。</p>' +
        '<p>第二条 本办法适用于在本区登记注册的小微企业。</p>',
      issuer: '淄博高新区管委会办公室',
      docNumber: '无文号',
      signedDate: beijingDay(),
    })
    const consultation = await coreCall<{ id: string }>(core, 'engagement:consultation-open', {
      draftItemId: draft.id,
      title: '《淄博高新区小微企业发展补贴办法（征求意见稿）》公开征求意见',
      decisionType: 'normative',
      startDate: beijingDay(),
      endDate: beijingDay(31),
      questions: '一、补贴申请条件是否合理？',
      contact: '区经济发展局综合科，电话 0533-3580000',
      channels: ['online', 'letter'],
    })
    await page.evaluate(
      (to) => (window.location.hash = to),
      `#/engagement/consultations/${consultation.id}`,
    )
    await page.getByRole('button', { name: '登记线下意见' }).click()
    const dialog = page.getByRole('dialog', { name: '登记线下收到的意见' })
    await dialog.getByRole('button', { name: '登记' }).click()
    await dialog.getByText('请填写意见内容').waitFor()
    await field(dialog, '意见内容').fill('建议将社保缴纳年限放宽至六个月。')
    await field(dialog, '姓名或单位').fill('李先生')
    await field(dialog, '联系方式').fill('13912345678')
    await field(dialog, '针对段落').click()
    await page.getByRole('option', { name: '第2段' }).click()
    await dialog.getByRole('button', { name: '登记' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('建议将社保缴纳年限放宽至六个月。').first().waitFor()
    await shots(app!, page, 'offline-comment')

    const { comments } = await coreCall<CommentList>(core, 'engagement:comments', {
      id: consultation.id,
    })
    expect(comments).toMatchObject([
      {
        body: '建议将社保缴纳年限放宽至六个月。',
        paragraphNo: 2,
        channel: 'letter',
        commenterName: '李先生',
      },
    ])
    expect(comments[0]?.contactMasked).not.toContain('12345678')
    expect(app!.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })
})
