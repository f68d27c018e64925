import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { ItemRow } from '../db/tables/drafting'
import { AppError } from '../errors'

/** The item row, or NOT_FOUND with a Chinese message. */
export async function loadItemRow(db: Kysely<DB>, id: string): Promise<ItemRow> {
  const row = await db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '条目不存在或已被删除，请刷新列表')
  return row
}

/** Checks that the chosen topic, genre and catalogue entry exist (they are data, and may change). */
export async function checkReferences(
  db: Kysely<DB>,
  refs: { topicId: string | null; genreId: string | null; catalogueEntryId: string | null },
): Promise<void> {
  if (refs.topicId !== null) {
    const found = await db
      .selectFrom('topics')
      .select('id')
      .where('id', '=', refs.topicId)
      .executeTakeFirst()
    if (!found) throw new AppError('VALIDATION', '所选主题分类不存在，请重新选择')
  }
  if (refs.genreId !== null) {
    const found = await db
      .selectFrom('genres')
      .select('id')
      .where('id', '=', refs.genreId)
      .executeTakeFirst()
    if (!found) throw new AppError('VALIDATION', '所选体裁分类不存在，请重新选择')
  }
  if (refs.catalogueEntryId !== null) {
    const found = await db
      .selectFrom('catalogue_entries')
      .select('id')
      .where('id', '=', refs.catalogueEntryId)
      .executeTakeFirst()
    if (!found) throw new AppError('VALIDATION', '所选公开事项目录条目不存在，请重新选择')
  }
}
