import type { DistrictRole } from '../db/schema'
import { html, SafeHtml } from './html'
import { ITEM_STATUS_LABEL } from './district-page'
import { DISTRICT_STYLE, districtPage, when, type Viewer } from './layout'

const ROLE_LABEL: Record<DistrictRole, string> = {
  viewer: '查看',
  publisher: '审核发布',
  admin: '管理员',
}

const ACTION_LABEL: Record<string, string> = {
  login: '登录',
  'login.failed': '登录失败',
  'login.locked': '登录失败，账户锁定',
  'login.refused-locked': '登录被拒（账户锁定中）',
  logout: '退出',
  'account.create': '创建区级账户',
  'account.unlock': '解锁区级账户',
  'account.disable': '停用区级账户',
  'account.enable': '启用区级账户',
  'department.create': '创建部门',
  'department.rotate-token': '换发部门令牌',
  'department.revoke-token': '吊销部门令牌',
  'item.publish': '登记条目已发布',
  'item.return': '退回条目',
  'breakdown.publish': '发布重点工作分解表',
  'calendar.publish': '发布节假日安排',
  'uploads.purge': '清理过期的未完成上传',
}

/** Chinese names of detail keys (others are shown as they are). */
const DETAIL_LABEL: Record<string, string> = {
  olderThanDays: '闲置超过（天）',
  uploads: '清理上传数',
  releasedBytes: '释放配额（字节）',
  deletedBytes: '删除分块（字节）',
  departments: '各部门',
}

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}" />`

