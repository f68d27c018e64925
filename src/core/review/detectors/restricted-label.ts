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
    if (standalone || inBrackets || headOfDoc) {
      const where = inBrackets ? '括注的' : standalone ? '单独成行的' : '文首的'
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
      // In prose these words describe handling rules; still worth a glance, never a block.
      // 工作秘密 in prose ("防止国家秘密、工作秘密……泄露") is boilerplate and stays silent.
      out.push({
        kind: 'restricted-label',
        severity: 'info',
        start,
        end,
        text: m[0],
        reason: `正文中出现“${m[0]}”字样，不在标注位置；请确认所述材料本身是否限制传播`,
      })
    }
  }
}
