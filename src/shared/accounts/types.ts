import type { Capabilities } from './capabilities'
import type { Role } from './roles'

/** Accounts: what crosses IPC about the logged-in user's own account. */

/** 「您的密码已于 … 由管理员 … 重置」: shown on the owner's home page until acknowledged. */
export interface PasswordResetNotice {
  /** ISO time of the reset. */
  resetAt: string
  /** The administrator's display name. */
  resetByName: string
}

/** What the renderer needs to decide which screen to show. */
export interface AppState {
  /** False until first-run setup has created the department and the first administrator. */
  initialised: boolean
  department: DepartmentView | null
  session: SessionInfo | null
  /** Locked by inactivity or by the user: the session exists but needs the password again. */
  locked: boolean
  appVersion: string
}

export interface DepartmentView {
  name: string
  /** 18-char 统一社会信用代码 (GB 32100). */
  orgCode: string
}

export interface SessionInfo {
  user: UserView
  /** Minutes of inactivity after which the app locks. */
  lockAfterMinutes: number
  /** What the user may do, from their roles (`capabilitiesOf`); core still checks every call. */
  capabilities: Capabilities
}

export interface UserView {
  id: string
  username: string
  displayName: string
  roles: Role[]
  active: boolean
  createdAt: string
  lastLoginAt: string | null
  /** Created or reset by an administrator: the owner must set their own password first. */
  mustChangePassword: boolean
  /** Locked after too many wrong passwords until this ISO time (null: not locked). */
  lockedUntil?: string | null
}
