import type { Detector } from '../types'

/**
 * Process information (条例第十六条: 过程性信息 may be withheld): drafts, 请示, 会议纪要. Reported as
 * warn so the reviewer decides; an opinion-solicitation item (意见征集) publishes its draft on purpose,
 * so nothing is reported there. 请示 counts only as a document type (…的请示 / …的请示报告 at a title's end),
 * not the verb (及时请示报告); 草案 only in brackets (（草案）), as in a title.
 */
const HINT =
  /征求意见稿|讨论稿|送审稿|修改稿|会议纪要|[（(]草案[）)]|的请示(?:报告)?(?=[》」”"）)\s]|$)/g

const WHY: Record<string, string> = {
  征求意见稿: '标有“征求意见稿”，属于尚未定稿的过程性信息',
  讨论稿: '标有“讨论稿”，属于尚未定稿的过程性信息',
  送审稿: '标有“送审稿”，属于尚未定稿的过程性信息',
  修改稿: '标有“修改稿”，属于尚未定稿的过程性信息',
  会议纪要: '涉及会议纪要，可能包含内部讨论的过程性信息',
  请示: '内部请示类公文，属于过程性信息',
  草案: '标有“草案”，属于尚未定稿的过程性信息',
}

/** True for items that are themselves opinion solicitations (意见征集 / 征求意见). */
export function isOpinionSolicitation(itemKind: string | undefined): boolean {
  return itemKind !== undefined && /意见征集|征求意见/.test(itemKind)
}

export const detectProcessHint: Detector = (ctx, out) => {
  if (isOpinionSolicitation(ctx.options.itemKind)) return
  const { text } = ctx
  for (const m of text.matchAll(HINT)) {
    // Keep the span on the word itself (drop the 的 / brackets around it).
    const span = m[0].replace(/^的|[（()）]/g, '')
    const word = span.startsWith('请示') ? '请示' : span
    const start = m.index + m[0].indexOf(span)
    const end = start + span.length
    out.push({
      kind: 'process-hint',
      severity: 'warn',
      start,
      end,
      text: text.slice(start, end),
      reason: `${WHY[word] ?? '过程性信息'}（条例第十六条），可以不予公开；如确需公开请确认已定稿或经批准`,
    })
  }
}
