import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, CHANNELS, type Channel } from '../../../src/shared/contract'
import { dumpDatabase } from '../../helpers/db-dump'
import { createTestCore, type TestCore } from '../../helpers/test-core'

let t: TestCore
let baseline: string

beforeAll(async () => {
  t = await createTestCore()
  baseline = dumpDatabase(t.dbPath)
})
afterAll(async () => t.cleanup())

/** Values that are not what any channel expects, including prototype-pollution attempts. */
const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
  }),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'username', 'password', 'file', 'id'),
    fc.anything(),
  ),
  fc.record({ username: fc.string({ minLength: 200, maxLength: 5000 }), password: fc.string() }),
  fc.record({ url: fc.string({ maxLength: 3000 }) }),
  fc.record({ lockAfterMinutes: fc.oneof(fc.double(), fc.string(), fc.constant(-1)) }),
  fc.record({ offset: fc.anything(), limit: fc.anything() }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.string({ minLength: 100_000, maxLength: 100_001 }),
)

describe('dispatch under hostile input', () => {
  it.each(CHANNELS)('%s: never throws, answers VALIDATION and writes nothing', async (channel) => {
    await fc.assert(
      fc.asyncProperty(hostile, async (payload) => {
        fc.pre(!contract[channel as Channel].input.safeParse(payload).success)
        const result = await t.core.dispatch(channel, payload)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.error.code).toBe('VALIDATION')
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: 60 },
    )
    expect(dumpDatabase(t.dbPath)).toBe(baseline)
    // The session survived: invalid input never reaches a handler (no logout, no lock).
    expect(await t.call('app:state', {})).toMatchObject({ locked: false })
    expect((await t.call('app:state', {})).session).not.toBeNull()
  })
})
