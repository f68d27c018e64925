import type { Kysely } from 'kysely'
import type { CannotDecideReason } from '../../../shared/review'
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
 * Whether `actor` may decide `review`'s current step now, and if not why: the review must be open;
 * an author never decides (at any step, whatever roles they hold); the step's role is needed; a
 * referred review's superior answer is recorded by a leader or an administrator.
 */
export function decideCheck(
  actor: Actor,
  review: ParsedReview | null,
  authors: ReadonlySet<string>,
): CannotDecideReason | null {
  if (!review || review.row.state !== 'open' || review.row.current_step === null) return 'not_open'
  if (authors.has(actor.id)) return 'own_item'
  if (review.row.referred === 1) {
    return actor.roles.includes('leader') || actor.roles.includes('admin')
      ? null
      : 'referred_needs_leader'
  }
  const step = review.steps[review.row.current_step]
  if (!step || !actor.roles.includes(step.role)) return 'wrong_role'
  return null
}
