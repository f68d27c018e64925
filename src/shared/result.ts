/** Closed set of error codes that cross the IPC boundary (architecture doc, principle 4). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'SETUP_REQUIRED',
  'DB_ERROR',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorInfo {
  code: ErrorCode
  /** Chinese, says what to do. */
  message: string
  details?: unknown
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
})

/** How the UI names each error code (principle 11). */
export const ERROR_LABELS: Record<ErrorCode, string> = {
  VALIDATION: '输入有误',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限',
  NOT_FOUND: '未找到',
  CONFLICT: '冲突',
  LOCKED: '已锁定',
  SETUP_REQUIRED: '需要初始化',
  DB_ERROR: '数据库错误',
  INTERNAL: '内部错误',
}
