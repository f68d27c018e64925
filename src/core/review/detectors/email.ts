import type { Detector } from '../types'
import { maskValue } from '../mask'
import { lineBounds } from '../text-utils'

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
/** Government mailboxes are published contact points. */
const INSTITUTIONAL = /\.gov\.cn$|\.gov$/i
/** Free mail providers: an address there belongs to a person. */
const PERSONAL_PROVIDERS =
  /@(?:qq|foxmail|163|126|yeah|sina|sina\.cn|sohu|139|189|wo|aliyun|tom|21cn|gmail|outlook|hotmail|live|icloud|yahoo)\.(?:com|cn|net|com\.cn)$/i

/** The line (or its contact block) names a person the address belongs to: it stays a person's. */
const PERSON_CONTEXT =
  /姓名|当事人|申请人|第三人|被处罚人|违法行为人|投诉人|举报人|信访人|代理人|监护人|家属|本人|个人邮箱|私人|报考|应聘|考生|学生|患者|户主/
/**
 * The line or its contact block presents the address as an office's published contact point: a
 * 政府信息公开 mailbox, an office's contact line (受理/咨询/监督/意见发送至…), an organisation named
 * in the block, or an office landline (电话/传真 0533-…) on a line of the same block.
 */
const OFFICE_CONTEXT =
  /政府信息公开|信息公开|政务公开|公开(?:工作)?机构|办公室|办公邮箱|公务邮箱|公开邮箱|受理|咨询|监督|投诉(?!人)|举报(?!人)|来信|意见|发送至|发至|报送|反馈|联系单位|人民政府|管理局|[\u4e00-\u9fff]{2,}(?:局|委员会|管委会|办事处|中心|街道|政府|科|处)(?:[\s,，、:：]|电子|邮箱|信箱|联系|$)|(?:电话|传真)[:：\s]*0\d{2,3}-?\d{7,8}/m
const CONTEXT_SPAN = 80
/** Lines above the address that still belong to its contact block (up to a blank line). */
const BLOCK_LINES = 4

/**
 * The part of the address's line before it, and the lines of its contact block above (up to
 * {@link BLOCK_LINES}, stopping at a blank line).
 */
function contextOf(text: string, start: number): { line: string; block: string } {
  const [ls] = lineBounds(text, start)
  const line = text.slice(Math.max(ls, start - CONTEXT_SPAN), start)
  const above: string[] = []
  let end = ls - 1
  for (let n = 0; n < BLOCK_LINES && end > 0; n++) {
    const [s] = lineBounds(text, end)
    const prev = text.slice(s, end)
    if (prev.trim() === '') break
    above.unshift(prev.slice(-CONTEXT_SPAN))
    end = s - 1
  }
  return { line, block: above.join('\n') }
}

/**
 * 电子邮箱. Decision: a free-mail address (qq.com, 163.com, gmail.com…) is a person's → high;
 * a government domain (*.gov.cn) is an office mailbox published on purpose → info; anything else
 * (a company or school domain, could be a person's work mailbox) → warn. A free-mail address that
 * the line or its contact block presents as an office's published contact (「政府信息公开咨询邮箱：zbgxzwgk@163.com」 —
 * many county offices use 163/126 mailboxes) is a warning, unless the line or its block names a person
 * (姓名/当事人/申请人…): a private person's address stays high (issue 10).
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
      const freeMail = PERSONAL_PROVIDERS.test(domain)
      const { line, block } = freeMail ? contextOf(text, start) : { line: '', block: '' }
      const person = PERSON_CONTEXT.test(line) || PERSON_CONTEXT.test(block)
      const office =
        freeMail && !person && (OFFICE_CONTEXT.test(line) || OFFICE_CONTEXT.test(block))
      const personal = freeMail && !office
      out.push({
        kind: 'email',
        severity: personal ? 'high' : 'warn',
        start,
        end,
        text: value,
        reason: personal
          ? '个人邮箱（公共邮件服务商），属于个人联系方式，公开前应去标识化'
          : office
            ? '公共邮件服务商的邮箱，但所在行表明是机关公开的联系邮箱（如政府信息公开咨询邮箱）；请确认确为单位邮箱而非个人邮箱'
            : '非政府域名的邮箱，可能是个人工作邮箱，请确认是否可以公开',
        suggestion: `脱敏为：${maskValue('email', value) ?? ''}`,
      })
    }
  }
}
