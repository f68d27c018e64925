import { awaitingFilesItemIds } from '../uploads/missing-files'
import { attachmentProgress } from '../uploads/uploads-service'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { publishItem, returnItem } from '../changes/district-actions'
import type { ServerDB } from '../db/schema'
import { AdminError, listDepartments } from '../departments/departments-service'
import type { FormBody } from '../view/form-body'
import {
  renderAccountsPage,
  renderAuditPage,
  renderDepartmentItems,
  renderLoginPage,
} from '../view/account-pages'
import {
  createDistrictUser,
  endDistrictSession,
  listDistrictAudit,
  listDistrictUsers,
  loginDistrictUser,
  SESSION_COOKIE,
  SESSION_HOURS,
  setDistrictUserDisabled,
  unlockDistrictUser,
} from './accounts'
import { createDepartmentAs, rotateDepartmentTokenAs } from './department-admin'
import { accessOf, actorOf, allowed, linksOf, setSessionCookie, viewerOf } from './request-context'

/** A department's items page lists this many per page (其余翻页，never cut off silently). */
export const ITEMS_PAGE_SIZE = 200

type Refuse = (reply: FastifyReply, status: 400 | 401 | 403 | 404, text: string) => FastifyReply

const field = (req: FastifyRequest, name: string): string => {
  const value = (req.body as FormBody | undefined)?.fields?.[name]
  return typeof value === 'string' ? value : ''
}

/** A local path to go back to after logging in (never another site). */
function safeNext(next: string): string {
  return /^\/(?!\/)[^\s\\]*$/.test(next) && !next.startsWith('/district/login') ? next : '/'
}

/**
 * The district's account pages and actions: 登录/退出, 区级账户 and 部门 (管理员: create accounts,
 * unlock, disable; create departments, rotate tokens — a new token shown once), 操作记录 (管理员),
 * and a department's items with 登记发布 / 退回 (审核发布, 管理员). Every action is audited with who
 * did it.
 */
