import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import {
  bigBreakdownXlsx,
  breakdownCsv,
  breakdownXls,
  breakdownXlsx,
  emptyXlsx,
  encryptedXlsx,
  EXPECTED_TASKS,
  namespacedBreakdownXlsx,
  noHeaderXlsx,
  NOT_A_SPREADSHEET,
  TITLE,
} from './breakdown-fixtures'
import { importThroughUi, snapshot } from './schedule-helpers'

// The department of createTestCore is 杭州市示范局: 「市示范局」「区示范局（牵头）」「各部门单位」 name it.
let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
})
afterEach(async () => {
  await t.cleanup()
})

const shape = (tasks: Awaited<ReturnType<TestCore['call']>> & unknown[]) => tasks

async function importOk(name: string, bytes: Uint8Array, year = 2024) {
  const { preview, result } = await importThroughUi(t, name, bytes, year)
  if (!preview.ok) throw new Error(preview.error.message)
  if (!result?.ok) throw new Error(result ? result.error.message : 'cancelled')
  return result.data
}

async function expectRefused(name: string, bytes: Uint8Array, message: RegExp) {
  const before = await snapshot(t)
  const { preview, result } = await importThroughUi(t, name, bytes)
  const failure = !preview.ok ? preview : result && !result.ok ? result : null
  expect(failure, 'the import must fail').not.toBeNull()
  if (failure && !failure.ok) {
    expect(failure.error.code).toBe('VALIDATION')
    expect(failure.error.message).toMatch(message)
  }
  expect(await snapshot(t)).toEqual(before)
}

