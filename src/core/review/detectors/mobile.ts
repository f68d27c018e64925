import type { Verdict } from './verdict'

const MOBILE = /^(?:\+?(?:0086|86))?1[3-9]\d{9}$/

/**
 * 手机号: 11 digits 1[3-9]…, optionally after +86 / 86 / 0086. The caller guarantees the candidate is
 * not part of a longer digit run, which is what tells a phone number from an account or serial number.
 */
export function classifyMobile(compact: string): Verdict | null {
  if (compact.length < 11 || compact.length > 16 || !MOBILE.test(compact)) return null
  return {
    kind: 'mobile',
    severity: 'high',
    reason: '手机号码，属于个人联系方式，公开前应去标识化（12345 热线、机关办公电话不在此列）',
    mask: true,
  }
}
