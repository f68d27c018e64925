import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { fieldsOf, loginAs, newItem, REVIEWER, withStaff } from '../items/helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await withStaff(t)
})
afterEach(async () => t.cleanup())

/** A 基层政务公开标准目录-style sheet: title row, merged two-row header, tick sub-columns. */
async function templateSheet(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('目录')
  ws.addRow(['淄博高新区社会救助领域基层政务公开标准目录'])
  ws.mergeCells('A1:N1')
  ws.addRow([
    '序号',
    '公开事项',
    '',
    '公开内容（要素）',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '公开对象',
    '',
    '公开方式',
    '',
    '公开层级',
    '',
  ])
  ws.addRow([
    '',
    '一级事项',
    '二级事项',
    '',
    '',
    '',
    '',
    '',
    '全社会',
    '特定群体',
    '主动',
    '依申请',
    '县级',
    '乡级',
  ])
  for (const [a, b] of [
    ['A2', 'A3'],
    ['D2', 'D3'],
    ['E2', 'E3'],
    ['F2', 'F3'],
    ['G2', 'G3'],
    ['H2', 'H3'],
  ])
    ws.mergeCells(`${a}:${b}`)
  for (const range of ['B2:C2', 'I2:J2', 'K2:L2', 'M2:N2']) ws.mergeCells(range)
  for (const r of rows) ws.addRow(r)
  const path = join(t.dataDir, `目录-${Math.random().toString(36).slice(2)}.xlsx`)
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()))
  return path
}

const ROWS: (string | number)[][] = [
  [
    1,
    '最低生活保障',
    '审批结果',
    '姓名（某某）、保障人数、金额',
    '《社会救助暂行办法》',
    '信息形成（变更）之日起20个工作日内',
    '区民政局',
    '政府网站、公示栏',
    '√',
    '',
    '√',
    '',
    '√',
    '√',
  ],
  [
    2,
    '行政处罚',
    '处罚决定',
    '处罚对象、事由、依据、结果',
    '《行政处罚法》',
    '作出决定之日起7个工作日内',
    '区市场监管局',
    '政府网站',
    '√',
    '',
    '√',
    '',
    '√',
    '',
  ],
  [
    3,
    '政策文件',
    '规范性文件',
    '文件全文',
    '《政府信息公开条例》',
    '实时公开',
    '各部门',
    '政府网站',
    '√',
    '',
    '√',
    '',
    '√',
    '',
  ],
]

async function importFile(path: string) {
  t.platform.openAnswers.push(path)
  return t.send('catalogue:import-xlsx', {})
}

