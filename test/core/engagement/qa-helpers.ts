import type { ChannelInput } from '../../../src/shared/contract'
import type { TestCore } from '../../helpers/test-core'
import { LEADER, loginAs, OFFICER, REVIEWER } from './helpers'

/** A decision at the current step of the entry's open round, as the Q&A tab sends it. */
export async function qaDecision(
  t: TestCore,
  id: string,
  fields: Partial<ChannelInput<'engagement:qa-review'>> = {},
): Promise<ChannelInput<'engagement:qa-review'>> {
  const view = await t.call('engagement:qa-review-get', { id })
  if (!view.round) throw new Error('no round')
  return {
    id,
    reviewId: view.round.id,
    stepIndex: view.round.currentStep ?? 0,
    contentHash: view.entry.contentHash,
    decision: 'approve',
    note: '',
    highReasons: [],
    ...fields,
  }
}

/** Approves the current step as the logged-in user. */
export async function qaApprove(
  t: TestCore,
  id: string,
  fields: Partial<ChannelInput<'engagement:qa-review'>> = {},
) {
  return t.call('engagement:qa-review', await qaDecision(t, id, fields))
}

/**
 * Submits the entry as the officer and passes the default chain (保密审核 by 李审核, 领导签发 by
 * 刘签发), then logs back in as the officer.
 */
export async function passQaReview(t: TestCore, id: string): Promise<void> {
  await loginAs(t, OFFICER)
  await t.call('engagement:qa-submit', { id })
  await loginAs(t, REVIEWER)
  await qaApprove(t, id)
  await loginAs(t, LEADER)
  await qaApprove(t, id)
  await loginAs(t, OFFICER)
}
