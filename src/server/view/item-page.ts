import type { ItemStatus } from '../db/schema'
import type { ItemFile } from '../uploads/missing-files'
import { sizeText } from '../uploads/uploads-service'
import { fileState, ITEM_STATUS_LABEL } from './district-page'
import { html } from './html'
import { districtPage, when, type Viewer } from './layout'

/** What the district's page of one item shows. */
export interface ItemPageData {
  id: string
  departmentCode: string
  departmentName: string
  title: string
  revision: number
  status: ItemStatus
  statusReason: string | null
  statusAt: string
  publishedUrl: string | null
  approvedAt: string
  approvedBy: string
  lastReceivedAt: string
  /** Every file the latest revision names, in its order. */
  files: ItemFile[]
}

/**
 * One item as the district holds it (issue 15): its state and every file its latest revision names
 * — which have arrived and, for the others, whether the department's upload has started and how
 * far it got. An item 附件未到齐 cannot be 登记发布 until they all have.
 */
export function renderItemPage(
  item: ItemPageData,
  viewer: Viewer | null,
  links: { accounts?: boolean },
): string {
  const itemsHref = `/district/departments/${encodeURIComponent(item.departmentCode)}/items`
  const missing = item.files.filter((f) => !f.arrived)
  const body = html`
    <p>
      <a href="${itemsHref}">← ${item.departmentName}报送的条目</a> ·
      <a href="/">各部门总览</a>
    </p>
    <h2 id="title">${item.title}</h2>
    <div class="card">
      <div>
        <span class="muted">部门：</span>${item.departmentName}（${item.departmentCode}）
        <span class="muted">· 版本：</span>第 ${item.revision} 版
        <span class="muted">· 状态：</span
        >${ITEM_STATUS_LABEL[item.status]}（${when(item.statusAt)}）
      </div>
      <div>
        <span class="muted">审批：</span>${item.approvedBy}，${when(item.approvedAt)}
        <span class="muted">· 最近报送：</span>${when(item.lastReceivedAt)}
      </div>
      ${
        item.status === 'published' && item.publishedUrl
          ? html`<div><span class="muted">发布地址：</span>${item.publishedUrl}</div>`
          : item.statusReason
            ? html`<div><span class="muted">说明：</span>${item.statusReason}</div>`
            : ''
      }
      <div class="muted">编号：${item.id}</div>
    </div>
    <h2 id="files">附件（${item.files.length}）</h2>
    ${
      item.files.length === 0
        ? html`<p>该条目没有附件。</p>`
        : html`<p
              class="notice ${missing.length && item.status !== 'withdrawn' ? 'bad' : 'ok'}"
              role="status"
              data-files-summary
            >
              ${
                missing.length && item.status === 'withdrawn'
                  ? `该条目已由部门撤回，不再等待附件（已到 ${item.files.length - missing.length}/${item.files.length}）。`
                  : missing.length
                    ? `附件未到齐：已到 ${item.files.length - missing.length}/${item.files.length}，` +
                      `以下 ${missing.length} 个文件尚未传到区级，到齐前不能登记发布。部门工作台在每次同步时自动上传；` +
                      '长时间未到请联系该部门查看其工作台「同步」页。'
                    : `附件已全部到齐（${item.files.length} 个）。`
              }
            </p>
            <table aria-labelledby="files">
              <thead>
                <tr>
                  <th scope="col">名称</th>
                  <th scope="col" class="n">大小</th>
                  <th scope="col">状态</th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                ${item.files.map(
                  (f) =>
                    html`<tr data-file="${f.sha256}" data-arrived="${f.arrived ? 'yes' : 'no'}">
                      <td>${f.name}</td>
                      <td class="n">${sizeText(f.size)}</td>
                      <td class="${f.arrived ? 'ok' : 'late'}">
                        ${f.arrived ? '已到' : html`未到 <span class="muted">${fileState(f, false)}</span>`}
                      </td>
                      <td class="muted" title="${f.sha256}">${f.sha256.slice(0, 16)}…</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
    }
  `
  return districtPage(item.title, 'none', body, viewer, links)
}