describe('importing a district 重点工作分解表', () => {
  it.each([
    ['分解表.xlsx', () => breakdownXlsx()],
    ['分解表（其他软件）.xlsx', () => namespacedBreakdownXlsx()],
    ['分解表.xls', async () => breakdownXls()],
  ])(
    'reads %s: title, two header rows, sections, merged categories and deadlines, notes skipped',
    async (name, build) => {
      const result = await importOk(name, await build())
      expect(result).toMatchObject({ added: 5, updated: 0, removed: 0, total: 5, own: 3 })
      const tasks = await t.call('schedule:list', { year: 2024 })
      expect(
        tasks.map((x) => ({
          number: x.number,
          category: x.category,
          requirement: x.requirement,
          deadline: x.deadline.text,
          date: x.deadline.date,
          own: x.own,
        })),
      ).toEqual(EXPECTED_TASKS)
      expect(tasks.map((x) => x.section)).toEqual([
        '一、以政务公开助推重点工作落实',
        '一、以政务公开助推重点工作落实',
        '一、以政务公开助推重点工作落实',
        '二、做好政策公开与解读回应',
        '二、做好政策公开与解读回应',
      ])
      // 公开载体 is the district's column here; it fills the department's 公开内容/载体.
      expect(tasks[0]?.disclosureContent).toBe('政府网站')
      expect(tasks[0]?.leadUnit).toBe('区发改局、市示范局')
      const overview = await t.call('schedule:overview', { year: 2024 })
      expect(overview.title).toBe(TITLE)
      expect(overview.sourceFile).toBe(name)
    },
  )

  it('reads a .csv saved with 工作任务 / 具体要求 / 责任科室 / 时限要求 columns', async () => {
    await importOk('分解表.csv', breakdownCsv())
    const tasks = await t.call('schedule:list', { year: 2024 })
    expect(tasks.map((x) => [x.category, x.requirement, x.leadUnit, x.deadline])).toEqual([
      [
        '政策解读',
        '开展重点领域政策解读',
        '区示范局',
        { text: '2024年12月底前', date: '2024-12-31' },
      ],
      ['政策解读', '实施政策集成式发布', '区人社局', { text: '按上级部署', date: null }],
    ])
    expect(tasks.map((x) => x.own)).toEqual([true, false])
  })

  it('imports 10,000 rows with 2,000 merged category cells, each category applied to every row it spans', async () => {
    const result = await importOk('大表.xlsx', bigBreakdownXlsx(10_000, 5))
    expect(result.added).toBe(10_000)
    const tasks = await t.call('schedule:list', { year: 2024 })
    expect(tasks).toHaveLength(10_000)
    expect(tasks[4]?.category).toBe('第1类重点工作')
    expect(tasks[5]?.category).toBe('第2类重点工作')
    expect(tasks[9_999]?.category).toBe('第2000类重点工作')
    expect(tasks[9_999]?.requirement).toBe('具体任务第10000项：做好相关领域信息公开')
  }, 60_000)

  it('re-importing a corrected breakdown updates tasks in place and keeps the measures and progress', async () => {
    await importOk('分解表.xlsx', await breakdownXlsx())
    const first = await t.call('schedule:list', { year: 2024 })
    const [one, two] = first
    await t.call('schedule:add-measure', { taskId: one!.id, text: '每月更新投资政策专栏' })
    await t.call('schedule:add-progress', {
      taskId: two!.id,
      date: '2024-03-05',
      text: '已梳理政策清单',
    })
    await t.call('schedule:update-task', { id: two!.id, owner: '张三' })

    const corrected = await breakdownXlsx((rows) => {
      rows[5]![5] = '2024年7月底前' // task 1: new deadline
      rows[6]![2] = '做好招商引资政策解读和回应' // task 2: corrected text, same number
      rows[10] = [5, '', '实施政策集成式发布和一站式公开', '政务公开专区', '区人社局', ''] // task 5 renamed
    })
    const result = await importOk('分解表（修订）.xlsx', corrected)
    expect(result).toMatchObject({ added: 0, updated: 3, unchanged: 2, removed: 0 })
    const after = await t.call('schedule:list', { year: 2024 })
    expect(after.map((x) => x.id)).toEqual(first.map((x) => x.id))
    expect(after[0]?.deadline).toEqual({ text: '2024年7月底前', date: '2024-07-31' })
    expect(after[0]?.measures.map((m) => m.text)).toEqual(['每月更新投资政策专栏'])
    expect(after[1]?.requirement).toBe('做好招商引资政策解读和回应')
    expect(after[1]?.progress.map((p) => p.text)).toEqual(['已梳理政策清单'])
    expect(after[1]?.owner).toBe('张三')
    expect(after[1]?.status).toBe('in_progress')
  })

  it('a task dropped from the corrected breakdown is removed, and comes back with its data if re-added', async () => {
    await importOk('分解表.xlsx', await breakdownXlsx())
    const first = await t.call('schedule:list', { year: 2024 })
    await t.call('schedule:add-measure', { taskId: first[4]!.id, text: '建设政策专区' })
    const without = await breakdownXlsx((rows) => {
      rows[10] = []
    })
    expect(await importOk('b.xlsx', without)).toMatchObject({ removed: 1 })
    expect(await t.call('schedule:list', { year: 2024 })).toHaveLength(4)
    expect(await importOk('c.xlsx', await breakdownXlsx())).toMatchObject({ updated: 1, added: 0 })
    const back = await t.call('schedule:list', { year: 2024 })
    expect(back[4]?.id).toBe(first[4]!.id)
    expect(back[4]?.measures.map((m) => m.text)).toEqual(['建设政策专区'])
  })

  it('warns in the preview when the title names another year', async () => {
    const { preview } = await importThroughUi(t, '分解表.xlsx', await breakdownXlsx(), 2026)
    expect(preview.ok && preview.data?.warnings).toEqual([
      `表格标题是「${TITLE}」，与要导入的 2026 年不一致，请确认年度`,
    ])
  })

  it('audits an import once, with its counts', async () => {
    await importOk('分解表.xlsx', await breakdownXlsx())
    const audit = await t.call('audit:list', { action: 'schedule.import' })
    expect(audit.total).toBe(1)
  })

  it('shows a mapping step when no column is recognised, and imports with the mapping given', async () => {
    const odd = await breakdownXlsx((rows) => {
      rows[2] = ['No.', '事项', '分解', '', '单位', '期限']
      rows[3] = ['', '', '内容说明', '渠道', '', '']
    })
    const { preview } = await importThroughUi(t, 'odd.xlsx', odd)
    // Cancelled after the preview: nothing imported yet.
    expect(preview.ok && preview.data?.needsMapping).toBe(true)
    expect(preview.ok && preview.data?.warnings).toEqual([])
    expect(await t.call('schedule:list', { year: 2024 })).toHaveLength(0)
    const { result } = await importThroughUi(t, 'odd.xlsx', odd, 2024, {
      number: 0,
      category: 1,
      requirement: 2,
      leadUnit: 4,
      deadline: 5,
    })
    expect(result?.ok && result.data.added).toBe(5)
  })
})

describe('broken breakdown files: a clear Chinese error and nothing changed', () => {
  beforeEach(async () => {
    // Something to lose: a real table imported first.
    await importOk('分解表.xlsx', await breakdownXlsx())
  })

  it('an empty workbook', async () => {
    await expectRefused('空表.xlsx', await emptyXlsx(), /空的|没有任何工作表有内容/)
  })

  it('a table without a recognisable header', async () => {
    await expectRefused(
      '无表头.xlsx',
      await noHeaderXlsx(),
      /工作表「Sheet1」.*找不到「重点工作\/工作任务」/,
    )
  })

  it('a 完成时限 that is not a date, naming the sheet, row and cell', async () => {
    const bad = await breakdownXlsx((rows) => {
      rows[9]![5] = '2024年2月30日'
    })
    await expectRefused(
      '坏日期.xlsx',
      bad,
      /工作表「分解表」第 10 行（F10 单元格）：完成时限「2024年2月30日」.*不是有效的日期/,
    )
  })

  it('a password-protected (encrypted) file', async () => {
    await expectRefused('加密.xlsx', encryptedXlsx(), /密码|加密/)
  })

  it('a file that is not a spreadsheet', async () => {
    await expectRefused('图片.xlsx', NOT_A_SPREADSHEET, /不是 Excel\/WPS 表格/)
  })
})

void shape
