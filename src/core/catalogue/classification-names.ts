import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export interface ClassificationIds {
  topicId: string | null
  genreId: string | null
  catalogueEntryId: string | null
}

export interface ClassificationNames {
  /** `一级 / 二级` or the first level alone. */
  topic: string | null
  genre: string | null
  /** `一级事项 / 二级事项`. */
  catalogueEntry: string | null
}

/** The display names of an item's 主题分类, 体裁分类 and 目录事项 (the editor and the sync payload). */
export async function classificationNames(
  db: Kysely<DB>,
  ids: ClassificationIds,
): Promise<ClassificationNames> {
  const topic = ids.topicId
    ? await db
        .selectFrom('topics as t')
        .leftJoin('topics as p', 'p.id', 't.parent_id')
        .select(['t.name as name', 'p.name as parent'])
        .where('t.id', '=', ids.topicId)
        .executeTakeFirst()
    : undefined
  const genre = ids.genreId
    ? await db.selectFrom('genres').select('name').where('id', '=', ids.genreId).executeTakeFirst()
    : undefined
  const entry = ids.catalogueEntryId
    ? await db
        .selectFrom('catalogue_entries')
        .select(['level1', 'level2'])
        .where('id', '=', ids.catalogueEntryId)
        .executeTakeFirst()
    : undefined
  return {
    topic: topic ? (topic.parent ? `${topic.parent} / ${topic.name}` : topic.name) : null,
    genre: genre?.name ?? null,
    catalogueEntry: entry ? [entry.level1, entry.level2].filter(Boolean).join(' / ') : null,
  }
}
