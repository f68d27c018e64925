import type {
  DistrictOverview,
  DistrictRow,
  OverviewFilter,
  OverviewQuery,
  OverviewSort,
} from '../overview/district-overview'
import type { LateItem, LateRule } from '../overview/overview-service'
import type { ItemFile } from '../uploads/missing-files'
import { sizeText } from '../uploads/uploads-service'
import { html, SafeHtml } from './html'
import { dayText, districtPage, when, type Viewer } from './layout'

/** The district's names of an item's status. */
export const ITEM_STATUS_LABEL: Record<LateItem['status'], string> = {
  received: '已接收待发布',
  published: '已发布',
  returned: '已退回',
  withdrawn: '已撤回',
}

const FILTER_LABEL: Record<OverviewFilter, string> = {
  '': '全部部门',
  overdue: '有逾期任务',
  late: '有逾期条目',
  incomplete: '有附件未到齐的条目',
  missing: '未报送配档表',
  report: '年度报告未收到或有错误',
}

/** Where a missing file stands: 「尚未开始上传」 or 「上传中 1.5 MB / 4 MB（最近 …）」. */
export function fileState(f: ItemFile, withSize = true): string {
  if (!f.upload) return withSize ? `（${sizeText(f.size)}，尚未开始上传）` : '（尚未开始上传）'
  return `（上传中 ${sizeText(f.upload.receivedBytes)} / ${sizeText(f.size)}，最近一块 ${when(f.upload.lastActivityAt)}）`
}

/** The query string of the overview with `change` applied (defaults left out). */
export function overviewHref(
  query: OverviewQuery,
  change: Partial<OverviewQuery> = {},
  path = '/',
): string {
  const q = { ...query, ...change }
  const params = new URLSearchParams()
  params.set('year', String(q.year))
  if (q.q) params.set('q', q.q)
  if (q.only) params.set('only', q.only)
  if (q.sort !== 'code') params.set('sort', q.sort)
  if (q.dir !== 'asc') params.set('dir', q.dir)
  return `${path}?${params.toString()}`
}

/** Why an item is late, naming what its 时限 was counted from. */
export function lateReason(l: LateItem, rule: LateRule): string {
  switch (l.basis) {
    case 'returned':
      return `退回后超过 ${rule.returnedDays} 个工作日未重新报送：${l.reason ?? ''}`
    case 'planned':
      return '已过拟发布日期未发布'
    case 'signed':
      return `成文日期起超过 ${rule.unpublishedDays} 个工作日未发布`
    case 'approved':
      return `审批之日起超过 ${rule.unpublishedDays} 个工作日未发布（无成文日期）`
  }
}

const percent = (x: number) => `${Math.round(x * 100)}%`

/** A sortable column header: a link that sorts by it (again: the other way). */
function sortHeader(query: OverviewQuery, key: OverviewSort, label: string, numeric = false) {
  const active = query.sort === key
  const dir = active && query.dir === 'asc' ? 'desc' : active ? 'asc' : numeric ? 'desc' : 'asc'
  const ariaSort = active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'
  const arrow = active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''
  return html`<th scope="col" class="${numeric ? 'n' : ''}" aria-sort="${ariaSort}">
    <a href="${overviewHref(query, { sort: key, dir })}" title="按「${label}」排序"
      >${label}${arrow}</a
    >
  </th>`
}

function departmentRow(r: DistrictRow, year: number): SafeHtml {
  const s = r.schedule
  const scheduleHref = `/district/departments/${encodeURIComponent(r.code)}/schedule?year=${year}`
  return html`<tr data-code="${r.code}">
    <td class="nowrap">${r.code}</td>
    <td class="dept"><a href="${scheduleHref}">${r.name}</a></td>
    <td class="n">
      <a
        href="/district/departments/${encodeURIComponent(r.code)}/items"
        title="查看该部门报送的条目"
        >${r.pushed}</a
      >
    </td>
    <td class="n">${r.published}</td>
    <td class="n">${r.returned}</td>
    <td class="n ${r.late > 0 ? 'late' : ''}">${r.late}</td>
    <td class="n ${r.incomplete > 0 ? 'late' : ''}" data-incomplete="${r.incomplete}">
      ${
        r.incomplete > 0
          ? html`<a
              href="/district/departments/${encodeURIComponent(r.code)}/items?only=incomplete"
              title="查看该部门附件未到齐的条目"
              >${r.incomplete}</a
            >`
          : '0'
      }
    </td>
    <td class="n">${s ? s.tasks : '—'}</td>
    <td class="n">
      ${
        s
          ? html`<meter min="0" max="1" value="${s.completion}" aria-label="完成率"></meter>
              ${percent(s.completion)}<span class="muted">（${s.done}/${s.tasks}）</span>`
          : '—'
      }
    </td>
    <td class="n ${s && s.overdue > 0 ? 'late' : ''}">${s ? s.overdue : '—'}</td>
    <td class="n">${s ? html`${s.evidencePublished}/${s.evidence}` : '—'}</td>
    <td>${s ? when(s.receivedAt) : html`<span class="bad">未报送</span>`}</td>
    <td data-report="${r.report ? (r.report.errors > 0 ? 'errors' : 'valid') : 'missing'}">
      <a
        href="/district/departments/${encodeURIComponent(r.code)}/report?year=${year - 1}"
        title="查看该部门 ${year - 1} 年度报告的情况"
        >${
          r.report
            ? r.report.errors > 0
              ? html`<span class="bad">已收到，${r.report.errors} 处错误</span>`
              : html`<span class="ok">已收到，校验通过</span>`
            : html`<span class="bad">未收到</span>`
        }</a
      >
    </td>
    <td class="n">${r.openConsultations}</td>
    <td>${when(r.lastPushAt)}</td>
    <td>${r.rebasedAt ? `已从备份恢复（${when(r.rebasedAt)}）` : '—'}</td>
  </tr>`
}

