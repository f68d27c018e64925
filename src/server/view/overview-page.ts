import type { ItemStatus } from '../db/schema'
import type { LateRule, Overview } from '../overview/overview-service'
import { html, SafeHtml } from './html'

const STATUS_LABEL: Record<ItemStatus, string> = {
  received: '已接收待发布',
  published: '已发布',
  returned: '已退回',
  withdrawn: '已撤回',
}

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** An ISO instant in Beijing time, the way district staff read dates. */
function when(iso: string | null): string {
  return iso ? shanghai.format(new Date(iso)) : '—'
}

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0;min-width:40rem}th,td{border:1px solid #ccc;padding:.35rem .6rem;text-align:left}
th{background:#f3f5f8}td.n{text-align:right}.late{color:#b3261e}.muted{color:#777}`

/** The district overview page: departments with their counts and last push, then late items. */
export function renderOverviewPage(overview: Overview, rule: LateRule, now: Date): string {
  const rows: SafeHtml[] = overview.departments.map(
    (d) =>
      html`<tr>
        <td>${d.code}</td>
        <td>${d.name}</td>
        <td class="n">${d.total}</td>
        <td class="n">${d.byStatus.received}</td>
        <td class="n">${d.byStatus.published}</td>
        <td class="n">${d.byStatus.returned}</td>
        <td class="n">${d.byStatus.withdrawn}</td>
        <td>${when(d.lastPushAt)}</td>
        <td>${d.rebasedAt ? `已从备份恢复（${when(d.rebasedAt)}）` : '—'}</td>
      </tr>`,
  )
  const late: SafeHtml[] = overview.late.map(
    (l) =>
      html`<tr class="late">
        <td>${l.departmentCode}</td>
        <td>${l.title}</td>
        <td>${STATUS_LABEL[l.status]}</td>
        <td>${when(l.approvedAt)}</td>
        <td>${when(l.statusAt)}</td>
        <td>
          ${l.why === 'returned' ? `退回后超过 ${rule.returnedDays} 天未重新报送：${l.reason ?? ''}` : `审批后超过 ${rule.unpublishedDays} 天未发布`}
        </td>
        <td class="muted">${l.id}</td>
      </tr>`,
  )
  const page = html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>政务公开 区级总览</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <h1>政务公开 区级总览</h1>
        <p class="muted">生成时间：${when(now.toISOString())}（北京时间）</p>
        <h2>各部门报送情况</h2>
        ${
          rows.length
            ? html`<table>
                <thead>
                  <tr>
                    <th>代码</th>
                    <th>部门</th>
                    <th>条目</th>
                    <th>${STATUS_LABEL.received}</th>
                    <th>${STATUS_LABEL.published}</th>
                    <th>${STATUS_LABEL.returned}</th>
                    <th>${STATUS_LABEL.withdrawn}</th>
                    <th>最近报送</th>
                    <th>审计链</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>`
            : html`<p>
                尚未创建部门。请用 <code>npm run server:admin -- create-department</code> 创建。
              </p>`
        }
        <h2>逾期条目（${overview.late.length}）</h2>
        <p class="muted">
          逾期：审批后超过 ${rule.unpublishedDays} 天仍未发布，或退回后超过 ${rule.returnedDays}
          天仍未重新报送。
        </p>
        ${
          late.length
            ? html`<table>
                <thead>
                  <tr>
                    <th>部门</th>
                    <th>标题</th>
                    <th>状态</th>
                    <th>审批时间</th>
                    <th>状态时间</th>
                    <th>原因</th>
                    <th>编号</th>
                  </tr>
                </thead>
                <tbody>
                  ${late}
                </tbody>
              </table>`
            : html`<p>没有逾期条目。</p>`
        }
      </body>
    </html>`
  return page.value
}