describe('主动公开事项目录', () => {
  it('imports the standard template (title row, merged headers, tick columns) and parses each 时限', async () => {
    const r = await importFile(await templateSheet(ROWS))
    if (!r.ok || !r.data) throw new Error(r.ok ? 'cancelled' : r.error.message)
    expect(r.data).toMatchObject({ added: 3, updated: 0, unparsedTimeLimitRows: [6] })
    const list = await t.call('catalogue:list', {})
    expect(list.map((e) => [e.level1, e.level2])).toEqual([
      ['最低生活保障', '审批结果'],
      ['行政处罚', '处罚决定'],
      ['政策文件', '规范性文件'],
    ])
    expect(list[0]).toMatchObject({
      audience: '全社会',
      method: '主动',
      level: '县级、乡级',
      rule: { unit: 'workday', count: 20 },
    })
    expect(list[1]?.rule).toEqual({ unit: 'workday', count: 7 })
    expect(list[2]?.rule).toBeNull()
    expect(list[2]?.ruleText).toContain('不计算到期日')
  })

  it('round-trips through export and import, updating entries by 一级+二级事项', async () => {
    await importFile(await templateSheet(ROWS))
    const out = join(t.dataDir, '导出.xlsx')
    t.platform.saveAnswers.push(out)
    const exported = await t.call('catalogue:export-xlsx', {})
    expect(exported).toEqual({ file: out, count: 3 })
    const before = await t.call('catalogue:list', {})
    const again = await importFile(out)
    if (!again.ok || !again.data) throw new Error('import failed')
    expect(again.data).toMatchObject({ added: 0, updated: 3 })
    const after = await t.call('catalogue:list', {})
    const strip = (l: typeof before) => l.map(({ updatedAt: _u, ...rest }) => rest)
    expect(strip(after)).toEqual(strip(before))
  })

  it('rejects a sheet with a bad row, naming the row, and imports nothing', async () => {
    const bad = await templateSheet([
      ...ROWS.slice(0, 2),
      ['4', '', '缺一级事项', '内容', '', '7个工作日内'],
    ])
    const r = await importFile(bad)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('第 6 行缺少「一级事项」')
    expect(await t.call('catalogue:list', {})).toEqual([])
  })

  it('rejects a file that is not a spreadsheet with a Chinese message', async () => {
    const path = join(t.dataDir, '假的.xlsx')
    writeFileSync(path, 'not a workbook')
    const r = await importFile(path)
    expect(r.ok ? null : r.error.message).toContain('无法读取表格')
  })

  it('gives items under an entry a due date from its 时限, and none when it cannot be read', async () => {
    await importFile(await templateSheet(ROWS))
    const [dibao, chufa, zhengce] = await t.call('catalogue:list', {})
    // 7 个工作日 from 2026-11-20 (Fri): 11-23 … 12-01.
    const penalty = await newItem(t, {
      kind: 'penalty',
      catalogueEntryId: chufa?.id,
      signedDate: '2026-11-20',
      docNumber: '',
    })
    expect(penalty.dueDate).toBe('2026-12-01')
    expect(penalty.catalogueEntryName).toBe('行政处罚 / 处罚决定')
    const policy = await newItem(t, { catalogueEntryId: zhengce?.id })
    expect(policy.dueDate).toBeNull()
    expect(policy.warnings.some((w) => w.includes('时限无法识别'))).toBe(true)
    // Changing the entry's 时限 recomputes the items under it.
    const { rule: _r, ruleText: _t, itemCount: _c, updatedAt: _u, ...editable } = zhengce!
    await t.call('catalogue:save', { ...editable, timeLimit: '10日内' })
    expect((await t.call('items:get', { id: policy.id })).dueDate).toBe('2026-11-30')
    const moved = await t.call('items:save', { ...fieldsOf(penalty), catalogueEntryId: dibao?.id })
    expect(moved.dueDate).toBe('2026-12-18')
    const search = await t.call('items:search', { catalogueEntryId: dibao?.id })
    expect(search.rows.map((r) => r.id)).toEqual([penalty.id])
  })

  it('refuses to delete an entry with items under it, and lets reviewers only read', async () => {
    const entry = await t.call('catalogue:save', {
      level1: '财政预决算',
      level2: '部门预算',
      timeLimit: '20个工作日内',
    })
    await newItem(t, { catalogueEntryId: entry.id })
    const del = await t.send('catalogue:delete', { id: entry.id })
    expect(del.ok ? null : del.error.code).toBe('CONFLICT')
    await loginAs(t, REVIEWER)
    expect((await t.call('catalogue:list', {}))[0]?.itemCount).toBe(1)
    const denied = await t.send('catalogue:save', { level1: '审核人不能加', timeLimit: '' })
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN')
  })
})

describe('taxonomy', () => {
  it('seeds the national 主题分类 and the 体裁分类, and lets the department extend them', async () => {
    const tax = await t.call('taxonomy:list', {})
    expect(tax.topics).toHaveLength(22)
    const zonghe = tax.topics.find((x) => x.name === '综合政务')
    expect(zonghe?.children.map((c) => c.name)).toContain('政务公开')
    expect(tax.genres.map((g) => g.name).slice(0, 15)).toEqual([
      '决议',
      '决定',
      '命令',
      '公报',
      '公告',
      '通告',
      '意见',
      '通知',
      '通报',
      '报告',
      '请示',
      '批复',
      '议案',
      '函',
      '纪要',
    ])
    const added = await t.call('taxonomy:add-topic', { parentId: zonghe?.id, label: '政府开放日' })
    expect(added.builtin).toBe(false)
    const third = await t.send('taxonomy:add-topic', { parentId: added.id, label: '三级' })
    expect(third.ok ? null : third.error.message).toContain('只有两级')
    const item = await newItem(t, { topicId: added.id })
    expect(item.topicName).toBe('综合政务 / 政府开放日')
    const byParent = await t.call('items:search', { topicId: zonghe?.id })
    expect(byParent.rows.map((r) => r.id)).toEqual([item.id])
  })
})
