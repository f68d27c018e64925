import type { FastifyInstance, InjectOptions } from 'fastify'
import type { Kysely } from 'kysely'
import { afterEach } from 'vitest'
import type { ServerDB } from '../../../src/server/db/schema'
import { createDepartment } from '../../../src/server/departments/departments-service'
import { buildServer, type BuildServerOptions } from '../../../src/server/http/app'

/** The tests' fixed "now". */
export const NOW = new Date('2026-11-26T08:00:00.000Z')

/** Builds servers for the current test and closes them after it. */
export function useServers() {
  const apps: FastifyInstance[] = []
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close()
  })
  return async (db: Kysely<ServerDB>, options: Partial<BuildServerOptions> = {}) => {
    const app = await buildServer({
      db,
      clock: () => NOW,
      logger: false,
      rateLimit: false,
      view: { openWithoutPassword: true },
      ...options,
    })
    apps.push(app)
    return app
  }
}

/** Creates a department and returns its token. */
export async function department(db: Kysely<ServerDB>, code: string, name = `${code}局`) {
  return createDepartment(db, { code, name }, NOW.toISOString())
}

/** An authenticated JSON request through `app.inject`. */
export function call(
  app: FastifyInstance,
  token: string | null,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
) {
  return app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  })
}
