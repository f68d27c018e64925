import type { RuleFailure } from '../../core/report/rules/types'
import { html } from './html'
import { districtPage, when, type Viewer } from './layout'

/** A department's annual report as the district holds it: missing, or received with its check. */
export interface DepartmentReportStatus {
  code: string
  name: string
  year: number
  report: { title: string; receivedAt: string; failures: RuleFailure[] } | null
}

/**
 * The district's page of one department's 政府信息公开工作年度报告 (条例第四十九条: a department
 * submits the year's report by 31 January of the next; the district publishes its own by 31 March): 未收到, or when it arrived and what the app's report checker (the same rules
 * the desk runs before sending) finds in it — errors first, then the points to check.
 */
export function renderDepartmentReport(
  data: DepartmentReportStatus,
  viewer: Viewer | null = null,
  links: { accounts?: boolean } = {},
): string {
  const { report } = data
  const back = html`<p><a href="/?year=${data.year + 1}">← 返回各部门总览</a></p>`
  if (!report) {
    const body = html`${back}
      <h2>${data.name} ${data.year} 年度报告</h2>
      <p class="bad" data-report-status="missing">
        未收到：区级尚未收到该部门 ${data.year}
        年度的政府信息公开工作年度报告（《政府信息公开条例》第四十九条：部门应于 ${data.year + 1}
        年1月31日前提交上一年度报告）。
      </p>`
    return districtPage(`${data.name} ${data.year} 年度报告`, 'none', body, viewer, links)
  }
  const errors = report.failures.filter((f) => f.severity === 'error')
  const warnings = report.failures.filter((f) => f.severity === 'warning')
  const list = (items: RuleFailure[], label: string) =>
    items.map(
      (f) =>
        html`<tr data-rule="${f.rule}" data-severity="${f.severity}">
          <td class="nowrap ${f.severity === 'error' ? 'bad' : ''}">${label}</td>
          <td>${f.message}</td>
          <td class="muted nowrap">${f.rule}</td>
        </tr>`,
    )
  const body = html`${back}
    <h2>${data.name} ${data.year} 年度报告</h2>
    <p>《${report.title}》，${when(report.receivedAt)} 收到（北京时间）。</p>
    <p
      class="${errors.length > 0 ? 'bad' : 'ok'}"
      data-report-status="${errors.length > 0 ? 'errors' : 'valid'}"
    >
      ${
        errors.length > 0
          ? `校验发现 ${errors.length} 处错误${warnings.length > 0 ? `、${warnings.length} 处提示` : ''}，请通知该部门更正后重新报送。`
          : `校验通过${warnings.length > 0 ? `（${warnings.length} 处提示，请核对）` : ''}。`
      }
    </p>
    ${
      report.failures.length > 0
        ? html`<table aria-labelledby="failures">
            <caption id="failures">
              校验结果（与工作台报送前的检查规则相同）
            </caption>
            <thead>
              <tr>
                <th scope="col">类别</th>
                <th scope="col">问题</th>
                <th scope="col">规则</th>
              </tr>
            </thead>
            <tbody>
              ${list(errors, '错误')} ${list(warnings, '提示')}
            </tbody>
          </table>`
        : ''
    }`
  return districtPage(`${data.name} ${data.year} 年度报告`, 'none', body, viewer, links)
}
