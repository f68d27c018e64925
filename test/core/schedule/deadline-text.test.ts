import { describe, expect, it } from 'vitest'
import { readDeadline, DeadlineTextError } from '../../../src/core/schedule/deadline-text'
import { namesDepartment } from '../../../src/core/schedule/unit-match'

describe('readDeadline (完成时限 as districts write it)', () => {
  it.each([
    ['2024-06-30', '2024-06-30'],
    ['2024年6月30日', '2024-06-30'],
    ['2024/6/30', '2024-06-30'],
    ['2024年12月底前', '2024-12-31'],
    ['6月底前', '2024-06-30'],
    ['2月底', '2024-02-29'],
    ['10月份', '2024-10-31'],
    ['10月15日前', '2024-10-15'],
    ['6月中旬', '2024-06-20'],
    ['第三季度', '2024-09-30'],
    ['2025年一季度', '2025-03-31'],
    ['上半年', '2024-06-30'],
    ['年底前', '2024-12-31'],
    ['2024年底', '2024-12-31'],
    ['6月底前完成编制，12月底前全面落实', '2024-12-31'],
  ])('reads 「%s」 as %s', (text, date) => {
    expect(readDeadline(text, 2024)).toEqual({ text, date })
  })

  it.each(['持续推进', '按上级部署', '长期坚持', '每季度', '每月25日前', ''])(
    'keeps 「%s」 as text without a date',
    (text) => {
      expect(readDeadline(text, 2024).date).toBeNull()
    },
  )

  it.each(['2024年2月30日', '2024-13-01', '13月底前', '2024/02/31'])(
    'refuses 「%s」: it looks like a date that does not exist',
    (text) => {
      expect(() => readDeadline(text, 2024)).toThrow(DeadlineTextError)
    },
  )
})

describe('namesDepartment (责任单位 names this department)', () => {
  const dept = '淄博高新区财政金融局'
  it.each([
    ['财政金融局', true],
    ['区财政金融局', true],
    ['区发改局、区财政金融局', true],
    ['区财政金融局（牵头），区人社局', true],
    ['各部门单位', true],
    ['区人社局', false],
    ['区发改局、区人社局', false],
    ['', false],
  ])('「%s」 → %s', (unit, own) => {
    expect(namesDepartment(unit, dept)).toBe(own)
  })
})
