import type { Detector } from '../types'
import { maskValue } from '../mask'

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
/** Letters used on plates (no I or O, which read as 1 and 0). */
const L = '[A-HJ-NP-Z]'
/**
 * GA 36-2018: province + issuing-office letter + optional separator + serial. The serial is 5
 * letters/digits, or 6 for new-energy plates (D/F first for small cars, last for large ones), or 4 plus
 * 挂/学/警/港/澳.
 */
const PLATE = new RegExp(
  `[${PROVINCES}]${L}[·•・.\\- ]?(?:[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[挂学警港澳]|[A-HJ-NP-Z0-9]{5})(?![A-Za-z0-9])`,
  'g',
)

/** 车牌号 (鲁C·12345, 鲁C12345, 鲁CD12345) → high: a plate identifies a person's vehicle. */
export const detectLicensePlate: Detector = (ctx, out) => {
  const { folded, text } = ctx
  for (const m of folded.matchAll(PLATE)) {
    // Real serials carry at least 3 digits; this drops words like 云ABCDE in Latin-mixed prose.
    let digits = 0
    for (let i = 2; i < m[0].length; i++) {
      const c = m[0].charCodeAt(i)
      if (c >= 48 && c <= 57) digits++
    }
    if (digits < 3) continue
    const start = m.index
    const end = start + m[0].length
    const value = text.slice(start, end)
    out.push({
      kind: 'license-plate',
      severity: 'high',
      start,
      end,
      text: value,
      reason: '机动车号牌号码，可关联到车主个人，公开前应去标识化',
      suggestion: `脱敏为：${maskValue('license-plate', value) ?? ''}`,
    })
  }
}