/** The login page (no nav: nothing is visible before logging in). */
export function renderLoginPage(message: string | null, username = '', next = '/'): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>登录 · 政务公开 区级总览</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style>
          ${new SafeHtml(DISTRICT_STYLE)} .login {
            max-width: 22rem;
            margin: 5rem auto;
            background: #fff;
            border: 1px solid #d0d7de;
            border-radius: 8px;
            padding: 1.5rem;
          }
          .login label {
            display: flex;
            flex-direction: column;
            gap: 0.2rem;
            margin: 0.8rem 0;
          }
          .login input {
            min-width: 0;
            width: 100%;
          }
          .login button {
            width: 100%;
            margin-top: 0.6rem;
          }
        </style>
      </head>
      <body>
        <header class="top"><h1>政务公开 区级总览</h1></header>
        <main>
          <form class="login" method="post" action="/district/login" aria-labelledby="login-title">
            <h2 id="login-title">区级账户登录</h2>
            ${message ? html`<p class="notice bad" role="alert">${message}</p>` : ''}
            <label
              >用户名<input
                type="text"
                name="username"
                value="${username}"
                autocomplete="username"
                required
                autofocus
            /></label>
            <label
              >密码<input type="password" name="password" autocomplete="current-password" required
            /></label>
            <input type="hidden" name="next" value="${next}" />
            <button type="submit">登录</button>
            <p class="muted">连续输错 5 次密码，账户锁定 15 分钟。</p>
          </form>
        </main>
      </body>
    </html>`.value
}

/** A row of the accounts table. */
export interface AccountRow {
  username: string
  displayName: string
  role: DistrictRole
  locked: boolean
  disabled: boolean
  lastLoginAt: string | null
}

/** A row of the departments table (管理员). */
export interface DepartmentAdminRow {
  code: string
  name: string
  tokenPrefix: string | null
  tokenIssuedAt: string | null
  tokenExpiresAt: string | null
  tokenExpired: boolean
}

/** 区级账户 and 部门 (管理员): accounts, new account, departments with token rotation. */
export function renderAccountsPage(
  accounts: AccountRow[],
  departments: DepartmentAdminRow[],
  viewer: Viewer,
  message?: { ok: boolean; text: string; secret?: string },
): string {
  const body = html`
    ${
      message
        ? html`<div class="notice ${message.ok ? 'ok' : 'bad'}" role="status">
            ${message.text}
            ${
              message.secret
                ? html`<p>
                    <b>只显示这一次，请立即交给对方妥善保存：</b><br /><code data-testid="secret"
                      >${message.secret}</code
                    >
                  </p>`
                : ''
            }
          </div>`
        : ''
    }
    <h2 id="accounts">区级账户（${accounts.length}）</h2>
    <table aria-labelledby="accounts">
      <thead>
        <tr>
          <th scope="col">用户名</th>
          <th scope="col">姓名</th>
          <th scope="col">角色</th>
          <th scope="col">状态</th>
          <th scope="col">最近登录</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        ${accounts.map(
          (a) =>
            html`<tr data-username="${a.username}">
              <td>${a.username}</td>
              <td>${a.displayName}</td>
              <td>${ROLE_LABEL[a.role]}</td>
              <td class="${a.locked || a.disabled ? 'bad' : 'ok'}">
                ${a.disabled ? '已停用' : a.locked ? '已锁定' : '正常'}
              </td>
              <td class="nowrap">${when(a.lastLoginAt)}</td>
              <td>
                ${
                  a.locked
                    ? html`<form
                        method="post"
                        action="/district/accounts/unlock"
                        style="display:inline"
                      >
                        ${csrfField(viewer.csrf)}<input
                          type="hidden"
                          name="username"
                          value="${a.username}"
                        />
                        <button type="submit">解锁</button>
                      </form>`
                    : ''
                }
                <form
                  method="post"
                  action="/district/accounts/${a.disabled ? 'enable' : 'disable'}"
                  style="display:inline"
                >
                  ${csrfField(viewer.csrf)}<input
                    type="hidden"
                    name="username"
                    value="${a.username}"
                  />
                  <button type="submit" class="button secondary">
                    ${a.disabled ? '启用' : '停用'}
                  </button>
                </form>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2 id="new-account">新建区级账户</h2>
    <form class="filters" method="post" action="/district/accounts" aria-labelledby="new-account">
      ${csrfField(viewer.csrf)}
      <label
        >用户名<input type="text" name="username" required pattern="[A-Za-z0-9._-]{2,40}"
      /></label>
      <label>姓名<input type="text" name="displayName" required maxlength="40" /></label>
      <label
        >角色
        <select name="role">
          <option value="viewer">查看</option>
          <option value="publisher">审核发布</option>
          <option value="admin">管理员</option>
        </select>
      </label>
      <label
        >初始密码<input
          type="password"
          name="password"
          required
          minlength="8"
          maxlength="128"
          autocomplete="new-password"
      /></label>
      <button type="submit">创建</button>
    </form>
    <p class="muted">
      密码至少 8
      位，须同时包含字母和数字。查看：看总览、导出；审核发布：另可发布分解表、登记发布或退回条目；管理员：另可管理账户和部门。
    </p>
    <h2 id="departments">部门（${departments.length}）</h2>
    <table aria-labelledby="departments">
      <thead>
        <tr>
          <th scope="col">代码</th>
          <th scope="col">名称</th>
          <th scope="col">令牌</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        ${departments.map(
          (d) =>
            html`<tr>
              <td>${d.code}</td>
              <td>${d.name}</td>
              <td class="${d.tokenExpired || !d.tokenPrefix ? 'bad' : ''}">
                ${
                  d.tokenPrefix
                    ? `${d.tokenPrefix}…（签发于 ${when(d.tokenIssuedAt)}${d.tokenExpiresAt ? `，有效期至 ${d.tokenExpiresAt}` : ''}${d.tokenExpired ? '，已过期' : ''}）`
                    : '已吊销'
                }
              </td>
              <td>
                <form
                  method="post"
                  action="/district/departments/rotate-token"
                  style="display:inline"
                >
                  ${csrfField(viewer.csrf)}<input type="hidden" name="code" value="${d.code}" />
                  <button type="submit">换发令牌</button>
                </form>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2 id="new-department">新建部门</h2>
    <form
      class="filters"
      method="post"
      action="/district/departments"
      aria-labelledby="new-department"
    >
      ${csrfField(viewer.csrf)}
      <label
        >部门代码<input type="text" name="code" required pattern="[A-Za-z0-9._-]{1,64}"
      /></label>
      <label>部门名称<input type="text" name="name" required maxlength="200" /></label>
      <button type="submit">创建并签发令牌</button>
    </form>
  `
  return districtPage('区级账户', 'accounts', body, viewer, { accounts: true })
}

/** The district's audit trail (管理员). */
export function renderAuditPage(
  entries: {
    at: string
    actorName: string
    action: string
    target: string | null
    detail: Record<string, unknown> | null
  }[],
  viewer: Viewer,
): string {
  const body = html`
    <h2 id="audit">操作记录（最近 ${entries.length} 条）</h2>
    <table aria-labelledby="audit">
      <thead>
        <tr>
          <th scope="col">时间</th>
          <th scope="col">操作人</th>
          <th scope="col">操作</th>
          <th scope="col">对象</th>
          <th scope="col">详情</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <td class="nowrap">${when(e.at)}</td>
              <td>${e.actorName}</td>
              <td>${ACTION_LABEL[e.action] ?? e.action}</td>
              <td>${e.target ?? '—'}</td>
              <td class="muted">
                ${
                  e.detail
                    ? Object.entries(e.detail)
                        .map(
                          ([k, v]) =>
                            `${DETAIL_LABEL[k] ?? k}：${typeof v === 'string' ? v : JSON.stringify(v)}`,
                        )
                        .join('；')
                    : ''
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  `
  return districtPage('操作记录', 'audit', body, viewer, { accounts: true })
}

/** One item on a department's items page. */
export interface ItemRow {
  id: string
  title: string
  status: 'received' | 'published' | 'returned' | 'withdrawn'
  revision: number
  approvedAt: string
  statusAt: string
  statusReason: string | null
  publishedUrl: string | null
  /** Files the item names / not yet arrived (protocol v2 uploads); null: none named. */
  attachments?: { total: number; missing: number } | null
}

/**
 * 「附件未到齐（已到 1/3）」 under the status of an item whose files have not all arrived: a link to
 * the item's page, which names the missing files.
 */
function pendingFiles(id: string, files: ItemRow['attachments']) {
  if (!files || files.missing === 0) return ''
  const text = `附件未到齐（已到 ${files.total - files.missing}/${files.total}）`
  return html`<br /><a
      class="attachments-pending late"
      data-attachments-pending
      href="/district/items/${encodeURIComponent(id)}"
      title="查看未到的附件"
      >${text}</a
    >`
}

/** A withdrawn item is not waiting for its files (as on the overview). */
const awaitingFiles = (i: ItemRow) => i.status !== 'withdrawn' && (i.attachments?.missing ?? 0) > 0

/**
 * Which page of a department's items is shown: `items` is that page (newest approval first), the
 * counts are the department's in all (never capped silently: the page says 第 a–b 条，共 N 条).
 */
export interface ItemsPageList {
  onlyIncomplete: boolean
  page: number
  pageSize: number
  /** All the department's items. */
  total: number
  /** Its items 附件未到齐. */
  incomplete: number
}

/**
 * A department's items, one page at a time, with 登记发布 / 退回 for 审核发布 and 管理员.
 */
export function renderDepartmentItems(
  department: { code: string; name: string },
  items: ItemRow[],
  canPublish: boolean,
  viewer: Viewer | null,
  links: { accounts?: boolean },
  message: { ok: boolean; text: string } | undefined,
  list: ItemsPageList,
): string {
  const base = `/district/departments/${encodeURIComponent(department.code)}/items`
  const shownTotal = list.onlyIncomplete ? list.incomplete : list.total
  const pages = Math.max(1, Math.ceil(shownTotal / list.pageSize))
  const first = shownTotal === 0 ? 0 : (list.page - 1) * list.pageSize + 1
  const last = Math.min(shownTotal, list.page * list.pageSize)
  const pageHref = (page: number) => {
    const q = new URLSearchParams()
    if (list.onlyIncomplete) q.set('only', 'incomplete')
    if (page > 1) q.set('page', String(page))
    const query = q.toString()
    return `${base}${query ? `?${query}` : ''}`
  }
  const pager =
    pages > 1
      ? html`<nav class="muted" aria-label="分页" data-pager>
          第 ${first}–${last} 条，共 ${shownTotal} 条（第 ${list.page}/${pages} 页，每页
          ${list.pageSize} 条）
          ${list.page > 1 ? html` · <a href="${pageHref(list.page - 1)}" rel="prev">上一页</a>` : ''}
          ${list.page < pages ? html` · <a href="${pageHref(list.page + 1)}" rel="next">下一页</a>` : ''}
        </nav>`
      : ''
  const body = html`
    <p>
      <a href="/">← 返回各部门总览</a> ·
      <a href="/district/departments/${department.code}/schedule">该部门的配档表</a>
    </p>
    <h2 id="items">
      ${department.name}（${department.code}）${list.onlyIncomplete ? '附件未到齐的条目' : '报送的条目'}（${shownTotal}）
    </h2>
    <p class="muted" data-incomplete-summary>
      ${
        list.incomplete
          ? html`<span class="late">附件未到齐 ${list.incomplete} 条</span> （到齐前不能登记发布）·
              ${
                list.onlyIncomplete
                  ? html`<a href="${base}">显示全部 ${list.total} 条</a>`
                  : html`<a href="${base}?only=incomplete">只看附件未到齐的条目</a>`
              }`
          : '所有条目的附件都已到齐。'
      }
    </p>
    ${pager}
    ${message ? html`<p class="notice ${message.ok ? 'ok' : 'bad'}" role="status">${message.text}</p>` : ''}
    <table aria-labelledby="items">
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col" class="n">版本</th>
          <th scope="col">状态</th>
          <th scope="col">审批时间</th>
          <th scope="col">说明</th>
          ${canPublish ? html`<th scope="col">处理</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (i) =>
            html`<tr data-item="${i.id}">
              <td><a href="/district/items/${encodeURIComponent(i.id)}">${i.title}</a></td>
              <td class="n">${i.revision}</td>
              <td class="nowrap">
                ${ITEM_STATUS_LABEL[i.status]}
                ${awaitingFiles(i) ? pendingFiles(i.id, i.attachments) : ''}
              </td>
              <td class="nowrap">${when(i.approvedAt)}</td>
              <td>${i.status === 'published' ? (i.publishedUrl ?? '') : (i.statusReason ?? '')}</td>
              ${
                canPublish
                  ? html`<td>
                      ${
                        i.status === 'received' || i.status === 'returned'
                          ? html`<form method="post" action="/district/items/${i.id}/publish">
                              ${csrfField(viewer?.csrf ?? '')}
                              <input
                                type="text"
                                name="url"
                                placeholder="发布地址 https://…"
                                aria-label="「${i.title}」的发布地址"
                                required
                              />
                              <button type="submit">登记发布</button>
                            </form>`
                          : ''
                      }
                      ${
                        i.status === 'received'
                          ? html`<form method="post" action="/district/items/${i.id}/return">
                              ${csrfField(viewer?.csrf ?? '')}
                              <input
                                type="text"
                                name="reason"
                                placeholder="退回原因"
                                aria-label="「${i.title}」的退回原因"
                                required
                                maxlength="1000"
                              />
                              <button type="submit" class="button secondary">退回</button>
                            </form>`
                          : ''
                      }
                    </td>`
                  : ''
              }
            </tr>`,
        )}
      </tbody>
    </table>
    ${pager}
  `
  return districtPage(`${department.name}条目`, 'none', body, viewer, links)
}
