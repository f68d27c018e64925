import { notifications } from '@mantine/notifications'
import type { Api } from '../../shared/contract'
import type { ErrorCode, ErrorInfo, Result } from '../../shared/result'

/**
 * The one way the renderer talks to core: `request(api().users.list({}))` unwraps the Result,
 * shows a Chinese notification when it failed, and throws an `ApiError` so callers can stop.
 */

/** `window.api` as the preload (or the e2e bridge) exposes it. */
export function api(): Api {
  const exposed = (window as unknown as { api?: Api }).api
  if (!exposed)
    throw new ApiError({ code: 'INTERNAL', message: '应用接口未加载，请重新启动程序。' })
  return exposed
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  constructor(info: ErrorInfo) {
    super(info.message)
    this.name = 'ApiError'
    this.code = info.code
    this.details = info.details
  }
}

type SessionListener = (code: 'LOCKED' | 'UNAUTHENTICATED') => void
const sessionListeners = new Set<SessionListener>()

/** The app state provider listens here: LOCKED shows the lock screen, UNAUTHENTICATED the login. */
export function onSessionLost(listener: SessionListener): () => void {
  sessionListeners.add(listener)
  return () => sessionListeners.delete(listener)
}

export interface RequestOptions {
  /** Show a notification when the call fails (default true). Forms that show errors inline pass false. */
  notify?: boolean
  /**
   * Treat LOCKED/UNAUTHENTICATED as "the session is gone" (default true). Login and unlock pass
   * false: there these codes mean a wrong password, shown on the form.
   */
  sessionAware?: boolean
}

export async function request<T>(
  pending: Promise<Result<T>>,
  { notify = true, sessionAware = true }: RequestOptions = {},
): Promise<T> {
  let result: Result<T>
  try {
    result = await pending
  } catch (e) {
    // Only a broken transport gets here: core converts its own failures into Results.
    result = {
      ok: false,
      error: { code: 'INTERNAL', message: `与程序后台通信失败：${String(e)}。请重新启动程序。` },
    }
  }
  if (result.ok) return result.data
  const { error } = result
  if (sessionAware && (error.code === 'LOCKED' || error.code === 'UNAUTHENTICATED')) {
    for (const listener of sessionListeners) listener(error.code)
  } else if (notify) {
    notifications.show({ color: 'red', title: '操作未完成', message: error.message })
  }
  throw new ApiError(error)
}

/** The Chinese message of anything a request threw. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return e instanceof Error ? e.message : String(e)
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', title: '已完成', message })
}
