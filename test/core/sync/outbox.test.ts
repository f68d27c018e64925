import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Store } from '../../../src/core/db/database'
import { enqueueSync, type OutboxEntry } from '../../../src/core/sync/outbox'
import { makeTempDir } from '../../helpers/temp-dir'
import { createTestClock } from '../../helpers/test-clock'

const upsert = (entityId: string, revision: number): OutboxEntry => ({
  entity: 'item',
  entityId,
  op: 'upsert',
  revision,
  contentHash: `sha256:${entityId}${revision}`,
})

describe('sync outbox', () => {
  const clock = createTestClock().clock
  let temp: ReturnType<typeof makeTempDir>
  let store: Store

  beforeEach(async () => {
    temp = makeTempDir()
    store = await openDatabase(join(temp.dir, 'outbox.sqlite'), { appVersion: '0.1.0' })
  })
  afterEach(async () => {
    await closeDatabase(store)
    temp.cleanup()
  })

  const rows = async () =>
    (await store.db.selectFrom('sync_outbox').selectAll().orderBy('seq').execute()).map((r) => [
      r.entity_id,
      r.revision,
      r.state,
    ])

  it('queues an entry once however often the same revision is enqueued', async () => {
    await enqueueSync(store.db, upsert('a', 2), clock)
    await enqueueSync(store.db, upsert('a', 2), clock)
    expect(await rows()).toEqual([['a', 2, 'pending']])
  })

  it('supersedes an older pending upsert of the same item when a newer revision is queued', async () => {
    await enqueueSync(store.db, upsert('a', 1), clock)
    await enqueueSync(store.db, upsert('b', 1), clock)
    await enqueueSync(store.db, upsert('a', 3), clock)
    expect(await rows()).toEqual([
      ['a', 1, 'superseded'],
      ['b', 1, 'pending'],
      ['a', 3, 'pending'],
    ])
  })

  it('is rolled back with the transaction that queued it', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await enqueueSync(trx, upsert('a', 1), clock)
        throw new Error('decision failed')
      }),
    ).rejects.toThrow('decision failed')
    expect(await rows()).toEqual([])
  })
})