/**
 * The district overview (issue 15): per department the items pushed / published / returned / late
 * against their 时限, the 工作配档表's completion, overdue tasks and evidence; columns sort by a
 * click (links, no script), the form filters, 导出 gives the same rows as .xlsx. Then every
 * department's overdue tasks and the late items.
 */
export function renderDistrictOverview(
  overview: DistrictOverview,
  late: LateItem[],
  rule: LateRule,
  now: Date,
  viewer: Viewer | null = null,
  links: { accounts?: boolean } = {},
): string {
  const { query } = overview
  const totals = overview.rows.reduce(
    (acc, r) => ({
      tasks: acc.tasks + (r.schedule?.tasks ?? 0),
      done: acc.done + (r.schedule?.done ?? 0),
      overdue: acc.overdue + (r.schedule?.overdue ?? 0),
      late: acc.late + r.late,
      incomplete: acc.incomplete + r.incomplete,
      missing: acc.missing + (r.schedule ? 0 : 1),
    }),
    { tasks: 0, done: 0, overdue: 0, late: 0, incomplete: 0, missing: 0 },
  )
  const body = html`
    <p class="muted">
      生成时间：${when(now.toISOString())}（北京时间）· 共 ${overview.totalDepartments}
      个部门${
        overview.rows.length !== overview.totalDepartments
          ? `，显示 ${overview.rows.length} 个`
          : ''
      }
    </p>
    <form class="filters" method="get" action="/" role="search" aria-label="筛选部门">
      <label
        >年度
        <select name="year">
          ${overview.years.map(
            (y) =>
              html`<option value="${y}" ${new SafeHtml(y === query.year ? 'selected' : '')}>
                ${y} 年
              </option>`,
          )}
        </select>
      </label>
      <label
        >部门<input type="search" name="q" value="${query.q}" placeholder="代码或名称"
      /></label>
      <label
        >只看
        <select name="only">
          ${(Object.keys(FILTER_LABEL) as OverviewFilter[]).map(
            (f) =>
              html`<option value="${f}" ${new SafeHtml(f === query.only ? 'selected' : '')}>
                ${FILTER_LABEL[f]}
              </option>`,
          )}
        </select>
      </label>
      <input type="hidden" name="sort" value="${query.sort}" />
      <input type="hidden" name="dir" value="${query.dir}" />
      <button type="submit">筛选</button>
      <a class="button secondary" href="${overviewHref(query, {}, '/district/overview.xlsx')}"
        >导出 .xlsx</a
      >
    </form>
    <div class="summary" aria-label="${query.year} 年合计">
      <div><span class="muted">配档任务</span><b>${totals.tasks}</b></div>
      <div>
        <span class="muted">已完成</span
        ><b>${totals.done}${totals.tasks ? `（${percent(totals.done / totals.tasks)}）` : ''}</b>
      </div>
      <div>
        <span class="muted">逾期任务</span
        ><b class="${totals.overdue ? 'late' : ''}">${totals.overdue}</b>
      </div>
      <div>
        <span class="muted">逾期条目</span
        ><b class="${totals.late ? 'late' : ''}">${totals.late}</b>
      </div>
      <div>
        <span class="muted">附件未到齐</span
        ><b class="${totals.incomplete ? 'late' : ''}">${totals.incomplete}</b>
      </div>
      <div><span class="muted">未报送配档表</span><b>${totals.missing}</b></div>
    </div>
    <h2 id="departments">各部门情况（${query.year} 年配档表）</h2>
    ${
      overview.rows.length
        ? html`<table aria-labelledby="departments">
            <thead>
              <tr>
                ${sortHeader(query, 'code', '代码')} ${sortHeader(query, 'name', '部门')}
                ${sortHeader(query, 'pushed', '报送条目', true)}
                ${sortHeader(query, 'published', '已发布', true)}
                ${sortHeader(query, 'returned', '已退回', true)}
                ${sortHeader(query, 'late', '逾期条目', true)}
                ${sortHeader(query, 'incomplete', '附件未到齐', true)}
                ${sortHeader(query, 'tasks', '配档任务', true)}
                ${sortHeader(query, 'completion', '完成率', true)}
                ${sortHeader(query, 'overdue', '逾期任务', true)}
                ${sortHeader(query, 'evidence', '佐证（已公开/全部）', true)}
                <th scope="col">配档表报送</th>
                ${sortHeader(query, 'report', `${query.year - 1} 年度报告`)}
                ${sortHeader(query, 'consultations', '征集中', true)}
                ${sortHeader(query, 'lastPushAt', '最近报送条目')}
                <th scope="col" class="nowrap">审计链</th>
              </tr>
            </thead>
            <tbody>
              ${overview.rows.map((r) => departmentRow(r, query.year))}
            </tbody>
          </table>`
        : overview.totalDepartments === 0
          ? html`<p>
              尚未创建部门。请用 <code>npm run server:admin -- create-department</code> 创建。
            </p>`
          : html`<p>没有符合筛选条件的部门。</p>`
    }
    <h2 id="overdue">逾期任务（${overview.overdueTasks.length}）</h2>
    <p class="muted">完成时限早于今天（${dayText(overview.today)}）仍未登记完成的配档任务。</p>
    ${
      overview.overdueTasks.length
        ? html`<table aria-labelledby="overdue">
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">序号</th>
                <th scope="col">任务</th>
                <th scope="col">完成时限</th>
                <th scope="col" class="n">进展</th>
                <th scope="col" class="n">佐证</th>
              </tr>
            </thead>
            <tbody>
              ${overview.overdueTasks.map(
                (t) =>
                  html`<tr class="late">
                    <td class="nowrap">${t.departmentName}</td>
                    <td class="nowrap">${t.number}</td>
                    <td>${t.requirement}</td>
                    <td class="nowrap">${t.deadline || dayText(t.deadlineDate)}</td>
                    <td class="n">${t.progressCount}</td>
                    <td class="n">${t.evidenceCount}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>没有逾期任务。</p>`
    }
    <h2 id="late">逾期条目（${late.length}）</h2>
    <p class="muted">
      逾期：已过时限仍未发布的条目——时限为条目的拟发布日期；未填拟发布日期的，成文日期起
      ${rule.unpublishedDays}
      个工作日（《政府信息公开条例》第二十六条，没有成文日期的从审批之日起算）；退回后超过
      ${rule.returnedDays} 个工作日仍未重新报送的也算逾期。工作日按区级发布的节假日安排计算。
    </p>
    ${
      late.length
        ? html`<table aria-labelledby="late">
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">标题</th>
                <th scope="col">状态</th>
                <th scope="col">审批时间</th>
                <th scope="col">状态时间</th>
                <th scope="col">时限</th>
                <th scope="col">原因</th>
                <th scope="col">编号</th>
              </tr>
            </thead>
            <tbody>
              ${late.map(
                (l) =>
                  html`<tr class="late">
                    <td class="nowrap">${l.departmentCode}</td>
                    <td>${l.title}</td>
                    <td class="nowrap">${ITEM_STATUS_LABEL[l.status]}</td>
                    <td class="nowrap">${when(l.approvedAt)}</td>
                    <td class="nowrap">${when(l.statusAt)}</td>
                    <td class="nowrap" data-due="${l.dueDate}">${dayText(l.dueDate)}</td>
                    <td>${lateReason(l, rule)}</td>
                    <td class="muted">${l.id}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>没有逾期条目。</p>`
    }
    <h2 id="incomplete">附件未到齐的条目（${overview.incompleteItems.length}）</h2>
    <p class="muted">
      条目最新版本所列的附件尚未全部传到区级（部门工作台同步时上传），到齐前不能登记发布。
    </p>
    ${
      overview.incompleteItems.length
        ? html`<table aria-labelledby="incomplete">
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">标题</th>
                <th scope="col">状态</th>
                <th scope="col">审批时间</th>
                <th scope="col" class="n">已到</th>
                <th scope="col">未到的附件</th>
              </tr>
            </thead>
            <tbody>
              ${overview.incompleteItems.map(
                (i) =>
                  html`<tr data-item="${i.id}">
                    <td class="nowrap">${i.departmentName}</td>
                    <td><a href="/district/items/${encodeURIComponent(i.id)}">${i.title}</a></td>
                    <td class="nowrap">${ITEM_STATUS_LABEL[i.status]}</td>
                    <td class="nowrap">${when(i.approvedAt)}</td>
                    <td class="n">${i.files.length - i.missing}/${i.files.length}</td>
                    <td>
                      ${i.files
                        .filter((f) => !f.arrived)
                        .map(
                          (f) =>
                            html`<div>${f.name} <span class="muted">${fileState(f)}</span></div>`,
                        )}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>所有条目的附件都已到齐。</p>`
    }
  `
  return districtPage('各部门总览', 'overview', body, viewer, links)
}
