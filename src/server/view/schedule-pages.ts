import type { PutScheduleTableBody, ScheduleTableTaskWire } from '../../shared/schedule/wire'
import { html, SafeHtml } from './html'
import { dayText, districtPage, when, type Viewer } from './layout'

const TASK_STATUS: Record<ScheduleTableTaskWire['status'], string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  overdue: '逾期',
}

const EVIDENCE_STATE: Record<ScheduleTableTaskWire['evidence'][number]['state'], string> = {
  published: '已公开',
  approved: '已审批待公开',
  in_review: '审查中',
  draft: '草稿',
  withdrawn: '已撤回',
}

/** The status as of `today` on the district side: a task not done past its day is 逾期. */
function statusToday(t: ScheduleTableTaskWire, today: string): ScheduleTableTaskWire['status'] {
  if (t.completedOn !== null) return 'done'
  if (t.deadlineDate !== null && t.deadlineDate < today) return 'overdue'
  return t.progress.length > 0 ? 'in_progress' : 'not_started'
}

/** A department's 工作配档表 as the district received it: every task, progress, evidence. */
export function renderDepartmentSchedule(
  data: {
    code: string
    name: string
    year: number
    receivedAt: string | null
    table: PutScheduleTableBody | null
  },
  today: string,
  years: number[],
  viewer: Viewer | null = null,
  links: { accounts?: boolean } = {},
  /** The department's items on the district: pushed, and how many are 附件未到齐. */
  items: { pushed: number; incomplete: number } | null = null,
): string {
  const { table } = data
  const itemsHref = `/district/departments/${encodeURIComponent(data.code)}/items`
  const tasks = table?.tasks ?? []
  const counts = { not_started: 0, in_progress: 0, done: 0, overdue: 0 }
  for (const t of tasks) counts[statusToday(t, today)]++
  const base = `/district/departments/${encodeURIComponent(data.code)}/schedule`
  const body = html`
    <p>
      <a href="/?year=${data.year}">← 返回各部门总览</a>
      ${
        items
          ? html`· <a href="${itemsHref}">报送条目 ${items.pushed} 条</a>${
                items.incomplete > 0
                  ? html`（<a class="late" href="${itemsHref}?only=incomplete" data-incomplete-link
                        >附件未到齐 ${items.incomplete} 条</a
                      >）`
                  : ''
              }`
          : ''
      }
    </p>
    <h2 id="title">${data.name}（${data.code}）${data.year} 年工作配档表</h2>
    <form class="filters" method="get" action="${base}" aria-label="选择年度">
      <label
        >年度
        <select name="year">
          ${years.map(
            (y) =>
              html`<option value="${y}" ${new SafeHtml(y === data.year ? 'selected' : '')}>
                ${y} 年
              </option>`,
          )}
        </select>
      </label>
      <button type="submit">查看</button>
    </form>
    ${
      table
        ? html`<p class="muted">
              「${table.title}」· 区级于 ${when(data.receivedAt)} 收到 · 部门按
              ${dayText(table.asOf)}
              的情况报送${
                table.breakdownVersion
                  ? `（依据区级分解表第 ${table.breakdownVersion} 版）`
                  : '（部门自行导入的分解表）'
              }
            </p>
            <div class="summary" aria-label="任务状态">
              <div><span class="muted">本部门任务</span><b>${tasks.length}</b></div>
              <div><span class="muted">已完成</span><b class="ok">${counts.done}</b></div>
              <div><span class="muted">推进中</span><b>${counts.in_progress}</b></div>
              <div><span class="muted">未开始</span><b>${counts.not_started}</b></div>
              <div>
                <span class="muted">逾期</span
                ><b class="${counts.overdue ? 'late' : ''}">${counts.overdue}</b>
              </div>
            </div>
            <table aria-labelledby="title">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">重点任务 / 具体任务</th>
                  <th scope="col">具体措施</th>
                  <th scope="col">责任科室 / 责任人</th>
                  <th scope="col">完成时限</th>
                  <th scope="col">状态</th>
                  <th scope="col">进展情况</th>
                  <th scope="col">佐证材料</th>
                </tr>
              </thead>
              <tbody>
                ${tasks.map((t) => {
                  const status = statusToday(t, today)
                  return html`<tr class="${status === 'overdue' ? 'late' : ''}">
                    <td class="nowrap">${t.number}</td>
                    <td>
                      ${t.category ? html`<div class="muted">${t.category}</div>` : ''}${t.requirement}
                    </td>
                    <td>${t.measures.map((m) => html`<div>· ${m}</div>`)}</td>
                    <td>${[t.sectionOffice, t.owner].filter(Boolean).join(' / ') || '—'}</td>
                    <td class="nowrap">
                      ${/^\d{4}-\d{2}-\d{2}$/.test(t.deadline) ? dayText(t.deadline) : t.deadline || '—'}
                    </td>
                    <td class="nowrap">
                      ${TASK_STATUS[status]}${
                        t.completedOn
                          ? html`<div class="muted">
                              ${dayText(t.completedOn)}${t.completedLate ? '（逾期完成）' : ''}
                            </div>`
                          : ''
                      }
                    </td>
                    <td>
                      ${t.progress
                        .slice(0, 3)
                        .map(
                          (p) =>
                            html`<div>
                              <span class="muted">${dayText(p.date)}</span> ${p.text}
                            </div>`,
                        )}
                      ${
                        t.progress.length > 3
                          ? html`<div class="muted">
                              另有 ${t.progress.length - 3} 条更早的进展
                            </div>`
                          : ''
                      }
                      ${t.completion ? html`<div><b>完成情况：</b>${t.completion}</div>` : ''}
                    </td>
                    <td>
                      ${t.evidence.map(
                        (e) =>
                          html`<div>
                            ${e.title}
                            <span
                              class="${e.state === 'published' ? 'ok' : e.state === 'withdrawn' ? 'bad' : 'muted'}"
                              >（${EVIDENCE_STATE[e.state]}${e.publishedDate ? ` ${dayText(e.publishedDate)}` : ''}）</span
                            >
                          </div>`,
                      )}
                    </td>
                  </tr>`
                })}
              </tbody>
            </table>`
        : html`<p class="notice bad">
            区级尚未收到该部门 ${data.year} 年的工作配档表（部门同步后自动报送）。
          </p>`
    }
  `
  return districtPage(`${data.name}配档表`, 'none', body, viewer, links)
}

