import { describe, expect, it } from 'vitest'
import { parseServerArgs, UsageError } from '../../src/server/cli/server-options'
import { BACKENDS, useBackend } from './helpers/backends'
import { department, useServers } from './helpers/test-server'

/**
 * Review finding 8: `--trust-proxy` used to trust every X-Forwarded-For, so any client could pick
 * its own address and walk around the pre-authentication limit. It now names the proxies (address
 * list / CIDR), never "everyone"; no hop count (it cannot tell the proxy from a direct client).
 */
describe('--trust-proxy takes the addresses of the proxies, never true', () => {
  it('parses an address list with CIDRs', () => {
    const args = (v: string) => parseServerArgs(['--data', 'd', '--trust-proxy', v], {}).trustProxy
    expect(args('10.0.0.5')).toEqual(['10.0.0.5'])
    expect(args('10.0.0.5, 10.1.0.0/16,fd00::/8,loopback')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      'loopback',
    ])
    expect(parseServerArgs(['--data', 'd'], {}).trustProxy).toBe(false)
  })

  it('refuses a bare flag, true, and a hop count and anything that is not an address or CIDR', () => {
    for (const argv of [
      ['--trust-proxy'],
      ['--trust-proxy', 'true'],
      ['--trust-proxy', '0'],
      ['--trust-proxy', '1'],
      ['--trust-proxy', '0.0.0.0/0'],
      ['--trust-proxy', '::/0'],
      ['--trust-proxy', '10.0.0.0/33'],
      ['--trust-proxy', 'proxy.example'],
      ['--trust-proxy', '10.0.0.1,'],
    ]) {
      expect(() => parseServerArgs(['--data', 'd', ...argv], {}), argv.join(' ')).toThrow(
        UsageError,
      )
    }
    expect(() => parseServerArgs(['--data', 'd', '--trust-proxy', 'true'], {})).toThrow(/负载均衡/)
  })
})

describe.each(BACKENDS)('a client cannot choose its address behind a named proxy (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('counts a direct client by its socket whatever X-Forwarded-For says; the proxy by its client', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, {
      trustProxy: ['10.0.0.1'],
      rateLimit: { max: 100, timeWindowMs: 60_000, addressMax: 3 },
    })
    await department(db, 'A')
    const from = (remoteAddress: string, forwarded: string) =>
      app.inject({
        method: 'GET',
        url: '/api/v1/changes',
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
      })
    const direct: number[] = []
    for (let i = 0; i < 5; i++) direct.push((await from('10.9.9.9', `192.0.2.${i}`)).statusCode)
    expect(direct).toEqual([401, 401, 401, 429, 429])
    // Through the proxy, each client has its own budget.
    expect((await from('10.0.0.1', '192.0.2.50')).statusCode).toBe(401)
    expect((await from('10.0.0.1', '192.0.2.51')).statusCode).toBe(401)
  })

  it('refuses trustProxy: true when the server is built', async () => {
    const { db } = await backend.fresh()
    await expect(server(db, { trustProxy: true as never })).rejects.toThrow(/trustProxy/)
  })
})
