import { closeDatabase, openDatabase, type Store } from '../../../src/core/db/database'
import { seededRandom } from '../../../src/core/sync/backoff'
import type { FetchLike } from '../../../src/core/sync/http-client'
import type { SyncWorkerOptions } from '../../../src/core/sync/worker'
import type { ItemView } from '../../../src/shared/items/types'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { loginAdmin, loginAs, newItem, OFFICER } from '../items/helpers'
import { approveDirect, type TestServer } from './helpers'

/** A desk wired to `server`: admin configured URL + token, logged in as the officer 张起草. */
export interface SyncDesk {
  t: TestCore
  /** A second connection to the desk's database, for the approval stand-in and assertions. */
  store: Store
  token: string
  /** Every request the worker made: method and path. */
  requests: string[]
  /** Makes an item (as the officer) and approves it; returns the view at approval. */
  approvedItem(title?: string): Promise<ItemView>
  close(): Promise<void>
}

let codes = 0

/** A fresh desk and a fresh department on `server`. */
export async function syncDesk(
  server: TestServer,
  options: { sync?: SyncWorkerOptions; token?: string } = {},
): Promise<SyncDesk> {
  const token = options.token ?? (await server.department(`D${++codes}${Date.now() % 1000}`))
  const requests: string[] = []
  const base: FetchLike = options.sync?.fetch ?? ((input, init) => fetch(input, init))
  const counting: FetchLike = (input, init) => {
    requests.push(`${init.method ?? 'GET'} ${new URL(input).pathname}`)
    return base(input, init)
  }
  const t = await createTestCore({
    // The items' suites see the items' requests only; the sync extensions (schedule …) are
    // tested in their own suites (test/core/sync/extensions.test.ts, test/server/schedule*.test.ts).
    sync: {
      autoStart: false,
      random: seededRandom(7),
      extensions: [],
      ...options.sync,
      fetch: counting,
    },
  })
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  await t.call('sync:update-settings', { serverUrl: server.url, token })
  await loginAs(t, OFFICER)
  const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  return {
    t,
    store,
    token,
    requests,
    approvedItem: async (title = '关于开展2026年度政务公开工作的通知') => {
      const item = await newItem(t, { title })
      await approveDirect(store.db, item.id, t.clock.clock)
      return t.call('items:get', { id: item.id })
    },
    close: async () => {
      await closeDatabase(store)
      await t.cleanup()
    },
  }
}

export { loginAdmin, loginAs, OFFICER }
