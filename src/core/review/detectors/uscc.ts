import { isValidUscc } from '../../../shared/uscc'
import { isValidProvinceCode } from '../checksums'
import type { NumberContext, Verdict } from './verdict'

/** Words that introduce an organisation code: what follows is never a bank card or an ID. */
export const USCC_CONTEXT = /信用代码|组织机构代码|纳税人识别号|注册号/

/**
 * 统一社会信用代码 (GB 32100, checked by src/shared/uscc.ts). An organisation's code is public
 * registration information, so it is reported as info only: a reviewer sees it was recognised, and
 * it does not block publication.
 */
export function classifyUscc(compact: string, ctx?: NumberContext): Verdict | null {
  if (compact.length !== 18) return null
  if (!isValidUscc(compact) || !plausibleRegion(compact)) {
    // Labelled as a credit code but failing the check: a typo in a public code, still not personal.
    if (ctx === undefined || !USCC_CONTEXT.test(ctx.before)) return null
    return {
      kind: 'uscc',
      severity: 'info',
      reason: '紧随“统一社会信用代码”字样，但 GB 32100 校验不通过，可能录入有误，请核对',
      mask: false,
    }
  }
  return {
    kind: 'uscc',
    severity: 'info',
    reason: '统一社会信用代码（GB 32100 校验通过），属于机构公开登记信息，一般无需隐去',
    mask: false,
  }
}

/**
 * Characters 3–8 are the registering authority's GB/T 2260 region (100000 for national bodies). The
 * check character alone lets 1 in 31 random digit strings through — a mistyped ID among them — so
 * the region must make sense too.
 */
function plausibleRegion(code: string): boolean {
  return code.startsWith('10', 2) || isValidProvinceCode(code.slice(2))
}
