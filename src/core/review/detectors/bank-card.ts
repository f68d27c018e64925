import { luhnValid } from '../checksums'
import type { NumberContext, Verdict } from './verdict'

const BANK_CONTEXT = /卡号|账号|帐号|银行|账户|帐户|开户|储蓄卡|信用卡|借记卡/

/**
 * 银行卡号: 16–19 digits. Many Chinese debit cards fail Luhn, so Luhn raises confidence rather than
 * gating: Luhn or a context word (卡号, 账户, 开户行…) → high; the UnionPay prefix 62 alone → warn;
 * grouped in fours like a card (6222 0202 …) → warn.
 */
export function classifyBankCard(
  compact: string,
  ctx: NumberContext,
  groupedLikeCard = false,
): Verdict | null {
  if (compact.length < 16 || compact.length > 19 || !/^\d+$/.test(compact)) return null
  if (luhnValid(compact)) {
    return {
      kind: 'bank-card',
      severity: 'high',
      reason: '银行卡号（通过 Luhn 校验），属于个人金融信息，公开前应去标识化',
      mask: true,
    }
  }
  if (BANK_CONTEXT.test(ctx.before)) {
    return {
      kind: 'bank-card',
      severity: 'high',
      reason:
        '紧随“卡号/账号/开户行”等字样的 16–19 位数字，应为银行账号（未通过 Luhn 校验，但国内借记卡常不满足），公开前应去标识化',
      mask: true,
    }
  }
  if (compact.startsWith('62') || groupedLikeCard) {
    return {
      kind: 'bank-card',
      severity: 'warn',
      reason: `${compact.startsWith('62') ? '以 62（银联）开头' : '按四位一组书写'}的 ${compact.length} 位数字，未通过 Luhn 校验，可能是银行卡号，请核对`,
      mask: true,
    }
  }
  return null
}
