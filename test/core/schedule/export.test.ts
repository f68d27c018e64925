import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSpreadsheet } from '../../../src/core/spreadsheet'
import type { ScheduleTaskView } from '../../../src/shared/schedule/types'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { breakdownXlsx } from './breakdown-fixtures'
import { importThroughUi } from './schedule-helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  const { result } = await importThroughUi(t, '分解表.xlsx', await breakdownXlsx(), 2024)
  if (!result?.ok) throw new Error('import failed')
  const ids = (await t.call('schedule:list', { year: 2024 })).map((x) => x.id)
  await t.call('schedule:add-measure', { taskId: ids[0]!, text: '开设投资政策专栏' })
  await t.call('schedule:add-measure', { taskId: ids[0]!, text: '每月更新' })
  await t.call('schedule:add-progress', { taskId: ids[0]!, date: '2024-03-01', text: '专栏已建成' })
  await t.call('schedule:add-progress', { taskId: ids[0]!, date: '2024-04-01', text: '发布 5 条' })
  await t.call('schedule:update-task', {
    id: ids[0]!,
    sectionOffice: '办公室',
    owner: '王五',
    note: '重点',
    disclosureContent: '政府网站专栏',
  })
  await t.call('schedule:complete', {
    id: ids[0]!,
    completedOn: '2024-06-20',
    completion: '专栏运行正常',
  })
  await t.call('schedule:add-progress', { taskId: ids[3]!, date: '2024-05-01', text: '已起草解读' })
})
afterEach(async () => {
  await t.cleanup()
})

/** The table as a department sees it, without ids, times and evidence (links are not in a file). */
const table = (tasks: ScheduleTaskView[]) =>
  tasks.map((x) => ({
    section: x.section,
    number: x.number,
    category: x.category,
    requirement: x.requirement,
    leadUnit: x.leadUnit,
    deadline: x.deadline,
    own: x.own,
    measures: x.measures.map((m) => m.text),
    progress: x.progress.map((p) => [p.date, p.text]),
    disclosureContent: x.disclosureContent,
    sectionOffice: x.sectionOffice,
    owner: x.owner,
    completion: x.completion,
    completedOn: x.completedOn,
    note: x.note,
    status: x.status,
  }))

describe('exporting the 配档表', () => {
  it('writes a print-ready .xlsx: title, merged two-row header, merged categories, 仿宋/黑体, A4 landscape, repeated header, page numbers', async () => {
    const out = join(t.dataDir, '配档表.xlsx')
    t.platform.saveAnswers.push(out)
    const r = await t.call('schedule:export', { year: 2024, scope: 'all' })
    expect(r).toEqual({ file: out, count: 5 })
    const bytes = readFileSync(out)
    const sheet = readSpreadsheet({ bytes, fileName: '配档表.xlsx' }).sheets[0]!
    expect(sheet.rows[0]?.[0]).toBe('杭州市示范局2024年政务公开工作配档表')
    expect(sheet.rows[1]?.[0]).toMatch(/^填报单位：杭州市示范局/)
    expect(sheet.rows[2]?.slice(0, 6)).toEqual([
      '序号',
      '区重点工作分解',
      '',
      '',
      '',
      '本单位落实情况',
    ])
    expect(sheet.merges).toContainEqual({ top: 2, left: 0, bottom: 3, right: 0 }) // 序号 over both rows
    expect(sheet.merges).toContainEqual({ top: 2, left: 1, bottom: 2, right: 4 })
    // Section row, then 助推高水平开放 merged over its three tasks.
    expect(sheet.rows[4]?.[0]).toBe('一、以政务公开助推重点工作落实')
    expect(sheet.merges).toContainEqual({ top: 4, left: 0, bottom: 4, right: 12 })
    expect(sheet.merges).toContainEqual({ top: 5, left: 1, bottom: 7, right: 1 })
    const zip = await JSZip.loadAsync(bytes)
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? ''
    const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? ''
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/)
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/)
    expect(xml).toContain('&amp;P')
    expect(styles).toContain('仿宋')
    expect(styles).toContain('黑体')
    const audit = await t.call('audit:list', { action: 'schedule.export' })
    expect(audit.total).toBe(1)
  })

  it('export → import into a fresh desk gives back the same table', async () => {
    const before = await t.call('schedule:list', { year: 2024 })
    const out = join(t.dataDir, '配档表.xlsx')
    t.platform.saveAnswers.push(out)
    await t.call('schedule:export', { year: 2024, scope: 'all' })
    const fresh = await createTestCore()
    try {
      const { preview, result } = await importThroughUi(
        fresh,
        '配档表.xlsx',
        readFileSync(out),
        2024,
      )
      expect(preview.ok && preview.data?.needsMapping).toBe(false)
      expect(result?.ok).toBe(true)
      const after = await fresh.call('schedule:list', { year: 2024 })
      expect(table(after)).toEqual(table(before))
    } finally {
      await fresh.cleanup()
    }
  })

  it('the department’s own tasks by default', async () => {
    const out = join(t.dataDir, '本单位.xlsx')
    t.platform.saveAnswers.push(out)
    expect(await t.call('schedule:export', { year: 2024 })).toMatchObject({ count: 3 })
  })

  it('re-importing the district’s breakdown over the filled table changes none of the department’s data', async () => {
    const before = await t.call('schedule:list', { year: 2024 })
    const { result } = await importThroughUi(t, '分解表.xlsx', await breakdownXlsx(), 2024)
    expect(result?.ok && result.data).toMatchObject({ unchanged: 5, updated: 0 })
    expect(table(await t.call('schedule:list', { year: 2024 }))).toEqual(table(before))
  })
})
