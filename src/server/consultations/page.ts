import { COMMENT_LIMITS } from '../../shared/engagement/schemas'
import {
  COMMENTER_TYPE_LABELS,
  CONSULTATION_CHANNEL_LABELS,
  CONTACT_NOT_PUBLISHED,
  DECISION_TYPE_LABELS,
  draftCitation,
} from '../../shared/engagement/labels'
import {
  COMMENTER_TYPES,
  type CommenterType,
  type ConsultationChannel,
  type DecisionType,
} from '../../shared/engagement/types'
import { html, SafeHtml } from '../view/html'
import { dayText, when } from '../view/layout'
import type { LiveConsultation } from './consultations-service'
import { periodState } from './consultations-service'
import { sizeText } from './download'

/**
 * The public comment pages: plain server-rendered HTML4-friendly markup, no script at all, one
 * small inline style sheet (floats and blocks only, so old browsers lay it out), Chinese, every
 * form control with its own <label>, one <main> landmark, an error announced with role="alert" and
 * tied to its field (aria-invalid, aria-describedby), dates as 2026年11月25日. Every value goes through
 * the escaping `html` template: nothing a commenter (or officer) typed is ever markup.
 */

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei","SimSun",sans-serif;margin:0;color:#1f2328;background:#f4f5f7;font-size:16px;line-height:1.7}
.bar{background:#9e1b1b;color:#fff;padding:10px 20px}
.bar b{font-size:18px}
.page{max-width:960px;margin:0 auto;padding:10px 20px 40px}
.box{background:#fff;border:1px solid #d8dce1;padding:14px 20px;margin:14px 0}
h1{font-size:22px;line-height:1.4;margin:16px 0 6px}
h2{font-size:18px;margin:6px 0 8px;border-left:4px solid #9e1b1b;padding-left:8px}
.meta{color:#555;font-size:14px}
.state{display:inline-block;padding:0 8px;border:1px solid;font-size:14px}
.state.open{color:#116329;border-color:#1a7f37}
.state.closed{color:#82071e;border-color:#b3261e}
.para{margin:6px 0;padding:4px 0;border-bottom:1px dotted #ddd}
.para .no{color:#9e1b1b;font-weight:bold;margin-right:6px}
.para a{font-size:14px;margin-left:8px;white-space:nowrap}
label{display:block;font-weight:bold;margin:12px 0 4px}
.hint{color:#555;font-size:14px;margin:2px 0}
textarea,input[type=text],select{width:100%;max-width:100%;box-sizing:border-box;font:inherit;padding:6px;border:1px solid #8c959f}
textarea{height:180px}
button{font:inherit;background:#9e1b1b;color:#fff;border:0;padding:8px 28px;margin-top:14px;cursor:pointer}
.alert{border:1px solid #b3261e;background:#ffebe9;color:#82071e;padding:8px 12px;margin:10px 0}
.ok{border:1px solid #1a7f37;background:#dafbe1;color:#116329;padding:8px 12px;margin:10px 0}
.receipt{font-size:26px;font-weight:bold;letter-spacing:2px;font-family:monospace}
ul{margin:4px 0;padding-left:24px}
a{color:#0b4f9c}`

function page(title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <div class="bar"><b>政务公开 · 意见征集</b></div>
        <main class="page">${body}</main>
      </body>
    </html>`.value
}

/** What the form held when it was refused (shown again, escaped), and why. */
export interface FormState {
  body: string
  paragraphNo: number | null
  name: string
  contact: string
  commenterType: CommenterType | null
  error: string | null
  /** The form control the error is about (its id), so it is marked invalid and names the error. */
  errorField?: FormField | null
}

/** The ids (and names) of the form's controls. */
export type FormField = 'paragraph' | 'body' | 'type' | 'name' | 'contact'

export const EMPTY_FORM: FormState = {
  body: '',
  paragraphNo: null,
  name: '',
  contact: '',
  commenterType: null,
  error: null,
}

/** `aria-invalid` and the error's id in `aria-describedby` for the field the error is about. */
function fieldAria(form: FormState, field: FormField, hint: string | null): SafeHtml {
  const invalid = form.error !== null && form.errorField === field
  const describedBy = [hint, invalid ? 'form-error' : null].filter((x) => x !== null).join(' ')
  return html`${invalid ? new SafeHtml(' aria-invalid="true"') : ''}${
    describedBy ? html` aria-describedby="${describedBy}"` : ''
  }`
}

const short = (text: string, n = 24) => (text.length > n ? `${text.slice(0, n)}…` : text)

/** The consultation page: the draft with numbered paragraphs, the period, and the form. */
export function consultationPage(c: LiveConsultation, today: string, form: FormState): string {
  const state = periodState(c, today)
  const stateText =
    state === 'open'
      ? '征集中'
      : state === 'not_started'
        ? `未开始（${dayText(c.startDate)}开始）`
        : '已结束'
  const formBox =
    state === 'open'
      ? html`<div class="box" id="form">
          <h2>我要提意见</h2>
          ${form.error ? html`<div class="alert" role="alert" id="form-error">${form.error}</div>` : ''}
          <form method="post" action="/consultations/${c.id}/comments" accept-charset="utf-8">
            <label for="paragraph">针对的段落（可选）</label>
            <select id="paragraph" name="paragraph" ${fieldAria(form, 'paragraph', null)}>
              <option value="">总体意见（不针对具体段落）</option>
              ${c.paragraphs.map(
                (p) =>
                  html`<option
                    value="${p.no}"
                    ${new SafeHtml(form.paragraphNo === p.no ? ' selected' : '')}
                  >
                    第${p.no}段：${short(p.text)}
                  </option>`,
              )}
            </select>
            <label for="body">意见内容（必填）</label>
            <p class="hint" id="body-hint">
              最多 ${COMMENT_LIMITS.body} 字，请勿填写他人的个人信息。
            </p>
            <textarea
              id="body"
              name="body"
              required
              maxlength="${COMMENT_LIMITS.body}"
              ${fieldAria(form, 'body', 'body-hint')}
            >
${form.body}</textarea>
            <label for="type">身份（可选）</label>
            <select id="type" name="type" ${fieldAria(form, 'type', null)}>
              <option value="">不选择</option>
              ${COMMENTER_TYPES.map(
                (t) =>
                  html`<option
                    value="${t}"
                    ${new SafeHtml(form.commenterType === t ? ' selected' : '')}
                  >
                    ${COMMENTER_TYPE_LABELS[t]}
                  </option>`,
              )}
            </select>
            <label for="name">姓名或单位（可选）</label>
            <input
              type="text"
              id="name"
              name="name"
              maxlength="${COMMENT_LIMITS.name}"
              value="${form.name}"
              ${fieldAria(form, 'name', 'privacy')}
            />
            <label for="contact">联系方式（可选）</label>
            <input
              type="text"
              id="contact"
              name="contact"
              maxlength="${COMMENT_LIMITS.contact}"
              value="${form.contact}"
              ${fieldAria(form, 'contact', 'privacy')}
            />
            <p class="hint" id="privacy">${CONTACT_NOT_PUBLISHED}</p>
            <button type="submit">提交意见</button>
          </form>
        </div>`
      : html`<div class="box">
          <p>
            ${state === 'ended' ? `本次意见征集已于${dayText(c.endDate)}结束，感谢关注。` : `本次意见征集将于${dayText(c.startDate)}开始，届时可在本页提交意见。`}
          </p>
        </div>`
  return page(
    c.title,
    html`<h1>${c.title}</h1>
      <p class="meta">
        发布单位：${c.departmentName}&#12288;文件类型：${DECISION_TYPE_LABELS[c.decisionType as DecisionType] ?? c.decisionType}
        &#12288;<span class="state ${state === 'open' ? 'open' : 'closed'}">${stateText}</span>
      </p>
      ${resultBox(c)}
      <div class="box">
        <h2>征集时间</h2>
        <p>${dayText(c.startDate)}至${dayText(c.endDate)}</p>
        ${c.shortReason ? html`<p class="meta">期限说明：${c.shortReason}</p>` : ''}
        <h2>征集说明</h2>
        ${c.questions
          .split(/\n+/)
          .filter((l) => l.trim())
          .map((l) => html`<p>${l}</p>`)}
        <h2>意见反馈渠道</h2>
        <ul>
          ${c.channels.map((ch) => html`<li>${CONSULTATION_CHANNEL_LABELS[ch as ConsultationChannel] ?? ch}</li>`)}
        </ul>
        <h2>联系方式</h2>
        <p>${c.contact}</p>
      </div>
      <div class="box">
        <h2>${draftCitation(c.draftTitle)}</h2>
        ${c.paragraphs.map(
          (p) =>
            html`<div class="para" id="p${p.no}">
              <span class="no">【第${p.no}段】</span
              >${p.text}${state === 'open' ? html`<a href="/consultations/${c.id}?paragraph=${p.no}#form">对本段提意见</a>` : ''}
            </div>`,
        )}
      </div>
      ${attachmentsBox(c)} ${formBox}`,
  )
}

/**
 * The draft's files: a plain link with the size for each file on the server, 「附件正在上传，请
 * 稍后再试」 for one not yet arrived (never a dead link), the name only for a file an older desk
 * listed without its hash.
 */
function attachmentsBox(c: LiveConsultation): SafeHtml | string {
  if (c.attachments.length === 0) return ''
  return html`<div class="box" id="attachments">
    <h2>附件</h2>
    <ul>
      ${c.attachments.map((a) =>
        a.sha256 !== null && a.size !== null && a.arrived
          ? html`<li>
              <a href="/consultations/${c.id}/attachments/${a.sha256}" download>${a.name}</a>
              <span class="meta">（${sizeText(a.size)}）</span>
            </li>`
          : a.sha256 !== null
            ? html`<li>${a.name}<span class="meta">（附件正在上传，请稍后再试）</span></li>`
            : html`<li>${a.name}<span class="meta">（请在政府网站本公告页下载）</span></li>`,
      )}
    </ul>
  </div>`
}

/**
 * 意见采纳情况: once the district holds the department's adoption result as published, a link to
 * where it was published (its title as text; the address passed 登记发布's http(s) check).
 */
function resultBox(c: LiveConsultation): SafeHtml | string {
  if (!c.result) return ''
  return html`<div class="box" id="result">
    <h2>意见采纳情况</h2>
    <p>本次征集的意见采纳情况已公布：<a href="${c.result.url}">${c.result.title}</a></p>
  </div>`
}

/** The receipt after a comment was stored. */
export function receiptPage(c: LiveConsultation, receiptNo: string, at: Date): string {
  return page(
    '意见已提交',
    html`<h1>意见已提交</h1>
      <div class="box">
        <div class="ok" role="status">感谢您对《${c.draftTitle}》提出意见，我们已收到。</div>
        <p>回执号：</p>
        <p class="receipt" id="receipt">${receiptNo}</p>
        <p class="meta">
          提交时间：${when(at.toISOString())}。请保存回执号，就本意见与我们联系时请提供；意见采纳情况将在征集结束后公布。
        </p>
        <p><a href="/consultations/${c.id}">返回意见征集页面</a></p>
      </div>`,
  )
}

/** A short page for refusals that have no form to show (not found, throttled). */
export function messagePage(title: string, message: string): string {
  return page(
    title,
    html`<h1>${title}</h1>
      <div class="box">
        <p role="alert">${message}</p>
        <p><a href="/consultations">查看正在征集的意见</a></p>
      </div>`,
  )
}

/** The list of consultations online. */
export function listPage(
  rows: { id: string; title: string; departmentName: string; startDate: string; endDate: string }[],
  today: string,
): string {
  return page(
    '意见征集',
    html`<h1>意见征集</h1>
      <div class="box">
        ${
          rows.length === 0
            ? html`<p>目前没有正在进行的意见征集。</p>`
            : html`<ul>
                ${rows.map((r) => {
                  const s = periodState(r, today)
                  return html`<li>
                    <a href="/consultations/${r.id}">${r.title}</a>
                    <span class="meta"
                      >${r.departmentName}&#12288;${dayText(r.startDate)}至${dayText(r.endDate)}&#12288;${s === 'open' ? '征集中' : s === 'ended' ? '已结束' : '未开始'}</span
                    >
                  </li>`
                })}
              </ul>`
        }
      </div>`,
  )
}
