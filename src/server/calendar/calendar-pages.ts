import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { AdminError } from '../departments/departments-service'
import { actorOf, allowed, linksOf, viewerOf } from '../district/request-context'
import type { FormBody } from '../view/form-body'
import { html } from '../view/html'
import { dayText, districtPage, when } from '../view/layout'
import { listDistrictCalendar, publishCalendarNotice } from './calendar-service'

/**
 * 节假日日历 on the district pages: the years published, and (审核发布, 管理员) a box to paste the
 * State Council's notice into — read by the app's notice parser; departments get it on sync.
 */
export function registerDistrictCalendarPages(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
  headers: Record<string, string>,
): void {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    message?: { ok: boolean; text: string },
    text = '',
  ) => {
    const years = await listDistrictCalendar(db)
    const viewer = viewerOf(req)
    const canPublish = allowed(req, 'publish')
    const body = html`
      <h2 id="publish">发布节假日安排</h2>
      ${
        message
          ? html`<p class="notice ${message.ok ? 'ok' : 'bad'}" role="status">${message.text}</p>`
          : ''
      }
      ${
        canPublish
          ? html`<form
              method="post"
              action="/district/calendar"
              class="card"
              aria-labelledby="publish"
            >
              <input type="hidden" name="csrf" value="${viewer?.csrf ?? ''}" />
              <label for="notice">国务院办公厅关于部分节假日安排的通知（粘贴全文）</label>
              <textarea
                id="notice"
                name="notice"
                rows="10"
                style="width:100%;font:inherit"
                required
              >
${text}</textarea>
              <p><button type="submit">发布</button></p>
              <p class="muted">
                与工作台「节假日日历」用同一个通知解析程序：七个节日须各出现一次、放假天数须符合当年的法定总数，否则不发布并指出哪一行无法识别。各部门下次同步时收到；部门自己录入过该年度且与区级不同的，会在「同步」页收到提示。
              </p>
            </form>`
          : html`<p class="muted">只有「审核发布」或「管理员」可以发布节假日安排。</p>`
      }
      <h2 id="years">已发布（${years.length}）</h2>
      ${
        years.length
          ? html`<table aria-labelledby="years">
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">标题</th>
                  <th scope="col" class="n">版本</th>
                  <th scope="col" class="n">放假</th>
                  <th scope="col">调休上班日</th>
                  <th scope="col">发布时间</th>
                </tr>
              </thead>
              <tbody>
                ${years.map(
                  (y) =>
                    html`<tr>
                      <td>${y.year}</td>
                      <td>${y.title}</td>
                      <td class="n">第 ${y.version} 版</td>
                      <td class="n">${y.holidays.length} 天</td>
                      <td>${y.workdays.map(dayText).join('、') || '—'}</td>
                      <td class="nowrap">${when(y.publishedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>尚未发布节假日安排。</p>`
      }
    `
    return reply
      .status(message && !message.ok ? 400 : 200)
      .headers(headers)
      .send(districtPage('节假日日历', 'calendar', body, viewer, linksOf(req)))
  }

  scope.get('/district/calendar', (req, reply) => render(req, reply))

  scope.post('/district/calendar', async (req, reply) => {
    const text = (req.body as FormBody | undefined)?.fields?.notice ?? ''
    if (!allowed(req, 'publish')) {
      return render(req, reply, {
        ok: false,
        text: '只有「审核发布」或「管理员」可以发布节假日安排。',
      })
    }
    if (text.trim() === '') return render(req, reply, { ok: false, text: '请粘贴通知全文。' })
    const actor = actorOf(req)
    const at = clock().toISOString()
    try {
      const done = await publishCalendarNotice(db, text, undefined, actor, at)
      return render(req, reply, {
        ok: true,
        text: done.changed
          ? `已发布 ${done.year} 年节假日安排（第 ${done.version} 版：放假 ${done.holidays} 天，调休上班 ${done.workdays} 天），各部门下次同步时收到。`
          : `${done.year} 年节假日安排与已发布的第 ${done.version} 版相同，未作更改。`,
      })
    } catch (e) {
      if (e instanceof AdminError) return render(req, reply, { ok: false, text: e.message }, text)
      throw e
    }
  })
}
