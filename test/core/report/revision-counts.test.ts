import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Store } from '../../../src/core/db/database'
import {
  countDecisionItems,
  countInterpretations,
  countPublishedByKind,
  countRegulations,
} from '../../../src/core/report/store-counts'
import type { ItemView } from '../../../src/shared/items/types'
import type { TestCore } from '../../helpers/test-core'
import {
  approve,
  fieldsOf,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  query,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'

/**
 * 修订稿 (issue 10) and the annual report (条例第五十条): an item whose approved revision stays in
 * force while a working revision is edited is still counted — by the revision in force, its 体裁,
 * dates and 有效性, not the working revision's (which may change them before it is approved).
 */

let t: TestCore
let store: Store
const items: Record<string, ItemView> = {}

async function approveThroughChain(item: ItemView): Promise<void> {
  await submit(t, item)
  await loginAs(t, REVIEWER)
  await approve(t, item.id)
  await loginAs(t, LEADER)
  await approve(t, item.id)
  await loginAs(t, OFFICER)
}

/** Starts a 修订稿 that moves every field the report reads out of 2024 (or out of the count). */
async function reviseAway(item: ItemView): Promise<void> {
  const current = await t.call('items:get', { id: item.id })
  const saved = await t.call('items:save', {
    ...fieldsOf(current),
    kind: 'other',
    genreId: null,
    signedDate: '2026-11-20',
    plannedPublishDate: '2026-11-30',
    confirmRevision: true,
  })
  expect(saved.status).toBe('draft')
  expect(saved.liveRevision).toEqual({ revision: current.revision, status: 'approved' })
}

beforeAll(async () => {
  t = await reviewCore()
  const [normative] = query<{ id: string }>(
    t,
    "SELECT id FROM genres WHERE name = '行政规范性文件'",
  )
  expect(normative).toBeDefined()
  items.normative = await newItem(t, {
    kind: 'policy',
    genreId: normative!.id,
    signedDate: '2024-03-01',
    plannedPublishDate: '2024-03-05',
  })
  items.penalty = await newItem(t, {
    kind: 'penalty',
    title: '行政处罚决定书（淄高新罚〔2024〕3号）',
    signedDate: '2024-05-10',
  })
  items.interpretation = await newItem(t, {
    kind: 'interpretation',
    title: '关于实施意见的政策解读',
    signedDate: '2024-03-02',
    plannedPublishDate: '2024-03-06',
  })
  await t.call('items:link', {
    policyId: items.normative.id,
    interpretationId: items.interpretation.id,
  })
  for (const item of Object.values(items)) await approveThroughChain(item)
  store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
})

afterAll(async () => {
  await store?.db.destroy()
  await t.cleanup()
})

async function counts() {
  return {
    regulations: (await countRegulations(store.db, 2024)).normative,
    published: Object.fromEntries(
      (await countPublishedByKind(store.db, 2024)).map((r) => [r.kind, r.count]),
    ),
    decisions: await countDecisionItems(store.db, 2024),
    interpretations: (await countInterpretations(store.db, 2024)).total,
  }
}

describe('the annual report counts the revision in force of an item under revision', () => {
  it('a 修订稿 that changes 类别, 体裁 and dates leaves the approved revision counted as it was', async () => {
    const before = await counts()
    expect(before).toEqual({
      regulations: { made: 1, repealed: 0, inForce: 1, total: 1 },
      published: { policy: 1, penalty: 1, interpretation: 1 },
      decisions: { permit: 0, penalty: 1, enforcement: 0 },
      interpretations: 1,
    })
    for (const item of Object.values(items)) await reviseAway(item)
    expect(await counts()).toEqual(before)
  })
})
