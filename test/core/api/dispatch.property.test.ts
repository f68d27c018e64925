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

/** One million characters. */
const HUGE = 'x'.repeat(1_000_000)

/** 10,000 levels of nesting, built without recursion. */
function nested(wrap: (inner: unknown) => unknown): unknown {
  let v: unknown = 'leaf'
  for (let i = 0; i < 10_000; i++) v = wrap(v)
  return v
}
const DEEP_ARRAY = nested((inner) => [inner])
const DEEP_OBJECT = nested((inner) => ({ a: inner }))

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
  // Issue 8 point 10: NUL and other control characters, 1 M-character strings, deep nesting.
  fc.record({ text: fc.constantFrom('a\u0000b', '\u0000', 'x\u001by', '\u007f') }),
  fc.dictionary(
    fc.constantFrom('title', 'text', 'id', 'username', 'file', 'docNumber'),
    fc.constantFrom('标题\u0000', '\u0000'.repeat(50), 'ok\u0008'),
  ),
  fc.constant({ title: HUGE, text: HUGE, id: HUGE, username: HUGE }),
  fc.constant(HUGE),
  fc.constant(DEEP_ARRAY),
  fc.constant(DEEP_OBJECT),
  fc.constant({ statuses: DEEP_ARRAY, questions: DEEP_OBJECT }),
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

/** English type words zod's own messages carry; none may reach the officer. */
const ENGLISH =
  /\b(string|number|boolean|object|array|expected|received|undefined|bigint|symbol|instanceof|Invalid|nan)\b/i

/** The top-level fields of a channel's input schema (empty when it is not an object schema). */
function fieldsOf(channel: Channel): string[] {
  const schema = contract[channel].input as unknown as {
    shape?: Record<string, unknown>
    _zod?: { def?: { shape?: Record<string, unknown> } }
  }
  return Object.keys(schema.shape ?? schema._zod?.def?.shape ?? {})
}

const WRONG: unknown[] = [123, 'x', true, [], {}, null, -1.5, ['x'], { a: 1 }]

describe('every channel answers wrong types in Chinese (one error map)', () => {
  it.each(CHANNELS)('%s', async (channel) => {
    const payloads: unknown[] = [...WRONG]
    for (const field of fieldsOf(channel as Channel)) {
      for (const w of WRONG) payloads.push({ [field]: w })
    }
    for (const payload of payloads) {
      // Only wrong input: a valid one would run the handler (log out, lock …).
      if (contract[channel as Channel].input.safeParse(payload).success) continue
      const result = await t.core.dispatch(channel, payload)
      if (result.ok) continue
      expect(result.error.code).not.toBe('INTERNAL')
      expect(result.error.message).not.toMatch(ENGLISH)
      for (const d of (result.error.details ?? []) as { message: string }[]) {
        expect(d.message).not.toMatch(ENGLISH)
      }
    }
    expect(dumpDatabase(t.dbPath)).toBe(baseline)
  })
})
