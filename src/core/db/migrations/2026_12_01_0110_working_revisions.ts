import { sql, type Kysely } from 'kysely'

/**
 * Issue 10 (修订稿 — no approval is voided by a stray keystroke): an approved or published item that
 * is edited (after the officer confirmed) keeps its approved revision in force — it is what syncs
 * and what the district publishes — while the edit is a working revision (修订稿) that goes through
 * review and replaces the approved one only when approved itself.
 * - `items.live_revision`: the approved revision still in force while a working revision exists;
 *   null when the item has none (the current revision is the approved one, or nothing is approved);
 * - `items.live_status`: 'approved' (已通过, maybe not yet sent) or 'synced' (已同步) of that revision;
 * - `items.live_content_hash`: the content hash its approval bound.
 * The three are set only while the item's own status is a working status (草稿 / 待审查 / 退回修改).
 * The trigger keeps that invariant on every path that moves the status elsewhere (the approval of
 * the working revision replaces the approved one; 撤回 ends it), whoever writes the update.
 * Immutable once released; typed `Kysely<unknown>`: a migration must not depend on today's types.
 */
const statements = [
  sql`ALTER TABLE items ADD COLUMN live_revision INTEGER`,
  sql`ALTER TABLE items ADD COLUMN live_status TEXT CHECK (live_status IN ('approved', 'synced'))`,
  sql`ALTER TABLE items ADD COLUMN live_content_hash TEXT`,
  sql`CREATE TRIGGER items_live_revision_ends
    AFTER UPDATE OF status ON items
    WHEN NEW.status NOT IN ('draft', 'pending_review', 'returned') AND NEW.live_revision IS NOT NULL
    BEGIN
      UPDATE items SET live_revision = NULL, live_status = NULL, live_content_hash = NULL
      WHERE rid = NEW.rid;
    END`,
  sql`CREATE INDEX items_live ON items (live_revision) WHERE live_revision IS NOT NULL`,
]

/** Adds the columns, the trigger and the index above. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db)
}
