import { describe, expect, it } from 'vitest'
import { addressKey } from '../../src/server/http/rate-limit'
import { BACKENDS, useBackend } from './helpers/backends'
import { department, useServers } from './helpers/test-server'

/**
 * Review finding 17: an IPv6 client holds a whole /64 (and can pick any address in it), so the
 * per-address limits count the /64, not the /128.
 */
describe('the per-address limiter key', () => {
  it('is the /64 for IPv6, the address for IPv4 (also IPv4-mapped)', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'))
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'))
    expect(addressKey('::ffff:10.0.0.7')).toBe(addressKey('10.0.0.7'))
    expect(addressKey('10.0.0.7')).not.toBe(addressKey('10.0.0.8'))
    expect(addressKey('::1')).toBe(addressKey('::2'))
  })
})

describe.each(BACKENDS)('IPv6 clients are limited per /64 (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('gives the addresses of one /64 one budget, another /64 its own', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { rateLimit: { max: 100, timeWindowMs: 60_000, addressMax: 3 } })
    await department(db, 'A')
    const from = (remoteAddress: string) =>
      app.inject({ method: 'GET', url: '/api/v1/changes', remoteAddress })
    const statuses: number[] = []
    for (let i = 1; i <= 5; i++) statuses.push((await from(`2001:db8:1:2::${i}`)).statusCode)
    expect(statuses).toEqual([401, 401, 401, 429, 429])
    expect((await from('2001:db8:1:3::1')).statusCode).toBe(401)
  })
})
