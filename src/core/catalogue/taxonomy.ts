import type { Kysely } from 'kysely'
import type { Genre, Taxonomy, TopicNode } from '../../shared/catalogue/types'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { requireCatalogueEditor } from '../items/permissions'
import { auditActor } from '../accounts/actor'

/** 主题分类 (two levels) and 体裁分类, in their display order. */
export async function listTaxonomy(db: Kysely<DB>): Promise<Taxonomy> {
  const topics = await db
    .selectFrom('topics')
    .selectAll()
    .orderBy('position')
    .orderBy('created_at')
    .execute()
  const node = (t: (typeof topics)[number]): TopicNode => ({
    id: t.id,
    name: t.name,
    parentId: t.parent_id,
    builtin: t.builtin === 1,
    children: [],
  })
  const first = topics.filter((t) => t.parent_id === null).map(node)
  for (const t of topics) {
    if (t.parent_id !== null) first.find((f) => f.id === t.parent_id)?.children.push(node(t))
  }
  const genres = await db.selectFrom('genres').selectAll().orderBy('position').execute()
  return {
    topics: first,
    genres: genres.map((g) => ({ id: g.id, name: g.name, builtin: g.builtin === 1 })),
  }
}

/** Adds a first- or second-level topic (two levels only); names are unique under one parent. */
export async function addTopic(
  db: Kysely<DB>,
  actor: Actor,
  input: { parentId?: string | null; label: string },
  clock: Clock,
  ids: IdSource,
): Promise<TopicNode> {
  requireCatalogueEditor(actor)
  const parentId = input.parentId ?? null
  return db.transaction().execute(async (trx) => {
    if (parentId !== null) {
      const parent = await trx
        .selectFrom('topics')
        .select(['id', 'parent_id'])
        .where('id', '=', parentId)
        .executeTakeFirst()
      if (!parent) throw new AppError('VALIDATION', '上级分类不存在，请重新选择')
      if (parent.parent_id !== null)
        throw new AppError('VALIDATION', '主题分类只有两级：请在一级分类下新增')
    }
    const siblings = await trx
      .selectFrom('topics')
      .select(['name', 'position'])
      .where((eb) =>
        parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId),
      )
      .execute()
    if (siblings.some((s) => s.name === input.label)) {
      throw new AppError('CONFLICT', `已有名为「${input.label}」的分类`)
    }
    const id = ids()
    const position = Math.max(0, ...siblings.map((s) => s.position)) + 1
    await trx
      .insertInto('topics')
      .values({
        id,
        parent_id: parentId,
        name: input.label,
        position,
        builtin: 0,
        created_at: clock().toISOString(),
      })
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'taxonomy.add_topic',
        target: `topic:${id}`,
        detail: { name: input.label, parentId },
      },
      clock,
    )
    return { id, name: input.label, parentId, builtin: false, children: [] }
  })
}

/** Adds a 体裁分类. */
export async function addGenre(
  db: Kysely<DB>,
  actor: Actor,
  input: { label: string },
  clock: Clock,
  ids: IdSource,
): Promise<Genre> {
  requireCatalogueEditor(actor)
  return db.transaction().execute(async (trx) => {
    const all = await trx.selectFrom('genres').select(['name', 'position']).execute()
    if (all.some((g) => g.name === input.label))
      throw new AppError('CONFLICT', `已有体裁「${input.label}」`)
    const id = ids()
    await trx
      .insertInto('genres')
      .values({
        id,
        name: input.label,
        position: Math.max(0, ...all.map((g) => g.position)) + 1,
        builtin: 0,
        created_at: clock().toISOString(),
      })
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'taxonomy.add_genre',
        target: `genre:${id}`,
        detail: { name: input.label },
      },
      clock,
    )
    return { id, name: input.label, builtin: false }
  })
}
