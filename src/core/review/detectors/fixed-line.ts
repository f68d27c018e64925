import type { NumberContext, Verdict } from './verdict'

const PHONE_CONTEXT = /电话|传真|热线|座机|总机|值班|tel|Tel|TEL/

/**
 * 固定电话 (0533-1234567). Published office lines are public, and a scanner cannot tell an office line
 * from a home line, so fixed lines are info only: visible to the reviewer, never blocking. A compact
 * 0-led 10–12 digit number counts only right after 电话/传真…, otherwise it is just a number.
 */
export function classifyFixedLine(
  areaCode: string,
  local: string,
  ctx: NumberContext,
  separated: boolean,
): Verdict | null {
  if (!/^0\d{2,3}$/.test(areaCode) || !/^[2-9]\d{6,7}$/.test(local)) return null
  if (!separated && !PHONE_CONTEXT.test(ctx.before)) return null
  return {
    kind: 'fixed-line',
    severity: 'info',
    reason: '固定电话号码：机关办公电话可以公开；如为个人住宅电话应隐去',
    mask: false,
  }
}
