import {
  changePasswordSchema,
  createUserSchema,
  loginSchema,
  resetPasswordSchema,
  setupSchema,
  updateUserSchema,
  userIdSchema,
} from './schemas'
import type { AppState, PasswordResetNotice, SessionInfo, UserView } from './types'
import { out } from '../channel-output'
import { empty } from '../fields'

/**
 * Accounts channels: first-run setup, the session (login, lock, password), the logged-in user's own
 * account notices and user management (composed into the one contract by src/shared/contract.ts).
 */
export const accountsContract = {
  'app:state': { input: empty, output: out<AppState>() },
  'setup:complete': { input: setupSchema, output: out<SessionInfo>() },
  'auth:login': { input: loginSchema, output: out<SessionInfo>() },
  'auth:logout': { input: empty, output: out<null>() },
  'auth:lock': { input: empty, output: out<null>() },
  'auth:unlock': {
    input: loginSchema.pick({ password: true }).strict(),
    output: out<SessionInfo>(),
  },
  'auth:change-password': { input: changePasswordSchema, output: out<null>() },
  /** The notice after an administrator reset the user's password; null when none is pending. */
  'accounts:reset-notice': { input: empty, output: out<PasswordResetNotice | null>() },
  /** 「我知道了」: the owner acknowledges the notice (audited). */
  'accounts:acknowledge-reset': { input: empty, output: out<null>() },
  'users:list': { input: empty, output: out<UserView[]>() },
  'users:create': { input: createUserSchema, output: out<UserView>() },
  'users:update': { input: updateUserSchema, output: out<UserView>() },
  'users:reset-password': { input: resetPasswordSchema, output: out<null>() },
  /** Administrators only: unlock an account locked after too many wrong passwords. */
  'users:unlock': { input: userIdSchema, output: out<null>() },
} as const
