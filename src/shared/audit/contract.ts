import { auditFilterSchema } from './schemas'
import type { AuditPage, AuditVerifyResult } from './types'
import { out } from '../channel-output'
import { empty } from '../fields'

/** Audit log channels (composed into the one contract by src/shared/contract.ts). */
export const auditContract = {
  'audit:list': { input: auditFilterSchema, output: out<AuditPage>() },
  'audit:verify': { input: empty, output: out<AuditVerifyResult>() },
} as const
