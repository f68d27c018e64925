import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isLoopback, parseServerArgs, UsageError } from '../../src/server/cli/server-options'
import { makeTempDir } from '../helpers/temp-dir'
import { spawnServer } from './helpers/spawn-server'
import { TLS_CERT, TLS_KEY } from './helpers/tls'

describe('server command line', () => {
  it('defaults to SQLite in --data on 127.0.0.1 with a 20 MB body limit', () => {
    const s = parseServerArgs(['--data', '/tmp/x'], {})
    expect(s).toMatchObject({
      target: { kind: 'sqlite', dataDir: '/tmp/x' },
      host: '127.0.0.1',
      port: 8080,
      bodyLimit: 20 * 1024 * 1024,
      rateLimit: { max: 600, timeWindowMs: 60_000 },
      tls: null,
    })
  })

  it('uses PostgreSQL from DATABASE_URL, and reads the options', () => {
    const s = parseServerArgs(
      [
        '--port',
        '9000',
        '--host',
        '0.0.0.0',
        '--body-limit',
        '5mb',
        '--rate-limit',
        '100',
        '--rate-window',
        '10',
        '--tls-cert',
        'c.pem',
        '--tls-key',
        'k.pem',
      ],
      { DATABASE_URL: 'postgres://u@db/x', DISTRICT_VIEW_PASSWORD: 'pw' },
    )
    expect(s).toMatchObject({
      target: { kind: 'postgres', url: 'postgres://u@db/x' },
      host: '0.0.0.0',
      port: 9000,
      bodyLimit: 5 * 1024 * 1024,
      rateLimit: { max: 100, timeWindowMs: 10_000 },
      tls: { certPath: 'c.pem', keyPath: 'k.pem' },
      viewPassword: 'pw',
    })
    expect(parseServerArgs(['--data', 'd', '--rate-limit', '0'], {}).rateLimit).toBe(false)
  })

  it('refuses wrong command lines with a Chinese UsageError', () => {
    for (const argv of [
      [],
      ['--data', 'd', '--port', 'x'],
      ['--data', 'd', '--tls-cert', 'c'],
      ['--data', 'd', '--body-limit', 'lots'],
      ['--data', 'd', '--nope'],
    ]) {
      expect(() => parseServerArgs(argv, {}), argv.join(' ')).toThrow(UsageError)
    }
    expect(() => parseServerArgs([], { DATABASE_URL: 'mysql://x' })).toThrow(/postgres/)
  })

  it('knows which hosts are loopback', () => {
    expect(['127.0.0.1', 'localhost', '::1', '127.1.2.3'].every(isLoopback)).toBe(true)
    expect(['0.0.0.0', '10.0.0.5', '::'].some(isLoopback)).toBe(false)
  })

  it('starts with `--port 0 --data <dir>` and answers health over http', async () => {
    const { dir, cleanup } = makeTempDir('dd-server-')
    const server = await spawnServer(['--port', '0', '--data', dir])
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const res = await fetch(`${server.url}/api/v1/health`)
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ status: 'ok' })
      expect((await fetch(`${server.url}/api/v1/changes`)).status).toBe(401)
    } finally {
      await server.stop()
      cleanup()
    }
  }, 30_000)

  it('serves https with --tls-cert and --tls-key', async () => {
    const { dir, cleanup } = makeTempDir('dd-tls-')
    // A checked-in, test-only self-signed certificate: no openssl needed on the machine.
    const cert = TLS_CERT
    const key = TLS_KEY
    const server = await spawnServer([
      '--port',
      '0',
      '--data',
      join(dir, 'data'),
      '--tls-cert',
      cert,
      '--tls-key',
      key,
    ])
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${server.url}/api/v1/health`, { ca: readFileSync(cert) }, (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () => resolve(text))
        })
        req.on('error', reject)
        req.end()
      })
      expect(JSON.parse(body)).toMatchObject({ status: 'ok' })
    } finally {
      await server.stop()
      cleanup()
    }
  }, 30_000)
})
