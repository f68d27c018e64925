/** Accounts: what crosses IPC about the logged-in user's own account. */

/** 「您的密码已于 … 由管理员 … 重置」: shown on the owner's home page until acknowledged. */
export interface PasswordResetNotice {
  /** ISO time of the reset. */
  resetAt: string
  /** The administrator's display name. */
  resetByName: string
}
