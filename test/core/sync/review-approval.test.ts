import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  approve,
  LEADER,
  loginAdmin,
  loginAs,
  newItem,
  OFFICER,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'
import { wireContentHash } from '../../../src/shared/sync/wire'
import { fieldsOf } from '../items/helpers'
import { serverItem, startTestServer, type TestServer } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

it('an item approved through the review channels reaches the district at the approved revision', async () => {
  const t = await reviewCore()
  try {
    await loginAdmin(t)
    const token = await server.department('REVIEWED')
    await t.call('sync:update-settings', { serverUrl: server.url, token })
    await loginAs(t, OFFICER)
    const item = await newItem(t, { title: '关于公布行政事业性收费目录的通知' })
    await submit(t, item)
    await loginAs(t, REVIEWER)
    await approve(t, item.id)
    await loginAs(t, LEADER)
    const done = await approve(t, item.id)
    expect(done.item.status).toBe('approved')
    // Edited after the final approval: the district still gets what was approved.
    await loginAs(t, OFFICER)
    await t.call('items:save', {
      ...fieldsOf(done.item),
      title: '标题改了但未重新审查',
      confirmRevision: true,
    })

    expect(await t.core.sync.runOnce()).toEqual({ kind: 'done' })
    const stored = await serverItem(server, token, item.id)
    expect(stored).toMatchObject({ revision: item.revision })
    expect(stored?.contentHash).toBe(await wireContentHash(stored?.item))
    expect(stored?.item).toMatchObject({
      approvedContentHash: `sha256:${item.contentHash}`,
      title: '关于公布行政事业性收费目录的通知',
      approvedBy: LEADER.displayName,
      indexNo: done.item.indexNumber,
    })
  } finally {
    await t.cleanup()
  }
})
