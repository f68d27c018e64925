import type { Kysely } from 'kysely'
import type { CannotDecideReason, ReviewChainStep } from '../../../shared/review/types'
import type { Actor } from '../../accounts/actor'
import type { DB } from '../../db/schema'
import type { ItemRow } from '../../db/tables/drafting'
import type { ParsedReview } from './rows'

/**
 * Who counts as an author of an item for separation of duties (保密审查: the person who drafted an
 * item never signs its review): the item's creator, whoever authored a revision since the item's
 * last approval (or any revision when it was never approved — masking during review counts), and
 * whoever submitted the review.
 */
export async function authorIds(
  db: Kysely<DB>,
  item: ItemRow,
  review: ParsedReview | null,
): Promise<Set<string>> {
  const lastApproved = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('item_id', '=', item.id)
    .where('state', '=', 'approved')
    .executeTakeFirst()
  const since = Number(lastApproved?.revision ?? 0)
  const revisions = await db
    .selectFrom('item_revisions')
    .select('author_id')
    .distinct()
    .where('item_id', '=', item.id)
    .where('revision', '>', since)
    .execute()
  const ids = new Set<string>([item.author_id, ...revisions.map((r) => r.author_id)])
  if (review) ids.add(review.row.submitted_by)
  return ids
}

/**
 * One review round as separation of duties sees it: an item's review (ParsedReview) or a 政策问答
 * round (core/engagement/qa-review.ts) — its state, current step, submission time, referral and
 * the chain of steps it was submitted under.
 */
export interface DecidableRound {
  row: { state: string; current_step: number | null; submitted_at: string; referred: number }
  steps: readonly ReviewChainStep[]
}

/** What separation of duties needs to know about one would-be decider of one review. */
export interface DeciderFacts {
  authors: ReadonlySet<string>
  /** Who decided (in their own judgement) a step of this round other than its current one. */
  otherStepDeciders: ReadonlySet<string>
  /** The decider's account: when it was created and when an administrator last reset its password. */
  account: { createdAt: string; passwordResetAt: string | null } | null
}

/**
 * Everything decideCheck needs for `actorId` on `review`: the item's authors, who decided the
 * round's other steps, and the decider's account dates (read from the store, never from the
 * session, so a reset in another window counts at once).
 */
export async function deciderFacts(
  db: Kysely<DB>,
  item: ItemRow,
  review: ParsedReview | null,
  actorId: string,
): Promise<DeciderFacts> {
  const authors = await authorIds(db, item, review)
  const otherStepDeciders = new Set<string>()
  if (review) {
    const rows = await db
      .selectFrom('review_decisions')
      .select(['decider_id', 'step_index', 'superior_json'])
      .where('review_id', '=', review.row.id)
      .execute()
    for (const r of rows) {
      // Recording a superior authority's answer (条例第十七条) transcribes that authority's
      // decision; it is not the recorder's own judgement, so it does not use up the recorder.
      if (r.superior_json !== null) continue
      if (r.step_index !== review.row.current_step) otherStepDeciders.add(r.decider_id)
    }
  }
  return { authors, otherStepDeciders, account: await accountFacts(db, actorId) }
}

/**
 * The decider's account dates (creation, the last administrator reset), read from `users` — never
 * from the session, so a reset in another window counts at once.
 */
export async function accountFacts(
  db: Kysely<DB>,
  actorId: string,
): Promise<DeciderFacts['account']> {
  const user = await db
    .selectFrom('users')
    .select(['created_at', 'password_reset_at'])
    .where('id', '=', actorId)
    .executeTakeFirst()
  return user ? { createdAt: user.created_at, passwordResetAt: user.password_reset_at } : null
}

/**
 * Whether `actor` may decide `review`'s current step now, and if not why: the review must be open;
 * an author never decides (at any step, whatever roles they hold); each step of one round is
 * decided by a different person (保密审查: a chain of N steps needs N people besides the author);
 * an account created, or whose password an administrator reset, after the item was submitted
 * cannot decide on it (the administrator who made or reset it knows its password); the step's
 * role is needed; a referred review's superior answer is recorded by a leader or an administrator.
 */
export function decideCheck(
  actor: Actor,
  review: DecidableRound | null,
  facts: DeciderFacts,
): CannotDecideReason | null {
  if (!review || review.row.state !== 'open' || review.row.current_step === null) return 'not_open'
  if (facts.authors.has(actor.id)) return 'own_item'
  if (facts.otherStepDeciders.has(actor.id)) return 'decided_other_step'
  const submittedAt = review.row.submitted_at
  if (facts.account && facts.account.createdAt > submittedAt) return 'account_after_submission'
  if (facts.account?.passwordResetAt && facts.account.passwordResetAt > submittedAt) {
    return 'password_reset_after_submission'
  }
  if (review.row.referred === 1) {
    return actor.roles.includes('leader') || actor.roles.includes('admin')
      ? null
      : 'referred_needs_leader'
  }
  const step = review.steps[review.row.current_step]
  if (!step || !actor.roles.includes(step.role)) return 'wrong_role'
  return null
}
