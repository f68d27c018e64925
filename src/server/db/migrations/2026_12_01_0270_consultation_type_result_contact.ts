import { sql, type Kysely } from 'kysely'
import { maskContact } from '../../../core/requests/personal'

/**
 * 意见征集, second step (issue 14):
 * - `consultation_comments.commenter_type`: the 身份 a commenter chose on the public form (个人 /
 *   企业 / 行业协会商会 / 专家学者 / 其他, the desk's vocabulary), null when not chosen;
 * - `consultations.result_item_id`: the adoption result (意见采纳情况说明) item the desk names once
 *   it generated it — the closed page links it when the district holds it as published;
 * - the public's contact is kept masked only (no district screen or API uses the full contact;
 *   the department only ever receives the masked form): the rows stored in full before this
 *   migration are masked now, and the masking is recorded in the district's audit trail.
 * Same on SQLite and PostgreSQL. Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consultation_comments').addColumn('commenter_type', 'text').execute()
  await db.schema.alterTable('consultations').addColumn('result_item_id', 'text').execute()

  const rows = await sql<{ id: string; contact: string }>`
    select id, contact from consultation_comments where contact <> ''`.execute(db)
  let masked = 0
  for (const r of rows.rows) {
    const value = maskContact(r.contact)
    if (value === r.contact) continue
    await sql`update consultation_comments set contact = ${value} where id = ${r.id}`.execute(db)
    masked++
  }
  if (masked > 0) {
    await sql`insert into district_audit (at, actor_id, actor_name, action, target, detail_json)
      values (${new Date().toISOString()}, ${null}, ${'数据库迁移'}, ${'consultation.contacts-masked'},
        ${null}, ${JSON.stringify({ comments: masked })})`.execute(db)
  }
}
