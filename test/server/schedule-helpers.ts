import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { afterEach } from 'vitest'
import { runAdmin } from '../../src/server/cli/admin-commands'
import type { ServerDB } from '../../src/server/db/schema'
import { buildServer } from '../../src/server/http/app'
import { breakdownXlsx } from '../core/schedule/breakdown-fixtures'
import { OFFICER } from '../core/items/helpers'
import { createTestCore, type TestCore } from '../helpers/test-core'
import { makeTempDir } from '../helpers/temp-dir'
import type { useBackend } from './helpers/backends'
import { NOW } from './helpers/test-server'

/**
 * The 2026 breakdown the district publishes in these tests: 区财政局 owns task 1, 区教育局 task 2,
 * 各部门单位 task 3, both task 4 (牵头 + 配合), neither task 5 (区人社局).
 */
export function districtBreakdown(change?: (rows: (string | number | Date | null)[][]) => void) {
  return breakdownXlsx((rows) => {
    rows[0] = ['2026年淄博高新区政务公开重点工作分解表']
    rows[1] = ['填报单位：区政务公开办　　　　填报日期：2026年3月1日']
    rows[5] = [
      1,
      '助推高水平开放',
      '做好扩大有效投资政策公开',
      '政府网站',
      '区财政局',
      '2026年6月底前',
    ]
    rows[6] = [2, '', '做好招商引资政策解读', '政府网站', '区教育局', '持续推进']
    rows[7] = [
      3,
      '',
      '做好消费支持政策公开',
      '两微一端',
      '各部门单位',
      new Date(Date.UTC(2026, 11, 30)),
    ]
    rows[9] = [
      4,
      '政策解读',
      '开展重点领域政策解读',
      '政府网站',
      '区财政局（牵头）、区教育局',
      '2026年12月底前',
    ]
    rows[10] = [5, '', '实施政策集成式发布', '政务公开专区', '区人社局', '']
    change?.(rows)
  })
}

/** Runs `server:admin` in-process against the backend's current database. */
export function adminCli(backend: ReturnType<typeof useBackend>) {
  return async (...args: string[]) => {
    const target = backend.target()
    const out: string[] = []
    const err: string[] = []
    const argv = target.kind === 'sqlite' ? ['--data', target.dataDir, ...args] : args
    const env = target.kind === 'postgres' ? { DATABASE_URL: target.url } : {}
    const code = await runAdmin(
      argv,
      env,
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      () => NOW,
    )
    const last = out[out.length - 1]
    let json: Record<string, unknown> | null
    try {
      json = last ? (JSON.parse(last) as Record<string, unknown>) : null
    } catch {
      json = null
    }
    return { code, out, err, json }
  }
}

/** Writes `bytes` to a temp file (removed after the test) and returns its path. */
export function tempFile(name: string, bytes: Uint8Array, cleanups: (() => void)[]): string {
  const temp = makeTempDir('dd-breakdown-')
  cleanups.push(temp.cleanup)
  const path = join(temp.dir, name)
  writeFileSync(path, bytes)
  return path
}

/** A listening server on `db` (desks talk to it over real HTTP), closed after the test. */
export function useListeningServer() {
  const apps: FastifyInstance[] = []
  afterEach(async () => {
    for (const app of apps.splice(0)) {
      app.server.closeAllConnections()
      await app.close()
    }
  })
  return async (db: Kysely<ServerDB>, clock: () => Date = () => NOW) => {
    const app = await buildServer({
      db,
      clock,
      logger: false,
      rateLimit: false,
      view: { openWithoutPassword: true },
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    apps.push(app)
    return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
  }
}

/** A department's desk connected to `url` with `token`, logged in as the officer 张起草. */
export async function departmentDesk(url: string, token: string): Promise<TestCore> {
  const t = await createTestCore({ sync: { autoStart: false } })
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  await t.call('sync:update-settings', { serverUrl: url, token })
  await t.send('auth:logout', {})
  await t.call('auth:login', { username: OFFICER.username, password: OFFICER.password })
  return t
}
