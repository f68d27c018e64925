import type { Detector } from '../types'
import { lineBounds } from '../text-utils'

/** Restriction labels of checklist item 2 (工作秘密 / 内部资料 / 注意保存 / 内部使用 / 不得外传 …). */
const LABEL_WORDS = [
  '内部资料',
  '内部使用',
  '内部材料',
  '内部文件',
  '内部参阅',
  '注意保存',
  '不得外传',
  '请勿外传',
  '严禁外传',
  '工作秘密',
]
const LABEL = new RegExp(LABEL_WORDS.join('|'), 'g')
/** What may stand beside a label in a label line or bracket: other labels, markings, separators. */
const LABEL_FILLER = new RegExp(
  `${LABEL_WORDS.join('|')}|绝密|机密|秘密|长期|年|份号|[\\d\\s、，,。.·:：/|★☆*＊【】\\[\\]［］（）()〔〕<>＜＞〈〉「」『』]`,
  'g',
)
const OPENERS = '【[［（(〔<＜〈「『'
const CLOSERS = '】]］）)〕>＞〉」』'

/** Where a clause ends: sentence and list punctuation, brackets, line breaks. */
const CLAUSE_BREAK = '，,。；;！!？?、：:\n（）()【】[]［］〔〕'
const QUOTE_OPEN = '“"‘\'「『《'
const QUOTE_CLOSE = '”"’\'」』》'
/** Words that say the text is talking ABOUT a label, not wearing one (对标注“不得外传”的文件). */
const DISCUSSED = /标注|标有|标明|标识|标记|注明|印有|字样|加盖/
/**
 * A clause that is nothing but an instruction to the reader about this very material: an optional
 * subject (本材料/此件/以上内容…), optional directive words (请/务必/仅供…), then the one label —
 * 「请注意保存」「不得外传」「严禁外传」「本材料仅供内部参阅」「本文件属于工作秘密」.
 */
const INSTRUCTION = new RegExp(
  `^(?:(?:本|此|该)(?:件|文|文件|材料|资料|纪要|通知|报告|方案|名单|函|表|内容)(?:属于|属|系|为)?|(?:以上|上述|会议)内容|请|请务必|务必|一律|切勿|注意|仅供|仅限|只供|只限|限于|限|供)*(?:${LABEL_WORDS.join('|')})$`,
)

/** The clause (between punctuation) around [s, e) of `text`, trimmed. */
function clauseAround(text: string, s: number, e: number): string {
  let i = s
  while (i > 0 && !CLAUSE_BREAK.includes(text[i - 1] ?? '')) i--
  let j = e
  while (j < text.length && !CLAUSE_BREAK.includes(text[j] ?? '')) j++
  return text.slice(i, j).trim()
}

/** True when the label is quoted (“不得外传”) or named as a label (标注不得外传的…): discussed, not worn. */
function discussed(text: string, s: number, e: number): boolean {
  if (QUOTE_OPEN.includes(text[s - 1] ?? '\0') && QUOTE_CLOSE.includes(text[e] ?? '\0')) return true
  return DISCUSSED.test(clauseAround(text, s, e).replace(text.slice(s, e), ''))
}

/** True when the label sits inside a bracket pair that holds only labels, e.g. 【内部资料 注意保存】. */
function bracketed(line: string, s: number, e: number): boolean {
  let i = s - 1
  while (i >= 0 && !OPENERS.includes(line[i] ?? '') && !CLOSERS.includes(line[i] ?? '')) i--
  let j = e
  while (j < line.length && !CLOSERS.includes(line[j] ?? '') && !OPENERS.includes(line[j] ?? ''))
    j++
  if (i < 0 || j >= line.length) return false
  if (!OPENERS.includes(line[i] ?? '') || !CLOSERS.includes(line[j] ?? '')) return false
  return line.slice(i + 1, j).replace(LABEL_FILLER, '') === ''
}

export const detectRestrictedLabel: Detector = (ctx, out) => {
  const { text, headLength } = ctx
  for (const m of text.matchAll(LABEL)) {
    const start = m.index
    const end = start + m[0].length
    const [ls, le] = lineBounds(text, start)
    const line = text.slice(ls, le)
    const standalone = line.replace(LABEL_FILLER, '') === ''
    const inBrackets = !standalone && bracketed(line, start - ls, end - ls)
    const headOfDoc = start < headLength && text.slice(ls, start).trim() === ''
    const isDiscussed = discussed(text, start, end)
    const instruction = !isDiscussed && INSTRUCTION.test(clauseAround(text, start, end))
    if ((standalone || inBrackets || headOfDoc || instruction) && !(isDiscussed && !standalone)) {
      const where = inBrackets
        ? '括注的'
        : standalone
          ? '单独成行的'
          : headOfDoc
            ? '文首的'
            : '作为传阅要求写在正文中的'
      out.push({
        kind: 'restricted-label',
        severity: 'high',
        start,
        end,
        text: m[0],
        reason: `${where}“${m[0]}”标注：材料被标为限制传播（保密审查清单第 2 项），公开前须确认已解除限制或删除相关内容`,
        suggestion: '核实该标注；确需公开的，由原制发单位解除限制后再审查',
      })
    } else if (m[0] !== '工作秘密') {
      // In prose — or quoted, discussed (对标注“不得外传”的文件……) — these words describe handling
      // rules; still worth a glance, never a block. 工作秘密 in prose ("防止国家秘密、工作秘密……泄露")
      // is boilerplate and stays silent.
      out.push({
        kind: 'restricted-label',
        severity: 'info',
        start,
        end,
        text: m[0],
        reason: isDiscussed
          ? `引述或讨论“${m[0]}”这一标注（加引号或“标注”“字样”等），不是本材料自身的标注；请确认所述材料本身是否限制传播`
          : `正文中出现“${m[0]}”字样，不在标注位置；请确认所述材料本身是否限制传播`,
      })
    }
  }
}
