import { describe, expect, it } from 'vitest'
import { databaseRateLimitStore } from '../../src/server/http/rate-limit-store'
import { BACKENDS, useBackend } from './helpers/backends'

type Result = { current: number; ttl: number }

describe.each(BACKENDS)('rate-limit counters in the database (%s)', (kind) => {
  const backend = useBackend(kind)

  it('counts per key in a window from its first request, restarts after it, and reads without counting', async () => {
    const { db } = await backend.fresh()
    let now = 1_000_000
    const Store = databaseRateLimitStore(db, () => now)
    const a = new Store()
    const b = new Store().child()
    const incr = (s: InstanceType<typeof Store>, key: string) =>
      new Promise<Result>((resolve, reject) =>
        s.incr(key, (e, r) => (e ? reject(e) : resolve(r!)), 60_000),
      )
    const read = (key: string) =>
      new Promise<Result>((resolve, reject) =>
        a.read(key, (e, r) => (e ? reject(e) : resolve(r!)), 60_000),
      )
    expect(await incr(a, 't:x')).toEqual({ current: 1, ttl: 60_000 })
    now += 10_000
    // Another store object (another instance) counts the same key.
    expect(await incr(b, 't:x')).toEqual({ current: 2, ttl: 50_000 })
    expect(await incr(a, 't:y')).toEqual({ current: 1, ttl: 60_000 })
    expect(await read('t:x')).toEqual({ current: 2, ttl: 50_000 })
    expect(await read('t:x')).toEqual({ current: 2, ttl: 50_000 })
    now += 50_000
    expect(await read('t:x')).toEqual({ current: 0, ttl: 0 })
    expect(await incr(a, 't:x')).toEqual({ current: 1, ttl: 60_000 })
    expect(await read('t:nobody')).toEqual({ current: 0, ttl: 0 })
  })
})
