import type { Role } from '../../shared/accounts/roles'
import type { ApplicantType, RequestView } from '../../shared/requests/types'
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

/**
 * 身份证明号码 masked: an 18-digit ID card keeps the first 6 and the last 4 characters; a short
 * number (passport, 港澳通行证 … ≤ 10 characters) keeps the first 2 (1 when under 8) and the last 2,
 * so E12345678 is never shown whole (条例第二十九条).
 */
export function maskIdNo(value: string): string {
  const v = value.trim()
  if (v === '') return ''
  if (v.length > 10) return maskValue('id-card', v) ?? '*'
  if (v.length <= 4) return '*'.repeat(v.length)
  const head = v.length >= 8 ? 2 : 1
  return v.slice(0, head) + '*'.repeat(v.length - head - 2) + v.slice(-2)
}

/** A postal address: the first 6 characters stay (province, city, district), the rest is hidden. */
export function maskAddress(value: string): string {
  const v = value.trim()
  if (v === '') return ''
  return v.length <= 6 ? v.slice(0, 2) + '*'.repeat(v.length - 2) : `${v.slice(0, 6)}****`
}

/** Officers (who handle the request) and administrators see the applicant in full (条例第二十九条). */
export function seesApplicantInFull(roles: readonly Role[]): boolean {
  return roles.includes('officer') || roles.includes('admin')
}

/** The detail view as any other role sees it: the applicant's personal data masked. */
export function maskRequestView(v: RequestView): RequestView {
  return {
    ...v,
    applicantName: maskApplicantName(v.applicantType, v.applicantName),
    applicantIdNo: maskIdNo(v.applicantIdNo),
    applicantContact: maskContact(v.applicantContact),
    applicantAddress:
      v.applicantType === 'natural' ? maskAddress(v.applicantAddress) : v.applicantAddress,
    personalMasked: true,
  }
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
