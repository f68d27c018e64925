import { describe, expect, it } from 'vitest'
import { maskAll, maskFinding, maskValue, scanText } from '../../../src/core/review'

// Masking practice: confidentiality-review.md "Personal data … and how it is masked".
describe('masking', () => {
  it.each([
    ['id-card', '370303198503122153', '370303********2153'],
    ['id-card', '370303680715001', '370303*****5001'],
    ['mobile', '13853312876', '138****2876'],
    ['mobile', '+86 138 5331 2876', '+86 138 **** 2876'],
    ['bank-card', '6222021603012345674', '622202*********5674'],
    ['person-name', '张三', '张某'],
    ['person-name', '欧阳娜娜', '欧阳某'],
    ['license-plate', '鲁C·12345', '鲁C·*****'],
    ['email', 'maxiaodong88@163.com', 'm***@163.com'],
  ] as const)('%s %j → %j', (kind, value, masked) => {
    expect(maskValue(kind, value)).toBe(masked)
  })

  it('markings and codes have no masked form', () => {
    expect(maskValue('classification-marking', '秘密★1年')).toBeNull()
    expect(maskValue('uscc', '91370303MA3C4F7K21')).toBeNull()
  })

  it('maskFinding replaces one finding and nothing else', () => {
    const text = '当事人：张三，身份证号370303198503122153。'
    const id = scanText(text).find((f) => f.kind === 'id-card')
    expect(id).toBeDefined()
    expect(maskFinding(text, id!)).toBe('当事人：张三，身份证号370303********2153。')
  })

  it('maskFinding refuses a finding that does not match the text', () => {
    const text = '当事人：张三'
    const [f] = scanText(text)
    expect(() => maskFinding('当事人：李四', f!)).toThrow(/重新扫描/)
  })

  it('maskAll masks every finding and later repeats of the same value the same way', () => {
    const text = '当事人：张三，电话13853312876。经查，张三于当日再次来电（13853312876）。'
    const out = maskAll(text, scanText(text))
    expect(out).toBe('当事人：张某，电话138****2876。经查，张某于当日再次来电（138****2876）。')
  })

  it('maskAll can be limited to one kind', () => {
    const text = '当事人：张三，电话13853312876。'
    expect(maskAll(text, scanText(text), 'mobile')).toBe('当事人：张三，电话138****2876。')
  })

  it('maskAll does not touch a repeat that sits inside a longer number', () => {
    const text = '电话13853312876，流水号9913853312876。'
    expect(maskAll(text, scanText(text))).toBe('电话138****2876，流水号9913853312876。')
  })

  it('masking is pure: the input string is unchanged and the result is stable', () => {
    const text = '申请人：李四，手机13905331234'
    const findings = scanText(text)
    const a = maskAll(text, findings)
    expect(maskAll(text, findings)).toBe(a)
    expect(text).toBe('申请人：李四，手机13905331234')
    expect(scanText(a).filter((f) => f.severity === 'high')).toEqual([])
  })
})
