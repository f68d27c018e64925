import { describe, expect, it } from 'vitest'
import { checkDocNumber } from '../../../src/shared/doc-number'

describe('发文字号 (机关代字〔年份〕序号号, GB/T 9704)', () => {
  it.each([
    '淄高新管办字〔2023〕12号',
    '国办发〔2019〕54号',
    '国办函〔2020〕109号',
    '鲁政字〔2024〕1号',
    '无文号',
    '',
  ])('accepts %s', (text) => {
    expect(checkDocNumber(text)).toEqual({ ok: true })
  })

  it.each([
    ['淄高新管办字[2023]12号', '淄高新管办字〔2023〕12号', '六角括号'],
    ['淄高新管办字(2023)12号', '淄高新管办字〔2023〕12号', '六角括号'],
    ['淄高新管办字（2023）12号', '淄高新管办字〔2023〕12号', '六角括号'],
    ['淄高新管办字【2023】12号', '淄高新管办字〔2023〕12号', '六角括号'],
    ['淄高新管办字〔2023〕第12号', '淄高新管办字〔2023〕12号', '第'],
    ['淄高新管办字〔2023〕012号', '淄高新管办字〔2023〕12号', '前导 0'],
    ['淄高新管办字〔2023〕12', '淄高新管办字〔2023〕12号', '号'],
  ])('rejects %s and suggests %s', (text, suggestion, why) => {
    const check = checkDocNumber(text)
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.suggestion).toBe(suggestion)
    expect(check.message).toContain(why)
    expect(check.message).toContain(`是否应为「${suggestion}」`)
    expect(check.message).toContain('淄高新管办字〔2023〕12号')
  })

  it.each([
    '〔2023〕12号',
    '淄高新管办字〔23〕12号',
    '淄高新管办字〔2023〕0号',
    '12号',
    '淄高新管办字〔1800〕3号',
  ])('rejects %s with the expected form in the message', (text) => {
    const check = checkDocNumber(text)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.message).toContain('机关代字〔年份〕序号号')
  })
})
