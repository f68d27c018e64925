import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { linksOf, viewerOf } from '../district/request-context'
import { itemFileStates } from '../uploads/missing-files'
import { renderItemPage, type ItemPageData } from '../view/item-page'

/** The item as the district's item page shows it; null when there is no such item. */
export async function districtItem(
  db: Kysely<ServerDB>,
  rawId: string,
): Promise<ItemPageData | null> {
  const id = rawId.toLowerCase()
  const row = await db
    .selectFrom('items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select([
      'i.id',
      'd.code',
      'd.name',
      'i.title',
      'i.revision',
      'i.status',
      'i.status_reason',
      'i.status_at',
      'i.published_url',
      'i.approved_at',
      'i.approved_by',
      'i.last_received_at',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const [states] = await itemFileStates(db, { itemId: id })
  return {
    id: row.id,
    departmentCode: row.code,
    departmentName: row.name,
    title: row.title,
    revision: Number(row.revision),
    status: row.status,
    statusReason: row.status_reason,
    statusAt: row.status_at,
    publishedUrl: row.published_url,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    lastReceivedAt: row.last_received_at,
    files: states?.files ?? [],
  }
}

/**
 * `GET /district/items/:id`: one item the district holds and which of its files have arrived
 * (registered in the district pages' scope, behind their login / view password).
 */
export function registerDistrictItemPage(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  page: {
    headers: Record<string, string>
    refuse: (reply: FastifyReply, status: 404, text: string) => FastifyReply
  },
): void {
  scope.get<{ Params: { id: string } }>('/district/items/:id', async (req, reply) => {
    const item = await districtItem(db, req.params.id)
    if (!item) return page.refuse(reply, 404, '没有找到该条目。')
    return reply.headers(page.headers).send(renderItemPage(item, viewerOf(req), linksOf(req)))
  })
}
