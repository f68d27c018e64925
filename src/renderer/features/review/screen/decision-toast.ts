import type { ReviewDecision, ReviewView } from '../../../../shared/review/types'

/**
 * The toast after a decision (issue 10): a middle step says the item went on to the next step —
 * 「已同意，已转交下一步：领导签发审查」 — never anything that reads like the final approval; only
 * the final step's 同意 says 已同意公开 (with the 索引号 assigned).
 */
export function decisionToast(
  decision: ReviewDecision,
  next: ReviewView,
): { title: string; message: string } {
  const title = `「${next.item.title || '（无标题）'}」`
  const review = next.review
  switch (decision) {
    case 'approve': {
      const step =
        review?.state === 'open' && review.currentStep !== null
          ? next.steps[review.currentStep]
          : undefined
      if (step) {
        return {
          title: `已同意，已转交下一步：${step.name}审查`,
          message: `${title}尚未审核通过，待第 ${step.index + 1}/${next.steps.length} 步「${step.name}」审查`,
        }
      }
      return {
        title: '已同意公开',
        message: `${title}已审核通过${next.item.indexNumber ? `，索引号 ${next.item.indexNumber}` : ''}`,
      }
    }
    case 'return':
      return { title: '已退回修改', message: `${title}已退回起草人修改` }
    case 'withhold':
      return { title: '已决定不予公开', message: `${title}不予公开，已退回草稿` }
    case 'refer':
      return { title: '已报上级审查', message: `${title}待登记上级机关的答复` }
  }
}
