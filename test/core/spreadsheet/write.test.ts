import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { findHeader, readSpreadsheet, writeSpreadsheet } from '../../../src/core/spreadsheet'

describe('writeSpreadsheet', () => {
  it('writes a styled, print-ready sheet that reads back as written', async () => {
    const bytes = await writeSpreadsheet({
      sheets: [
        {
          name: '登记台账',
          title: '2024年依申请公开登记台账',
          subtitle: '填报单位：区政务公开办',
          columns: [{ header: '序号', width: 6 }, { header: '申请人' }, { header: '申请内容' }],
          rows: [
            [1, '王小明', '关于某小区规划许可的信息公开申请，内容较长需要换行显示'],
            [2, '李红', null],
          ],
          notes: ['注：按收到申请的日期排列。'],
        },
      ],
    })
    const sheet = readSpreadsheet({ bytes, fileName: '台账.xlsx' }).sheets[0]!
    expect(sheet.name).toBe('登记台账')
    expect(sheet.rows[0]?.[0]).toBe('2024年依申请公开登记台账')
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 2 })
    const header = findHeader(sheet, { name: ['申请人'], content: ['申请内容'] })
    expect(header).toMatchObject({ headerRow: 2, dataRow: 3 })
    expect(sheet.rows[3]).toEqual([
      '1',
      '王小明',
      '关于某小区规划许可的信息公开申请，内容较长需要换行显示',
    ])
    expect(sheet.rows[4]).toEqual(['2', '李红'])
    expect(sheet.rows[5]?.[0]).toBe('注：按收到申请的日期排列。')

    const zip = await JSZip.loadAsync(bytes)
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? ''
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? ''
    // A4 landscape, one page wide, header frozen and repeated on every printed page.
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/)
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/)
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"/)
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/)
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>')
    expect(xml).toMatch(/<pane[^>]*ySplit="3"[^>]*state="frozen"/)
    expect(workbook).toMatch(/_xlnm\.Print_Titles[^<]*<?[^<]*\$1:\$3/)
    // Fitted widths: the long text column is wider than the name column.
    const widths = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]))
    expect(widths[0]).toBe(6)
    expect(widths[2]).toBeGreaterThan(widths[1]!)
  })
})
