import type { Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
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
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.waitForTimeout(200)
      await app.screenshot(`attendance-refused-${size.width}x${size.height}`)
    }
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
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.waitForTimeout(200)
      await app.screenshot(`records-${size.width}x${size.height}`)
    }

    const stored = await app.core.dispatch('engagement:trainings', {
      year: Number(today.slice(0, 4)),
    })
    expect(stored.ok && stored.data).toMatchObject([
      { topic: '政府信息公开条例专题培训', participantCount: 35, hours: 2.5, heldOn: today },
    ])
    expect(app.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })
})
