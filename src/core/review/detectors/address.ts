import type { Detector } from '../types'
import { maskValue } from '../mask'

/**
 * 住址 of a person (行政处罚法第四十八条 and local publicity rules: a person's home address is
 * hidden). Recognised by its label — 住址 / 家庭住址 / 家庭地址 / 现住址 / 居住地址 / 户籍地址 — not
 * by the words of the address itself. An office's published 地址 / 办公地址 / 通讯地址, and a
 * company's 住所 (registration information; 「住所（住址）」 on a penalty form for a company), are
 * public contacts: no finding. A labelled address down to the door (号楼/单元/室/户) is high; one
 * that stops at a road or village is a warning (it may be a business's premises).
 */
const ADDRESS =
  /(?<![所（(])(家庭住址|家庭地址|现住址|居住地址|户籍地址|住址)[ \t\u3000]*[:：][ \t\u3000]*([^\n，,。；;、]{4,60})/g
/** Where an address stops: a phone or other field label running on without punctuation. */
const RUN_ON = /联系电话|电话|手机|邮箱|电子邮箱|身份证|公民身份/
const TO_THE_DOOR =
  /\d+\s*(?:号楼|栋|幢|单元|室|户)|[一二三四五六七八九十]+(?:单元|室)|\d+-\d+(?:-\d+)?/

export const detectAddress: Detector = (ctx, out) => {
  const { text } = ctx
  for (const m of text.matchAll(ADDRESS)) {
    let value = m[2] ?? ''
    const cut = value.search(RUN_ON)
    if (cut >= 0) value = value.slice(0, cut)
    value = value.trimEnd()
    if (value.length < 4 || /^[（(]?(?:略|已隐去|不详|无)/.test(value)) continue
    const start = m.index + m[0].length - (m[2] ?? '').length
    const door = TO_THE_DOOR.test(value)
    out.push({
      kind: 'address',
      severity: door ? 'high' : 'warn',
      start,
      end: start + value.length,
      text: value,
      reason: door
        ? `紧随“${m[1]}”的住址，具体到门牌，属于个人信息；公开前应隐去或只保留到村（社区）`
        : `紧随“${m[1]}”的地址，可能是个人住址；如为个人住址，公开前应只保留到村（社区）`,
      suggestion: `脱敏为：${maskValue('address', value) ?? ''}`,
    })
  }
}
