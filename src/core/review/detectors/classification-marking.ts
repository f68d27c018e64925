import type { Detector } from '../types'
import { lineBounds } from '../text-utils'

/**
 * 密级标志 in the GB/T 9704-2012 form 密级★保密期限 (绝密★长期, 机密★5年, 秘密★) with the star's look-alikes
 * and stray spaces. Bare 秘密/国家秘密/工作秘密 in prose never match: the star (or a 密级： field, or a line
 * holding nothing but the level) is what makes it a marking.
 */
const STARRED =
  /(绝密|机密|秘密)[ \t\u3000]*[★☆✩✪✫✬✭✮✯✰⭐*＊※✱✲✳✶✷✸][ \t\u3000]*(?:长期|[0-9０-９一二三四五六七八九十两]{1,3}[ \t\u3000]*(?:年|个月))?/g
/** The older field form 密级：机密 (forms, cover pages). */
const FIELD = /密级[ \t\u3000]*[:：][ \t\u3000]*(绝密|机密|秘密)/g
/** A line that is only a level word (optionally after a 6-digit 份号): only meaningful at the head. */
const BARE_LINE = /^[ \t\u3000]*(?:\d{6}[ \t\u3000]*)?(绝密|机密|秘密)[ \t\u3000]*$/gm

const RULE = '《保守国家秘密法》：国家秘密载体不得公开，须经定密机关正式解密后方可进入公开审查'
const SUGGESTION = '停止公开流程，报保密审核人或定密机关确认解密情况'

/**
 * What may precede a marking on its line in GB/T 9704 layout: the 份号, brackets, restriction labels
 * and the urgency mark. Anything else (a sentence, an opening quote) means the marking is quoted.
 */
const MARKING_PREFIX =
  /^(?:[\s\d份号:：【】[\]［］（）()〔〕]|内部资料|内部使用|注意保存|不得外传|工作秘密|特急|加急|平急|特提)*$/

/** True when the marking stands where a marking stands: at the start of its line (see above). */
function startsLine(text: string, pos: number): boolean {
  const [ls] = lineBounds(text, pos)
  return MARKING_PREFIX.test(text.slice(ls, pos))
}

const OPEN_QUOTES = '“「『"‘《\''
const CLOSE_QUOTES = '”」』"’》\''

/** True when the span is wrapped in quotation marks (a mention, not a marking). */
function quoted(text: string, start: number, end: number): boolean {
  return OPEN_QUOTES.includes(text[start - 1] ?? ' ') || CLOSE_QUOTES.includes(text[end] ?? ' ')
}

export const detectClassificationMarking: Detector = (ctx, out) => {
  const { text, headLength } = ctx
  for (const m of text.matchAll(STARRED)) {
    const start = m.index
    const end = start + m[0].trimEnd().length
    const atHead = start < headLength
    // Position decides, not the words: at the head (unless quoted, as in “对标注‘秘密★1年’的文件”)
    // or at the start of a line, it is a marking; inside a sentence further down it is a quotation.
    if (atHead ? !quoted(text, start, end) : startsLine(text, start)) {
      out.push({
        kind: 'classification-marking',
        severity: 'blocker',
        start,
        end,
        text: text.slice(start, end),
        reason: `${atHead ? '文首' : '独立成行'}的密级标志（GB/T 9704-2012 “密级★保密期限”格式）。${RULE}`,
        suggestion: SUGGESTION,
      })
    } else {
      out.push({
        kind: 'classification-marking',
        severity: 'warn',
        start,
        end,
        text: text.slice(start, end),
        reason:
          '句中出现“密级★保密期限”格式的文字，可能是引用或举例，也可能是被并入正文的密级标志，请核对原件',
      })
    }
  }
  for (const m of text.matchAll(FIELD)) {
    out.push({
      kind: 'classification-marking',
      severity: 'blocker',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      reason: `“密级”栏标明为${m[1]}。${RULE}`,
      suggestion: SUGGESTION,
    })
  }
  const head = text.slice(0, headLength)
  for (const m of head.matchAll(BARE_LINE)) {
    // The head slice may cut a longer line short; only a line that really ends there counts.
    const after = text.charCodeAt(m.index + m[0].length)
    if (!Number.isNaN(after) && after !== 10 && after !== 13) continue
    const level = m[1] ?? ''
    const start = m.index + m[0].indexOf(level)
    out.push({
      kind: 'classification-marking',
      severity: 'blocker',
      start,
      end: start + level.length,
      text: level,
      reason: `文首单独一行的密级“${level}”（未标保密期限的密级标志）。${RULE}`,
      suggestion: SUGGESTION,
    })
  }
}
