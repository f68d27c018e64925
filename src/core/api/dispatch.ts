import { contract, type Channel } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { AppError, INTERNAL_MESSAGE } from '../errors'
import type { Logger } from '../logger'
import type { HandlerTable } from './types'
import { firstIssueMessage, issueDetails } from './validation-message'

/** True when `channel` is a contract channel (own property: `__proto__` and friends are not). */
export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && Object.hasOwn(contract, channel)
}

/** Converts any thrown value into a failed Result; unexpected ones are logged, never shown. */
export function toFailure(e: unknown, logger: Logger, channel: string): Result<never> {
  if (e instanceof AppError) return fail(e.code, e.message, e.details)
  logger.error('处理请求时发生内部错误', { channel, error: e })
  return fail('INTERNAL', INTERNAL_MESSAGE)
}

/**
 * Builds the one entry point after the sender check: unknown channel → VALIDATION, input parsed by
 * the channel's schema (first issue in Chinese with the field path), handler called, every
 * failure returned as a Result. Never throws.
 */
export function createDispatch(
  handlers: HandlerTable,
  logger: Logger,
): (channel: string, raw: unknown) => Promise<Result<unknown>> {
  return async (channel, raw) => {
    const name = typeof channel === 'string' ? channel.slice(0, 64) : typeof channel
    try {
      if (!isChannel(channel)) return fail('VALIDATION', `未知的操作：${name}`)
      const parsed = contract[channel].input.safeParse(raw)
      if (!parsed.success) {
        return fail(
          'VALIDATION',
          firstIssueMessage(parsed.error.issues),
          issueDetails(parsed.error.issues),
        )
      }
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return ok(await handler(parsed.data))
    } catch (e) {
      return toFailure(e, logger, name)
    }
  }
}
