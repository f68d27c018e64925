import type { ApplicantType } from '../../shared/requests/types'
import { maskValue } from '../review/mask'

/**
 * Applicant personal data (姓名、身份证明、联系方式, 条例第二十九条) stays in the local store: lists
 * show it masked, the sync payload never carries it, logs and audit details never name it.
 * Masking reuses the review's de-identification (one way to mask: 张某, 370303********1234,
 * 138****5678).
 */

/** A natural person's name is masked; an organisation's name is not personal data. */
export function maskApplicantName(type: ApplicantType, name: string): string {
  if (name === '') return ''
  return type === 'natural' ? (maskValue('person-name', name) ?? '*') : name
}

const MOBILE = /^(\+?86[-\s]?)?1[3-9]\d{9}$/
const EMAIL = /^[^@\s]+@[^@\s]+$/

/** 身份证明号码 masked, keeping the first 6 and the last 4 characters. */
export function maskIdNo(value: string): string {
  if (value === '') return ''
  return maskValue('id-card', value) ?? '*'
}

/** A contact (mobile, e-mail, landline …) masked. */
export function maskContact(value: string): string {
  const v = value.trim()
  if (v === '') return ''
  if (MOBILE.test(v.replace(/[\s-]/g, ''))) return maskValue('mobile', v) ?? '*'
  if (EMAIL.test(v)) return maskValue('email', v) ?? '*'
  // Anything else: keep the first two and the last two characters.
  if (v.length <= 4) return '*'.repeat(v.length)
  return v.slice(0, 2) + '*'.repeat(v.length - 4) + v.slice(-2)
}
