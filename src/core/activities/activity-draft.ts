import type { Kysely } from 'kysely'
import { OPINION_ADOPTION_LABELS, ACTIVITY_CHANNEL_LABELS } from '../../shared/activities/labels'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { EventBus } from '../events/bus'
import type { DB } from '../db/schema'
import { chineseDate } from '../documents'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { escapeText, textParagraphs } from '../html/html-text'
import { saveItem } from '../items/save-item'
import { getActivity } from './activities-service'
import { auditActor } from '../accounts/actor'

/**
 * A disclosure draft (工作动态) prefilled from an activity's record: what was done, who took part,
 * the opinions received and how each was answered — the plan asks that adoption be made public.
 * Made through the items service (so it is an ordinary draft that goes through 保密审查);
 * idempotent: an activity that already has a draft returns it. Returns the item id.
 */
export async function createActivityDraft(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  const a = await getActivity(db, id)
  if (a.item && a.item.status !== 'withdrawn') return a.item.id
  if (a.heldOn === null) {
    throw new AppError('CONFLICT', '请先登记活动开展情况，再生成公开信息草稿')
  }
  const when = chineseDate(a.heldOn) ?? a.heldOn
  const place = a.location ? `在${a.location}` : ''
  const intro =
    `${when}，${a.unitName}${place}以${a.form}（${ACTIVITY_CHANNEL_LABELS[a.channel]}）形式开展` +
    `“${a.title}”政府开放活动` +
    (a.participantCount !== null
      ? `，${a.participants || '社会各界代表'}共 ${a.participantCount} 人参加。`
      : '。')
  const opinions = a.opinions
  const counted = (k: keyof typeof OPINION_ADOPTION_LABELS) =>
    opinions.filter((o) => o.adoption === k).length
  const body = [
    `<p>${escapeText(intro)}</p>`,
    `<h2>活动开展情况</h2>`,
    textParagraphs(a.summary),
    a.participants ? `<h2>参加人员</h2><p>${escapeText(a.participants)}</p>` : '',
    `<h2>意见建议及采纳情况</h2>`,
    opinions.length === 0
      ? '<p>活动中未收到意见建议。</p>'
      : `<p>${escapeText(
          `活动共收到意见建议 ${opinions.length} 条，采纳 ${counted('adopted')} 条，部分采纳 ${counted('partly')} 条，未采纳 ${counted('not_adopted')} 条，待研究 ${counted('pending')} 条。`,
        )}</p>` +
        '<table><thead><tr><th>序号</th><th>意见建议</th><th>采纳情况</th><th>答复及理由</th></tr></thead><tbody>' +
        opinions
          .map(
            (o, i) =>
              `<tr><td>${i + 1}</td><td>${escapeText(o.opinion)}</td><td>${OPINION_ADOPTION_LABELS[o.adoption]}</td><td>${escapeText(o.response)}</td></tr>`,
          )
          .join('') +
        '</tbody></table>',
  ].join('')
  const itemId = await saveItem(
    db,
    actor,
    {
      kind: 'news',
      title: `${a.unitName}开展“${a.title}”政府开放活动`,
      bodyHtml: body,
      issuer: a.unitName,
      docNumber: '',
      signedDate: a.heldOn,
      plannedPublishDate: null,
      topicId: null,
      genreId: null,
      catalogueEntryId: null,
    },
    'save',
    clock,
    ids,
    events,
  )
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('open_activities')
      .set({ item_id: itemId, updated_at: now, updated_by_name: actor.displayName })
      .where('id', '=', id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'activity.draft',
        target: `activity:${id}`,
        detail: { name: a.title, item: itemId },
      },
      clock,
    )
  })
  return itemId
}
