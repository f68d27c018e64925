import type { FeeScheme } from '../../shared/requests/types'

/**
 * 信息处理费 (条例第四十二条; 国办函〔2020〕109号《政府信息公开信息处理费管理办法》). Both schemes are
 * progressive; an agency uses one of them for a request, never both.
 */
export const FEE_RULE = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'

/**
 * 按件计收: the fee for the applicant's `n`-th request in one calendar month — 1–10 free,
 * 11–30 at 100元/件, and from the 31st each further 10 requests raise the rate by 100元/件
 * (31–40: 200元, 41–50: 300元 …).
 */
export function perRequestFee(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`件数应为正整数：${n}`)
  if (n <= 10) return 0
  if (n <= 30) return 100
  return 100 + 100 * Math.ceil((n - 30) / 10)
}

/**
 * 按量计收, marginal tiers: up to 30 pages free; pages 31–100 at 10元/页; 101–200 at 20元/页;
 * from the 201st at 40元/页.
 */
export function perPageFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`页数应为正整数：${pages}`)
  const tier = (from: number, to: number, rate: number): number =>
    Math.max(0, Math.min(pages, to) - from) * rate
  return tier(30, 100, 10) + tier(100, 200, 20) + tier(200, Number.POSITIVE_INFINITY, 40)
}

/** The fee for one request under `scheme` (yuan). */
export function feeAmount(scheme: FeeScheme, quantity: number): number {
  return scheme === 'per_request' ? perRequestFee(quantity) : perPageFee(quantity)
}

/** Chinese: how the amount was reached, for the notice and the timeline. */
export function feeExplanation(scheme: FeeScheme, quantity: number): string {
  const amount = feeAmount(scheme, quantity)
  if (scheme === 'per_request') {
    return `按件计收：该申请人本自然月第 ${quantity} 件申请，收费 ${amount} 元（10 件以下不收费，11—30 件 100 元/件，30 件以上每增加 10 件提高 100 元/件）`
  }
  const parts: string[] = []
  if (pages(quantity, 30, 100) > 0) parts.push(`31—100 页 ${pages(quantity, 30, 100)} 页×10 元`)
  if (pages(quantity, 100, 200) > 0) parts.push(`101—200 页 ${pages(quantity, 100, 200)} 页×20 元`)
  if (pages(quantity, 200, Infinity) > 0)
    parts.push(`200 页以上 ${pages(quantity, 200, Infinity)} 页×40 元`)
  return `按量计收：共 ${quantity} 页，30 页以下不收费${parts.length ? '，' + parts.join('，') : ''}，合计 ${amount} 元`
}

function pages(total: number, from: number, to: number): number {
  return Math.max(0, Math.min(total, to) - from)
}
