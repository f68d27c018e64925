import type { Detector } from '../types'
import { maskValue } from '../mask'

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
/** Government mailboxes are published contact points. */
const INSTITUTIONAL = /\.gov\.cn$|\.gov$/i
/** Free mail providers: an address there belongs to a person. */
const PERSONAL_PROVIDERS =
  /@(?:qq|foxmail|163|126|yeah|sina|sina\.cn|sohu|139|189|wo|aliyun|tom|21cn|gmail|outlook|hotmail|live|icloud|yahoo)\.(?:com|cn|net|com\.cn)$/i

/**
 * 电子邮箱. Decision: a free-mail address (qq.com, 163.com, gmail.com…) is a person's → high;
 * a government domain (*.gov.cn) is an office mailbox published on purpose → info; anything else
 * (a company or school domain, could be a person's work mailbox) → warn.
 */
export const detectEmail: Detector = (ctx, out) => {
  const { folded, text } = ctx
  for (const m of folded.matchAll(EMAIL)) {
    const start = m.index
    const end = start + m[0].length
    const value = text.slice(start, end)
    const domain = m[0].slice(m[0].indexOf('@'))
    if (INSTITUTIONAL.test(domain)) {
      out.push({
        kind: 'email',
        severity: 'info',
        start,
        end,
        text: value,
        reason: '政府机关域名的邮箱，一般为公开的办公邮箱',
      })
    } else {
      const personal = PERSONAL_PROVIDERS.test(domain)
      out.push({
        kind: 'email',
        severity: personal ? 'high' : 'warn',
        start,
        end,
        text: value,
        reason: personal
          ? '个人邮箱（公共邮件服务商），属于个人联系方式，公开前应去标识化'
          : '非政府域名的邮箱，可能是个人工作邮箱，请确认是否可以公开',
        suggestion: `脱敏为：${maskValue('email', value) ?? ''}`,
      })
    }
  }
}