export function registerDistrictAccountRoutes(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
  page: { refuse: Refuse; headers: Record<string, string> },
): void {
  const { refuse, headers } = page
  const html = (reply: FastifyReply, body: string, status = 200) =>
    reply.status(status).headers(headers).send(body)

  scope.get<{ Querystring: { next?: string } }>('/district/login', async (req, reply) => {
    const access = accessOf(req)
    if (access.mode !== 'accounts') return reply.redirect('/', 303)
    if (access.session) return reply.redirect(safeNext(req.query.next ?? '/'), 303)
    return html(reply, renderLoginPage(null, '', safeNext(req.query.next ?? '/')))
  })

  scope.post('/district/login', async (req, reply) => {
    if (accessOf(req).mode !== 'accounts') return reply.redirect('/', 303)
    const username = field(req, 'username').slice(0, 40)
    const next = safeNext(field(req, 'next'))
    const outcome = await loginDistrictUser(db, username, field(req, 'password'), clock())
    if (!outcome.ok) return html(reply, renderLoginPage(outcome.message, username, next), 401)
    setSessionCookie(req, reply, SESSION_COOKIE, outcome.token, SESSION_HOURS * 3600)
    return reply.redirect(next, 303)
  })

  scope.post('/district/logout', async (req, reply) => {
    const access = accessOf(req)
    if (access.mode === 'accounts') {
      await endDistrictSession(db, access.token, actorOf(req), clock().toISOString())
      setSessionCookie(req, reply, SESSION_COOKIE, '', 0)
      return reply.redirect('/district/login', 303)
    }
    return reply.redirect('/', 303)
  })

  const accountsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    message?: { ok: boolean; text: string; secret?: string },
  ) => {
    const viewer = viewerOf(req)
    if (!viewer || !allowed(req, 'admin')) {
      return refuse(
        reply,
        403,
        accessOf(req).mode === 'accounts'
          ? '只有「管理员」可以管理区级账户和部门。'
          : '尚未创建区级账户：请在服务器上执行 npm run server:admin -- create-district-user --username <用户名> --name <姓名> 创建第一个管理员。',
      )
    }
    const now = clock()
    return html(
      reply,
      renderAccountsPage(
        await listDistrictUsers(db, now),
        await listDepartments(db, now),
        viewer,
        message,
      ),
      message && !message.ok ? 400 : 200,
    )
  }

  scope.get('/district/accounts', (req, reply) => accountsPage(req, reply))

  /** Runs an admin action; its AdminError becomes the page's message. */
  const adminAction =
    (run: (req: FastifyRequest, at: string) => Promise<{ text: string; secret?: string }>) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      if (!allowed(req, 'admin')) return accountsPage(req, reply)
      try {
        const done = await run(req, clock().toISOString())
        return accountsPage(req, reply, { ok: true, ...done })
      } catch (e) {
        if (e instanceof AdminError) return accountsPage(req, reply, { ok: false, text: e.message })
        throw e
      }
    }

  scope.post(
    '/district/accounts',
    adminAction(async (req, at) => {
      const user = await createDistrictUser(
        db,
        {
          username: field(req, 'username'),
          displayName: field(req, 'displayName'),
          role: field(req, 'role'),
          password: field(req, 'password'),
        },
        actorOf(req),
        at,
      )
      return { text: `已创建区级账户「${user.username}」（${user.displayName}）。` }
    }),
  )
  scope.post(
    '/district/accounts/unlock',
    adminAction(async (req, at) => {
      await unlockDistrictUser(db, field(req, 'username'), actorOf(req), at)
      return { text: `已解锁「${field(req, 'username')}」。` }
    }),
  )
  for (const verb of ['disable', 'enable'] as const) {
    scope.post(
      `/district/accounts/${verb}`,
      adminAction(async (req, at) => {
        await setDistrictUserDisabled(
          db,
          field(req, 'username'),
          verb === 'disable',
          actorOf(req),
          at,
        )
        return { text: `已${verb === 'disable' ? '停用' : '启用'}「${field(req, 'username')}」。` }
      }),
    )
  }
  scope.post(
    '/district/departments',
    adminAction(async (req, at) => {
      const created = await createDepartmentAs(
        db,
        { code: field(req, 'code').trim(), name: field(req, 'name') },
        actorOf(req),
        at,
      )
      return {
        text: `已创建部门「${created.name}」（${created.code}）并签发令牌。`,
        secret: created.token,
      }
    }),
  )
  scope.post(
    '/district/departments/rotate-token',
    adminAction(async (req, at) => {
      const rotated = await rotateDepartmentTokenAs(db, field(req, 'code'), actorOf(req), at)
      return { text: `已为 ${rotated.code} 换发新令牌，旧令牌已失效。`, secret: rotated.token }
    }),
  )

  scope.get('/district/audit', async (req, reply) => {
    const viewer = viewerOf(req)
    if (!viewer || !allowed(req, 'admin')) return accountsPage(req, reply)
    return html(reply, renderAuditPage(await listDistrictAudit(db, 300), viewer))
  })

  const itemsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    message?: { ok: boolean; text: string },
  ) => {
    const department = await db
      .selectFrom('departments')
      .select(['id', 'code', 'name'])
      .where('code', '=', code)
      .executeTakeFirst()
    if (!department) return refuse(reply, 404, `没有代码为 ${code} 的部门。`)
    const query = (req.query ?? {}) as { only?: unknown; page?: unknown }
    const onlyIncomplete = query.only === 'incomplete'
    const awaiting = awaitingFilesItemIds(db, department.id)
    const countOf = async (incomplete: boolean) => {
      let q = db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('department_id', '=', department.id)
      if (incomplete) q = q.where('id', 'in', awaiting)
      return Number((await q.executeTakeFirstOrThrow()).n)
    }
    const total = await countOf(false)
    const incomplete = await countOf(true)
    const pages = Math.max(1, Math.ceil((onlyIncomplete ? incomplete : total) / ITEMS_PAGE_SIZE))
    const asked = typeof query.page === 'string' ? Number.parseInt(query.page, 10) : 1
    const pageNo = Number.isSafeInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1
    let listQuery = db
      .selectFrom('items')
      .select([
        'id',
        'title',
        'status',
        'revision',
        'approved_at',
        'status_at',
        'status_reason',
        'published_url',
      ])
      .where('department_id', '=', department.id)
    if (onlyIncomplete) listQuery = listQuery.where('id', 'in', awaiting)
    const rows = await listQuery
      .orderBy('approved_at', 'desc')
      .orderBy('id', 'desc')
      .limit(ITEMS_PAGE_SIZE)
      .offset((pageNo - 1) * ITEMS_PAGE_SIZE)
      .execute()
    const files = await attachmentProgress(
      db,
      rows.map((r) => r.id),
    )
    return html(
      reply,
      renderDepartmentItems(
        department,
        rows.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          revision: Number(r.revision),
          approvedAt: r.approved_at,
          statusAt: r.status_at,
          statusReason: r.status_reason,
          publishedUrl: r.published_url,
          attachments: files.get(r.id) ?? null,
        })),
        allowed(req, 'publish'),
        viewerOf(req),
        linksOf(req),
        message,
        { onlyIncomplete, page: pageNo, pageSize: ITEMS_PAGE_SIZE, total, incomplete },
      ),
      message && !message.ok ? 400 : 200,
    )
  }

  scope.get<{ Params: { code: string } }>('/district/departments/:code/items', (req, reply) =>
    itemsPage(req, reply, req.params.code),
  )

  for (const verb of ['publish', 'return'] as const) {
    scope.post<{ Params: { id: string } }>(`/district/items/:id/${verb}`, async (req, reply) => {
      const id = req.params.id.toLowerCase()
      const owner = await db
        .selectFrom('items')
        .innerJoin('departments', 'departments.id', 'items.department_id')
        .select('departments.code')
        .where('items.id', '=', id)
        .executeTakeFirst()
      if (!owner) return refuse(reply, 404, '没有找到该条目。')
      if (!allowed(req, 'publish')) {
        return refuse(reply, 403, '只有「审核发布」或「管理员」可以登记发布或退回条目。')
      }
      const at = clock().toISOString()
      try {
        // The audit row is written in the action's own transaction.
        const audit = { actor: actorOf(req), detail: { department: owner.code } }
        if (verb === 'publish') await publishItem(db, id, field(req, 'url').trim(), at, audit)
        else await returnItem(db, id, field(req, 'reason'), at, audit)
        return itemsPage(req, reply, owner.code, {
          ok: true,
          text:
            verb === 'publish'
              ? '已登记发布，部门下次同步时收到。'
              : '已退回，部门下次同步时收到退回原因。',
        })
      } catch (e) {
        if (e instanceof AdminError)
          return itemsPage(req, reply, owner.code, { ok: false, text: e.message })
        throw e
      }
    })
  }
}
