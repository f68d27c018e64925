import { describe, expect, it } from 'vitest'
import { createLogger, redact, REDACTED } from '../../src/core/logger'

describe('logger', () => {
  it('redacts passwords, tokens, hashes and secrets at any depth', () => {
    expect(
      redact({
        user: 'a',
        password: 'p',
        nested: { apiToken: 't', list: [{ passwordHash: 'h', clientSecret: 's' }] },
      }),
    ).toEqual({
      user: 'a',
      password: REDACTED,
      nested: { apiToken: REDACTED, list: [{ passwordHash: REDACTED, clientSecret: REDACTED }] },
    })
  })

  it('writes JSON lines at or above the level, with errors flattened', () => {
    const lines: string[] = []
    const log = createLogger({
      level: 'warn',
      sink: (_l, line) => lines.push(line),
      clock: () => new Date('2026-11-26T00:00:00Z'),
    })
    log.info('ignored')
    log.error('失败', { error: new Error('boom'), newPassword: 'x' })
    expect(lines).toHaveLength(1)
    const record = JSON.parse(lines[0] as string)
    expect(record).toMatchObject({ level: 'error', message: '失败', newPassword: REDACTED })
    expect(record.error.message).toBe('boom')
  })

  it('survives cyclic fields', () => {
    const a: Record<string, unknown> = {}
    a.self = a
    expect(redact(a)).toEqual({ self: '[循环引用]' })
  })
})
