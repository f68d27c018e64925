import type { Detector } from '../types'
import { before, isHan } from '../text-utils'
import { surnameOf } from '../surnames'
import { maskValue } from '../mask'

/**
 * Personal names recognised by the context word before them (当事人：张三, 申请人 李四, 姓名：王五) or
 * by an ID number right after them (张三（身份证号…）). Only the 2–4 character name is the span.
 */
const CONTEXT_WORDS = [
  '被申请人',
  '申请人',
  '当事人',
  '第三人',
  '被处罚人',
  '违法行为人',
  '被投诉人',
  '投诉人',
  '举报人',
  '信访人',
  '委托代理人',
  '监护人',
  '受害人',
  '患者',
  '户主',
  '姓名',
]
const AFTER_CONTEXT = new RegExp(
  `(${CONTEXT_WORDS.join('|')})[ \\t\\u3000]*(?:[:：][ \\t\\u3000]*)?([\\u4e00-\\u9fff]{2,12})`,
  'g',
)
const BEFORE_ID = /(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4})[，,（(]?(?:公民)?身份(?:证|号码)/g

/** Characters that end a name when the text runs on without punctuation (张三因…, 李四于…). */
const STOPS = new Set(
  '因于在的等与和及系现已向对是为未将了称自男女所被诉提不均同曾经并从以申请要通',
)
/** Characters that do not occur in given names but do in the words that follow context words. */
const NOT_IN_NAME = new Set('某×*本机关局委厅院所公司部门处科室单位人者请求出要依法称认就')

/** Cuts a Han run after a context word down to the name it begins with, or null. */
function nameAt(run: string): string | null {
  let len = Math.min(run.length, 5)
  for (let i = 2; i < len; i++) {
    if (STOPS.has(run[i] ?? '')) {
      len = i
      break
    }
  }
  // A run that goes on past 4 characters without a stop is a phrase or an organisation.
  if (len > 4) return null
  const name = run.slice(0, len)
  const surname = surnameOf(name)
  if (surname === null || name.length - surname.length < 1) return null
  for (const ch of name.slice(surname.length)) if (NOT_IN_NAME.has(ch)) return null
  return name
}

/**
 * 「法定代表人（负责人）姓名：」 right before the context word: a company's legal representative is
 * registration information the law publishes (《企业信息公示暂行条例》, 《市场监督管理行政处罚信息
 * 公示规定》第七条), so the name is info, not a leak (issue 10: no false high on published text).
 */
const LEGAL_REPRESENTATIVE = /(?:法定代表人|负责人)[（(]?[^）)\n]{0,12}[）)]?$/

export const detectPersonName: Detector = (ctx, out) => {
  const { text } = ctx
  for (const m of text.matchAll(AFTER_CONTEXT)) {
    const word = m[1] ?? ''
    const run = m[2] ?? ''
    const name = nameAt(run)
    if (name === null) continue
    const start = m.index + m[0].length - run.length
    if (word === '姓名' && LEGAL_REPRESENTATIVE.test(before(text, m.index, 20))) {
      out.push({
        kind: 'person-name',
        severity: 'info',
        start,
        end: start + name.length,
        text: text.slice(start, start + name.length),
        reason:
          '企业法定代表人（负责人）姓名属于依法公示的登记信息（《企业信息公示暂行条例》、《市场监督管理行政处罚信息公示规定》第七条），可以公开',
      })
      continue
    }
    push(out, text, start, name, `紧随“${word}”的姓名`)
    // 申请人张三、李四 — the same context word covers a short list.
    let pos = start + name.length
    while (text[pos] === '、' && isHan(text.charCodeAt(pos + 1))) {
      let e = pos + 1
      while (e < text.length && isHan(text.charCodeAt(e)) && e - pos <= 12) e++
      const next = nameAt(text.slice(pos + 1, e))
      if (next === null) break
      push(out, text, pos + 1, next, `“${word}”后所列的姓名`)
      pos = pos + 1 + next.length
    }
  }
  for (const m of text.matchAll(BEFORE_ID)) {
    const run = m[1] ?? ''
    const name = nameAt(run)
    if (name === null || name.length !== run.length) continue
    push(out, text, m.index, name, '紧接身份证号码的姓名')
  }
}

function push(
  out: Parameters<Detector>[1],
  text: string,
  start: number,
  name: string,
  why: string,
) {
  out.push({
    kind: 'person-name',
    severity: 'high',
    start,
    end: start + name.length,
    text: text.slice(start, start + name.length),
    reason: `${why}，属于个人信息。公开前应隐去（《行政处罚法》第四十八条等：被处罚的当事人以外的人员姓名不予公开）`,
    suggestion: `脱敏为：${maskValue('person-name', name) ?? ''}`,
  })
}
