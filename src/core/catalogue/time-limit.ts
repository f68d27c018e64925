import type { DeadlineRule } from '../../shared/catalogue/types'
import { parseChineseNumeral } from '../../shared/chinese-numeral'

/**
 * 公开时限 → rule. 「信息形成（变更）之日起20个工作日内」→ 20 working days; 「7个工作日内」→ 7;
 * 「10日内」 → 10 calendar days; Chinese numerals (二十个工作日) and full-width digits are read.
 * Anything else (「实时」「长期公开」「每年3月底前」) gives null: no due date, shown as such.
 */
export function parseTimeLimit(text: string): DeadlineRule | null {
  const t = toDigits(text.replace(/\s+/g, ''))
  const workdays = /(\d{1,3})个?工作日/.exec(t)
  if (workdays) return rule('workday', Number(workdays[1]))
  const days = /(\d{1,3})个?(?:自然)?[日天](?:内|以内|之内)/.exec(t)
  if (days) return rule('day', Number(days[1]))
  return null
}

function rule(unit: DeadlineRule['unit'], count: number): DeadlineRule | null {
  return count >= 1 && count <= 365 ? { unit, count } : null
}

/** 第二十六条 of the 条例: 20 working days from formation or change, unless a law says otherwise. */
export const STATUTORY_RULE: DeadlineRule = { unit: 'workday', count: 20 }

/** Chinese description of a rule (or of its absence) for the catalogue screen. */
export function describeRule(timeLimit: string, parsed: DeadlineRule | null): string {
  if (timeLimit.trim() === '') {
    return `未填写时限：按《政府信息公开条例》第二十六条，成文日期起 ${STATUTORY_RULE.count} 个工作日内`
  }
  if (!parsed) return `时限「${timeLimit.trim()}」无法识别，不计算到期日`
  return parsed.unit === 'workday'
    ? `成文日期起 ${parsed.count} 个工作日内`
    : `成文日期起 ${parsed.count} 日内`
}

/** Full-width digits and Chinese numerals before 个/日/天/工作日 → ASCII digits. */
function toDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/([〇零一二两三四五六七八九十百]+)(?=个|日|天|工作日)/g, (m) => {
      const n = parseChineseNumeral(m)
      return n === null ? m : String(n)
    })
}
