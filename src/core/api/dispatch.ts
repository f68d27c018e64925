import { contract, type Channel } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { CONTROL_CHARACTER_MESSAGE, findInputHazard, type InputHazard } from '../../shared/text'
import { AppError, INTERNAL_MESSAGE } from '../errors'
import { storageError } from '../errors-storage'
import type { Logger } from '../logger'
import type { HandlerTable } from './types'
import { clampEcho, firstIssueMessage, issueDetails } from './validation-message'

/** True when `channel` is a contract channel (own property: `__proto__` and friends are not). */
export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && Object.hasOwn(contract, channel)
}

/**
 * Converts any thrown value into a failed Result; unexpected ones are logged, never shown. A full
 * or read-only disk is said as such (not 「内部错误」, not "damaged"). Messages quote at most a few
 * characters of `raw`, the input (a 1 M-character 发文字号 is not echoed back).
 */
export function toFailure(
  e: unknown,
  logger: Logger,
  channel: string,
  raw?: unknown,
): Result<never> {
  if (e instanceof AppError) {
    return fail(e.code, clampEcho(e.message, raw, { quote: 300, max: 5000 }), e.details)
  }
  const storage = storageError(e)
  if (storage) {
    logger.warn('存储空间或权限问题', { channel, error: e })
    return fail(storage.code, storage.message)
  }
  logger.error('处理请求时发生内部错误', { channel, error: e })
  return fail('INTERNAL', INTERNAL_MESSAGE)
}

const HAZARD_MESSAGES: Record<InputHazard['kind'], string> = {
  control: CONTROL_CHARACTER_MESSAGE,
  deep: '输入的层级过深，已拒绝',
  large: '输入的内容过多，已拒绝',
}

/**
 * Builds the one entry point after the sender check: unknown channel → VALIDATION, input refused
 * when it holds control characters or nests too deep (every channel, before its schema), then
 * parsed by the channel's schema (first issue in Chinese with the field path), handler called,
 * every failure returned as a Result. Never throws.
 */
export function createDispatch(
  handlers: HandlerTable,
  logger: Logger,
): (channel: string, raw: unknown) => Promise<Result<unknown>> {
  return async (channel, raw) => {
    const name = typeof channel === 'string' ? channel.slice(0, 64) : typeof channel
    try {
      if (!isChannel(channel)) return fail('VALIDATION', `未知的操作：${clampEcho(name, name)}`)
      const hazard = findInputHazard(raw)
      if (hazard) {
        const issues = [
          {
            code: 'custom' as const,
            path: hazard.path,
            message: HAZARD_MESSAGES[hazard.kind],
            input: undefined,
          },
        ]
        return fail('VALIDATION', firstIssueMessage(issues, channel), issueDetails(issues))
      }
      const parsed = contract[channel].input.safeParse(raw)
      if (!parsed.success) {
        return fail(
          'VALIDATION',
          clampEcho(firstIssueMessage(parsed.error.issues, channel), raw),
          issueDetails(parsed.error.issues).map((d) => ({
            ...d,
            message: clampEcho(d.message, raw),
          })),
        )
      }
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return ok(await handler(parsed.data))
    } catch (e) {
      return toFailure(e, logger, name, raw)
    }
  }
}
