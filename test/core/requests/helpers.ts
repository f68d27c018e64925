import type { RequestRegisterInput } from '../../../src/shared/requests/schemas'
import type { TestCore } from '../../helpers/test-core'

/** An applicant whose personal data must never leave the local store. */
export const APPLICANT = {
  name: '张三丰',
  idNo: '330106199001011234',
  contact: '13812345678',
  address: '杭州市西湖区文三路 100 号',
}

export function registerInput(overrides: Partial<RequestRegisterInput> = {}): RequestRegisterInput {
  return {
    applicantType: 'natural',
    applicantName: APPLICANT.name,
    applicantIdNo: APPLICANT.idNo,
    applicantContact: APPLICANT.contact,
    applicantAddress: APPLICANT.address,
    channel: 'post',
    submittedDate: '2025-02-26',
    channelDate: '2025-03-03',
    content: '2024 年度本局行政处罚决定书（文号或名称）',
    form: 'paper',
    ...overrides,
  }
}

export function register(t: TestCore, overrides: Partial<RequestRegisterInput> = {}) {
  return t.call('requests:register', registerInput(overrides))
}
