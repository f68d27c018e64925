import type { ErrorCode } from '../shared/result'

/**
 * The one typed error thrown inside core (architecture doc, principle 4). `message` is Chinese and
 * tells the officer what to do; the dispatcher converts it to a Result once, at the edge.
 */
export class AppError extends Error {
  override readonly name = 'AppError'

  /** Creates an error with a closed-set code and a Chinese, actionable message. */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/** True when `e` is an AppError (also across module copies, by shape). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}

/** The message shown for any failure that is not an AppError; the real cause goes to the log. */
export const INTERNAL_MESSAGE = '发生内部错误，请重试；如仍失败请联系管理员'
