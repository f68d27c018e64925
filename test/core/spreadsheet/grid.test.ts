import { describe, expect, it } from 'vitest'
import {
  cellPlace,
  cellRef,
  fillMerged,
  findHeader,
  isNoteRow,
  normaliseHeaderName,
  type SheetGrid,
} from '../../../src/core/spreadsheet'

const grid = (rows: string[][], merges: SheetGrid['merges'] = []): SheetGrid => ({
  name: 'S',
  rows,
  merges,
  hidden: false,
  hiddenRows: [],
  hiddenColumns: [],
  comments: [],
})

const FIELDS = {
  name: ['申请人', '申请人姓名'],
  date: ['申请日期', '收到日期'],
  content: ['申请内容', '所需信息'],
}

describe('findHeader', () => {
  it('matches accepted names after normalising whitespace, full/half width and trailing ：*', () => {
    const g = grid([
      ['申 请 人：', '申请日期*', '（所需信息）', '备注'],
      ['王小明', '2024-02-20', 'x', ''],
    ])
    const h = findHeader(g, { ...FIELDS, content: ['(所需信息)'] })
    expect(h).toMatchObject({ headerRow: 0, dataRow: 1, headerRows: 1, unmatched: [] })
    expect(h?.columns).toEqual({ name: 0, date: 1, content: 2 })
    expect(normaliseHeaderName('　公开内容（要素）：')).toBe('公开内容(要素)')
    expect(normaliseHeaderName('*ＡＢＣ１２ ')).toBe('abc12')
  })

  it('accepts any alias and reports the fields no column names', () => {
    const g = grid([['序号', '申请人姓名', '收到日期']])
    const h = findHeader(g, FIELDS)
    expect(h?.columns).toEqual({ name: 1, date: 2, content: undefined })
    expect(h?.unmatched).toEqual(['content'])
  })

  it('skips a merged title row and a 填报单位/日期 line', () => {
    const g = grid(
      [
        ['2024年依申请公开登记台账'],
        ['填报单位：区政务公开办', '', '填报日期：2024年2月20日'],
        ['申请人', '申请日期', '申请内容'],
        ['王小明', '2024-02-20', '某文件'],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 2 }],
    )
    expect(findHeader(g, FIELDS)).toMatchObject({ headerRow: 2, dataRow: 3 })
  })

  it('takes a second header row under merged headers', () => {
    const g = grid(
      [
        ['申请人', '', '申请日期', '申请内容'],
        ['姓名', '证件号码', '', ''],
        ['王小明', '3703…', '2024-02-20', 'x'],
      ],
      [
        { top: 0, left: 0, bottom: 0, right: 1 },
        { top: 0, left: 2, bottom: 1, right: 2 },
        { top: 0, left: 3, bottom: 1, right: 3 },
      ],
    )
    const h = findHeader(g, { ...FIELDS, name: ['姓名'], idNumber: ['证件号码'] })
    expect(h).toMatchObject({ headerRow: 0, headerRows: 2, dataRow: 2, unmatched: [] })
    expect(h?.columns).toEqual({ name: 0, idNumber: 1, date: 2, content: 3 })
  })

  it('returns null when no row within the scanned rows names enough fields', () => {
    expect(
      findHeader(
        grid([
          ['a', 'b'],
          ['申请人', 'x'],
        ]),
        FIELDS,
      ),
    ).toBeNull()
    const deep = grid([...Array.from({ length: 12 }, () => ['说明']), ['申请人', '申请日期']])
    expect(findHeader(deep, FIELDS)).toBeNull()
    expect(findHeader(deep, FIELDS, { scanRows: 20 })?.headerRow).toBe(12)
  })

  it('lets the caller decide which fields make a header', () => {
    const g = grid([
      ['申请人', '申请日期', '备注'],
      ['申请人', '申请日期', '申请内容'],
    ])
    const all = (m: ReadonlySet<string>) => m.size === 3
    expect(findHeader(g, FIELDS, { accept: all })?.headerRow).toBe(1)
  })
})

describe('fillMerged and cell references', () => {
  it('gives every cell of a merged range the top-left value', () => {
    const g = grid(
      [
        ['行政许可', 'a'],
        ['', 'b'],
        ['', 'c'],
      ],
      [{ top: 0, left: 0, bottom: 2, right: 0 }],
    )
    expect(fillMerged(g)).toEqual([
      ['行政许可', 'a'],
      ['行政许可', 'b'],
      ['行政许可', 'c'],
    ])
    expect(g.rows[1]?.[0]).toBe('')
  })

  it('names cells B3 style and 「第 3 行 B 列」', () => {
    expect(cellRef(0, 0)).toBe('A1')
    expect(cellRef(2, 1)).toBe('B3')
    expect(cellRef(9, 26)).toBe('AA10')
    expect(cellRef(0, 701)).toBe('ZZ1')
    expect(cellPlace(2, 1)).toBe('第 3 行 B 列')
  })
})

describe('isNoteRow', () => {
  it('tells notes under a table from data', () => {
    expect(isNoteRow(['注：1. 公开时限按工作日计算。'])).toBe(true)
    expect(isNoteRow(['', '说明：本表每年更新'])).toBe(true)
    expect(isNoteRow(['填表人：张三'])).toBe(true)
    expect(isNoteRow(['注意事项汇编', '行政许可'])).toBe(false)
    expect(isNoteRow(['注册登记'])).toBe(false)
    expect(isNoteRow(['1', '行政许可'])).toBe(false)
  })
})
