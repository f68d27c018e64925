import { describe, expect, it } from 'vitest'
import {
  emptyReportTables,
  formatForYear,
  normalizeLabel,
  placeGrid,
  REPORT_SECTION_HEADINGS,
  table3OutcomeRows,
  tableGrid,
  type ReportFormatId,
  type ReportTableKey,
} from '../../../../src/shared/report/format'

const FORMATS: ReportFormatId[] = ['2021', '2019']
const TABLES: ReportTableKey[] = ['table2', 'table3', 'table4']

describe('report format (国办公开办函〔2021〕30号 / 〔2019〕60号, 条例第五十条)', () => {
  it('has the six official section headings', () => {
    expect(Object.values(REPORT_SECTION_HEADINGS)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
  })

  it('uses the 2019 trial format up to 2020', () => {
    expect(formatForYear(2019)).toBe('2019')
    expect(formatForYear(2020)).toBe('2019')
    expect(formatForYear(2021)).toBe('2021')
    expect(formatForYear(2024)).toBe('2021')
  })

  for (const format of FORMATS)
    for (const table of TABLES)
      it(`${format} ${table}: every grid row covers the full width exactly once, each value cell once`, () => {
        const grid = tableGrid(format, table)
        const covered = grid.rows.map(() => new Array<number>(grid.columns).fill(0))
        for (const p of placeGrid(grid))
          for (let r = 0; r < p.cell.rowSpan; r++)
            for (let c = 0; c < p.cell.colSpan; c++) {
              const line = covered[p.row + r] as number[]
              line[p.col + c] = (line[p.col + c] ?? 0) + 1
            }
        for (const line of covered) expect(line).toEqual(new Array(grid.columns).fill(1))
        const tables = emptyReportTables(format)
        const expected = Object.entries(tables[table]).flatMap(([r, cols]) =>
          Object.keys(cols).map((c) => `${r}|${c}`),
        )
        const values = placeGrid(grid)
          .map((p) => p.cell)
          .flatMap((c) => (c.kind === 'value' ? [`${c.row}|${c.column}`] : []))
        expect(values.sort()).toEqual(expected.sort())
      })

  it('table 三 nests 申请人情况 › 法人或其他组织 over the five organisation columns', () => {
    const placed = placeGrid(tableGrid('2021', 'table3'))
    const at = (r: number, c: number) =>
      placed.find((p) => p.row === r && p.col === c)?.cell as {
        text?: string
        rowSpan: number
        colSpan: number
      }
    expect(at(0, 0)).toMatchObject({
      text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      rowSpan: 3,
      colSpan: 3,
    })
    expect(at(0, 3)).toMatchObject({ text: '申请人情况', colSpan: 7 })
    expect(at(1, 3)).toMatchObject({ text: '自然人', rowSpan: 2 })
    expect(at(1, 4)).toMatchObject({ text: '法人或其他组织', colSpan: 5 })
    expect(at(1, 9)).toMatchObject({ text: '总计', rowSpan: 2 })
    expect(at(2, 4)).toMatchObject({ text: '商业企业' })
    expect(at(3, 0)).toMatchObject({ text: '一、本年新收政府信息公开申请数量', colSpan: 3 })
    expect(at(5, 0)).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 })
    expect(at(7, 1)).toMatchObject({ text: '（三）不予公开', rowSpan: 8 })
    expect(at(9, 2)).toMatchObject({ text: '3.危及“三安全一稳定”' })
  })

  it('2019 has one （六） row, 2021 three', () => {
    expect(table3OutcomeRows('2021').filter((k) => k.startsWith('6'))).toEqual([
      '6.1',
      '6.2',
      '6.3',
    ])
    expect(table3OutcomeRows('2019').filter((k) => k.startsWith('6'))).toEqual(['6'])
  })

  it('normalises full/half width and whitespace in labels', () => {
    expect(normalizeLabel(' (一) 予以公开 ')).toBe(normalizeLabel('（一）予以公开'))
    expect(normalizeLabel('3．危及"三安全一稳定"')).toBe(normalizeLabel('3.危及“三安全一稳定”'))
  })
})
