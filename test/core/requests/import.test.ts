import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeSpreadsheet } from '../../../src/core/spreadsheet'
import { dumpDatabase } from '../../helpers/db-dump'
import { createTestCore, type TestCore } from '../../helpers/test-core'

/** Import of the existing register: recognised columns, mapping, all-or-nothing. */
let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
})
afterEach(async () => {
  await t.cleanup()
})

const HEADER = ['编号', '收到日期', '申请人类型', '申请方式', '申请内容', '答复日期', '办理结果']

async function ledgerXlsx(rows: (string | number | null)[][], header = HEADER): Promise<string> {
  const bytes = await writeSpreadsheet({
    sheets: [
      {
        name: '申请登记',
        title: '2025年政府信息公开申请登记台账',
        columns: header.map((h) => ({ header: h })),
        rows,
      },
    ],
  })
  const path = join(t.dataDir, `ledger-${Date.now()}.xlsx`)
  writeFileSync(path, bytes)
  return path
}

async function preview(path: string) {
  t.platform.openAnswers.push(path)
  const p = await t.call('requests:import-preview', {})
  if (!p) throw new Error('cancelled')
  return p
}

describe('import-requests', () => {
  it('recognises the standard columns under a title row and imports open and answered requests', async () => {
    const path = await ledgerXlsx([
      ['GK2025-001', '2025-03-03', '自然人', '邮寄', '某文件', '2025-03-20', '部分公开'],
      [
        'GK2025-002',
        '2025/3/4',
        '商业企业',
        '网络',
        '某批复',
        '2025年3月25日',
        '（三）1 属于国家秘密',
      ],
      ['GK2025-003', '2025-03-05', '法律服务机构', '当面', '某通知', '2025-03-28', '重复申请'],
      ['GK2025-004', '2025-11-20', '其他', '传真', '某规划', '', ''],
      ['', '2025-11-21', '科研机构', '', '某数据', '2025-12-01', '其他'],
    ])
    const p = await preview(path)
    expect(p.error).toBeNull()
    expect(p.rowCount).toBe(5)
    expect(p.missing).toEqual([])
    const result = await t.call('requests:import-commit', {
      importId: p.importId,
      mapping: p.mapping,
    })
    expect(result).toEqual({ imported: 5, open: 1, answered: 4 })
    const all = (await t.call('requests:list', { tab: 'all', limit: 50 })).rows
    const byNo = new Map(all.map((r) => [r.no, r]))
    expect(byNo.get('GK2025-001')?.outcome).toBe('2')
    expect(byNo.get('GK2025-002')?.outcome).toBe('3.1')
    expect(byNo.get('GK2025-003')?.outcome).toBe('5.2')
    expect(byNo.get('GK2025-004')?.status).toBe('open')
    expect(byNo.get('GK2025-004')?.dueDate).toBe('2025-12-18')
    // The row without a number got one from the pattern, after the imported ones.
    expect(all.find((r) => r.receivedDate === '2025-11-21')?.outcome).toBe('6.3')
    expect(all.find((r) => r.receivedDate === '2025-11-21')?.no).toMatch(/^GK2025-00[5-9]$/)
  })

  it('one bad row rejects the whole file, naming the row and cell; nothing is imported', async () => {
    const path = await ledgerXlsx([
      ['GK2025-001', '2025-03-03', '自然人', '邮寄', '某文件', '2025-03-20', '部分公开'],
      ['GK2025-002', '2025-02-30', '自然人', '邮寄', '某文件', '', ''],
    ])
    const before = dumpDatabase(t.dbPath)
    const p = await preview(path)
    // Title row 1, header row 2, data rows 3 and 4: the bad date is 第 4 行 B 列.
    expect(p.error).toContain('第 4 行 B 列「收到日期」')
    const r = await t.send('requests:import-commit', { importId: p.importId, mapping: p.mapping })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('第 4 行 B 列')
    expect(dumpDatabase(t.dbPath)).toBe(before)
  })

  it('refuses an unknown outcome or applicant type with its cell', async () => {
    const p1 = await preview(
      await ledgerXlsx([['GK1', '2025-03-03', '自然人', '邮寄', 'x', '2025-03-20', '已办结']]),
    )
    expect(p1.error).toMatch(/第 3 行 G 列「办理结果」“已办结”不是年度报告表三中的办理结果/)
    const p2 = await preview(
      await ledgerXlsx([['GK1', '2025-03-03', '个体户', '邮寄', 'x', '', '']]),
    )
    expect(p2.error).toMatch(/第 3 行 C 列「申请人类型」“个体户”/)
  })

  it('maps other column names by hand (csv, GBK-free UTF-8 with BOM)', async () => {
    const csv =
      '\uFEFF登记号,来件日期,申请人类别,渠道,所需信息,办结日期,结果\n' +
      'A-1,2025-03-03,自然人,邮寄,某文件,2025-03-20,予以公开\n'
    const path = join(t.dataDir, 'ledger.csv')
    writeFileSync(path, csv)
    const p = await preview(path)
    expect(p.missing).toContain('receivedDate')
    expect(p.error).toContain('没有找到')
    const mapping = {
      no: 0,
      receivedDate: 1,
      applicantType: 2,
      channel: 3,
      content: 4,
      answeredDate: 5,
      outcome: 6,
    }
    const again = await t.call('requests:import-preview', { importId: p.importId, mapping })
    expect(again?.error).toBeNull()
    expect(again?.sample[0]?.outcome).toBe('予以公开')
    const result = await t.call('requests:import-commit', { importId: p.importId, mapping })
    expect(result.imported).toBe(1)
  })

  it('reads .xls (BIFF8) too, and refuses a number already in the register', async () => {
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        HEADER,
        ['GK2025-009', '2025-03-03', '自然人', '网络', 'x', '', ''],
      ]),
      'Sheet1',
    )
    const path = join(t.dataDir, 'ledger.xls')
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer)
    const p = await preview(path)
    expect(p.error).toBeNull()
    await t.call('requests:import-commit', { importId: p.importId, mapping: p.mapping })
    const p2 = await preview(path)
    const r = await t.send('requests:import-commit', { importId: p2.importId, mapping: p2.mapping })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('“GK2025-009”已在登记簿中')
  })
})