/** One published breakdown in the list. */
export interface BreakdownListing {
  year: number
  version: number
  title: string
  taskCount: number
  publishedAt: string
  publishedBy: string
  fileName: string
}

/** The 重点工作分解表 page: what was published, and the upload form (for those who may publish). */
export function renderBreakdownsPage(
  list: BreakdownListing[],
  options: {
    defaultYear: number
    canPublish: boolean
    csrf: string
    message?: { ok: boolean; text: string }
  },
  viewer: Viewer | null = null,
  links: { accounts?: boolean } = {},
): string {
  const body = html`
    <h2 id="publish">发布重点工作分解表</h2>
    ${
      options.message
        ? html`<p class="notice ${options.message.ok ? 'ok' : 'bad'}" role="status">
            ${options.message.text}
          </p>`
        : ''
    }
    ${
      options.canPublish
        ? html`<form
              class="filters"
              method="post"
              action="/district/breakdowns"
              enctype="multipart/form-data"
              aria-labelledby="publish"
            >
              <label
                >年度<input
                  type="text"
                  name="year"
                  value="${options.defaultYear}"
                  inputmode="numeric"
                  pattern="20[0-9]{2}"
                  required
              /></label>
              <label
                >分解表文件（.xlsx / .xls / .csv）<input
                  type="file"
                  name="file"
                  accept=".xlsx,.xls,.csv"
                  required
              /></label>
              <input type="hidden" name="csrf" value="${options.csrf}" />
              <button type="submit">发布</button>
            </form>
            <p class="muted">
              各部门下次同步时收到；责任单位写明该部门的任务标为其本部门任务。再次发布修正后的表格时，各部门的任务就地更新，保留已填写的措施、进展和佐证材料。也可在服务器上执行
              <code>npm run server:admin -- publish-breakdown --year 2026 分解表.xlsx</code>。
            </p>`
        : html`<p class="muted">只有「审核发布」或「管理员」角色可以发布分解表。</p>`
    }
    <h2 id="published">已发布</h2>
    ${
      list.length
        ? html`<table aria-labelledby="published">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">标题</th>
                <th scope="col" class="n">版本</th>
                <th scope="col" class="n">任务数</th>
                <th scope="col">文件</th>
                <th scope="col">发布时间</th>
                <th scope="col">发布人</th>
              </tr>
            </thead>
            <tbody>
              ${list.map(
                (b) =>
                  html`<tr>
                    <td class="nowrap"><a href="/?year=${b.year}">${b.year}</a></td>
                    <td>${b.title}</td>
                    <td class="n">第 ${b.version} 版</td>
                    <td class="n">${b.taskCount}</td>
                    <td>${b.fileName}</td>
                    <td class="nowrap">${when(b.publishedAt)}</td>
                    <td>${b.publishedBy}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>尚未发布任何年度的重点工作分解表。</p>`
    }
  `
  return districtPage('重点工作分解表', 'breakdowns', body, viewer, links)
}
