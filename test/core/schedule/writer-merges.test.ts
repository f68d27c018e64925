import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { findHeader, readSpreadsheet, writeSpreadsheet } from '../../../src/core/spreadsheet'

describe('writeSpreadsheet: merged headers and category cells (added for the 配档表)', () => {
  it('spans section rows across the table and centres a column on request', async () => {
    const bytes = await writeSpreadsheet({
      sheets: [
        {
          name: 's',
          columns: [{ header: '序号', align: 'center' }, { header: '任务' }, { header: '单位' }],
          spanRows: [0],
          rows: [
            ['一、政策解读', '', ''],
            ['1.', '做好解读', '区示范局'],
          ],
        },
      ],
    })
    const sheet = readSpreadsheet({ bytes, fileName: 'x.xlsx' }).sheets[0]!
    expect(sheet.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 2 })
    const zip = await JSZip.loadAsync(bytes)
    const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? ''
    expect(styles).toContain('horizontal="center"')
  })

  it('writes a two-row header with groups, merges equal category cells down and sets the fonts', async () => {
    const bytes = await writeSpreadsheet({
      sheets: [
        {
          name: '配档表',
          title: '2024年工作配档表',
          columns: [
            { header: '序号' },
            { header: '重点任务' },
            { header: '具体任务' },
            { header: '具体措施' },
          ],
          headerGroups: [null, '区分解表', '区分解表', '本单位落实'],
          mergeDown: [1],
          fonts: { body: '仿宋', header: '黑体', title: '黑体' },
          rows: [
            [1, '政策解读', '做好解读', 'a'],
            [2, '政策解读', '做好回应', 'b'],
            [3, '目录编制', '编制目录', 'c'],
          ],
        },
      ],
    })
    const sheet = readSpreadsheet({ bytes, fileName: 'x.xlsx' }).sheets[0]!
    // 序号 spans both header rows; 区分解表 spans two columns; 政策解读 spans two task rows.
    expect(sheet.merges).toContainEqual({ top: 1, left: 0, bottom: 2, right: 0 })
    expect(sheet.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 2 })
    expect(sheet.merges).toContainEqual({ top: 3, left: 1, bottom: 4, right: 1 })
    expect(sheet.merges).not.toContainEqual(expect.objectContaining({ top: 5, left: 1 }))
    const header = findHeader(sheet, {
      number: ['序号'],
      category: ['重点任务'],
      requirement: ['具体任务'],
    })
    // The group row names no field, so the lower row is the header; 序号 is merged down into it.
    expect(header).toMatchObject({
      dataRow: 3,
      columns: { number: 0, category: 1, requirement: 2 },
    })
    const zip = await JSZip.loadAsync(bytes)
    const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? ''
    expect(styles).toContain('仿宋')
    expect(styles).toContain('黑体')
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? ''
    expect(workbook).toMatch(/_xlnm\.Print_Titles[^<]*\$1:\$3/)
  })
})
