import { checkIdNumber } from '../checksums'
import type { NumberContext, Verdict } from './verdict'

const ID_CONTEXT = /身份证|身份号码|证件号/

/**
 * 居民身份证号码 (GB 11643-1999): 18 characters with a MOD 11-2 check character, or the 15-digit
 * legacy form. Plausible region and birth date + correct check → high. A correct-looking region and
 * date with a wrong check character (or a wrong one right after 身份证) → warn: probably a typo of a
 * real ID, still personal data, but not proven.
 */
export function classifyIdNumber(compact: string, ctx: NumberContext): Verdict | null {
  const check = checkIdNumber(compact)
  if (check === null) return null
  const legacy = compact.length === 15
  if (check.plausible && check.checksumOk) {
    return {
      kind: 'id-card',
      severity: 'high',
      reason: legacy
        ? '15 位旧版居民身份证号码（地区码、出生日期有效），属于个人信息，公开前应去标识化'
        : '居民身份证号码（GB 11643 校验位正确，地区码、出生日期有效），属于个人信息，公开前应去标识化',
      mask: true,
    }
  }
  if (legacy) return null
  if (check.plausible || ID_CONTEXT.test(ctx.before)) {
    return {
      kind: 'id-card',
      severity: 'warn',
      reason: `疑似居民身份证号码，但 GB 11643 校验位不符（应为 ${check.expectedCheck ?? '?'}${
        check.plausible ? '' : '，且地区码或出生日期无效'
      }）：可能是录入错误的身份证号，请核对并去标识化`,
      mask: true,
    }
  }
  return null
}

/** Candidates of the 18-character shape this classifier can decide (17 digits + digit or X). */
export function looksLikeId18(compact: string): boolean {
  return compact.length === 18 && /^\d{17}[\dXx]$/.test(compact)
}
