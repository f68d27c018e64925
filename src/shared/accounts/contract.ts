import { empty } from '../schemas'
import type { PasswordResetNotice } from './types'
import { out } from '../channel-output'

/** The logged-in user's own account: the password-reset notice on the home page. */
export const accountsContract = {
  /** The notice after an administrator reset the user's password; null when none is pending. */
  'accounts:reset-notice': { input: empty, output: out<PasswordResetNotice | null>() },
  /** 「我知道了」: the owner acknowledges the notice (audited). */
  'accounts:acknowledge-reset': { input: empty, output: out<null>() },
} as const
