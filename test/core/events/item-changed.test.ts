import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../src/core/events/bus'
import { itemSaveSchema } from '../../../src/shared/items/schemas'
import type { TestCore } from '../../helpers/test-core'
import {
  approve,
  decision,
  fieldsOf,
  LEADER,
  loginAs,
  newItem,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'

/** Editing a 待审查 item asks first (issue 10, 修订稿) once the schema has the flag. */
const confirmation = (
  'confirmRevision' in itemSaveSchema.shape ? { confirmRevision: true } : {}
) as Record<string, never>

type Seen = Pick<
  EventPayload<'item.changed'>,
  'itemId' | 'change' | 'before' | 'after' | 'revision' | 'contentChanged'
> & { actor: string | null; inTransaction: boolean }

describe("'item.changed' (the item-change hook)", () => {
  let t: TestCore
  let seen: Seen[]
  beforeEach(async () => {
    t = await reviewCore()
    seen = []
    t.core.events.on('item.changed', async (e) => {
      // The listener runs inside the change's transaction: it sees the row as the change left it.
      const row = await e.db
        .selectFrom('items')
        .select('status')
        .where('id', '=', e.itemId)
        .executeTakeFirstOrThrow()
      seen.push({
        itemId: e.itemId,
        change: e.change,
        before: e.before,
        after: e.after,
        revision: e.revision,
        contentChanged: e.contentChanged,
        actor: e.actor?.displayName ?? null,
        inTransaction: row.status === e.after,
      })
    })
  })
  afterEach(() => t.cleanup())

  it('is emitted by commitChange on create and on every save, with the status it leaves', async () => {
    const item = await newItem(t, { title: '关于开展安全检查的通知' })
    const saved = await t.call('items:save', {
      ...fieldsOf(item),
      id: item.id,
      baseRevision: item.revision,
      title: '关于开展安全生产检查的通知',
    })
    expect(seen).toEqual([
      {
        itemId: item.id,
        change: 'content',
        before: null,
        after: 'draft',
        revision: 1,
        contentChanged: true,
        actor: '张起草',
        inTransaction: true,
      },
      {
        itemId: item.id,
        change: 'content',
        before: 'draft',
        after: 'draft',
        revision: saved.revision,
        contentChanged: true,
        actor: '张起草',
        inTransaction: true,
      },
    ])
  })

  it('is emitted by submit, the final approval and a return, never by a middle step', async () => {
    const item = await newItem(t, { title: '年度工作要点' })
    await submit(t, item)
    await loginAs(t, REVIEWER)
    await approve(t, item.id) // step 1 of 2: the item stays 待审查
    await loginAs(t, LEADER)
    await t.call(
      'review:decide',
      await decision(t, item.id, { decision: 'return', comments: [{ text: '请补充依据' }] }),
    )
    const status = seen.filter((e) => e.change === 'status')
    expect(status.map((e) => [e.before, e.after, e.actor])).toEqual([
      ['draft', 'pending_review', '张起草'],
      ['pending_review', 'returned', '刘签发'],
    ])
    expect(status.every((e) => e.inTransaction && !e.contentChanged)).toBe(true)
  })

  it('carries the cancellation of an open review and the search reindex as listeners', async () => {
    const item = await newItem(t, { title: '旧标题' })
    const review = await submit(t, item)
    await t.call('items:save', {
      ...fieldsOf(review.item),
      id: item.id,
      baseRevision: review.item.revision,
      title: '新的检索词标题',
      ...confirmation,
    })
    const view = await t.call('review:get', { itemId: item.id })
    expect(view.review === null || view.review.state !== 'open').toBe(true)
    const found = await t.call('items:search', { text: '检索词' })
    expect(found.rows.map((r) => r.id)).toContain(item.id)
  })

  it('core/items imports neither review nor search: they subscribe (core/events/listeners.ts)', () => {
    const commit = readFileSync('src/core/items/commit.ts', 'utf8')
    expect(commit).not.toMatch(/from '\.\.\/(review|search)\//)
    const listeners = readFileSync('src/core/events/listeners.ts', 'utf8')
    expect(listeners).toContain("bus.on('item.changed', reindexOnItemChange)")
    expect(listeners).toContain("bus.on('item.changed', cancelReviewsOnContentChange)")
  })
})
