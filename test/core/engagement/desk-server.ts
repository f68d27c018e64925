import { seededRandom } from '../../../src/core/sync/backoff'
import { FIXED_NOW } from '../../helpers/test-clock'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { startTestServer, type TestServer } from '../sync/helpers'
import { LEADER, loginAs, OFFICER, REVIEWER } from './helpers'

/**
 * A real district server (in-process, its clock `clock`, default FIXED_NOW) with department GX01,
 * and a desk with officer, reviewer and leader wired to it, the officer logged in. The caller
 * cleans up both (`t.cleanup()`, `server.destroy()`).
 */
export async function deskWithServer(
  options: { clock?: () => Date; seed?: number } = {},
): Promise<{ server: TestServer; token: string; t: TestCore }> {
  const server = await startTestServer({ clock: options.clock ?? (() => FIXED_NOW) })
  const token = await server.department('GX01')
  const t = await createTestCore({
    sync: { autoStart: false, random: seededRandom(options.seed ?? 5) },
  })
  for (const [u, roles] of [
    [OFFICER, ['officer']],
    [REVIEWER, ['reviewer']],
    [LEADER, ['leader']],
  ] as const) {
    await t.call('users:create', { ...u, roles: [...roles] })
  }
  await t.call('sync:update-settings', { serverUrl: server.url, token })
  await loginAs(t, OFFICER)
  return { server, token, t }
}
