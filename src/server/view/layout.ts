import { html, SafeHtml } from './html'

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** An ISO instant in Beijing time, the way district staff read dates; — when absent. */
export function when(iso: string | null | undefined): string {
  return iso ? shanghai.format(new Date(iso)) : '—'
}

/** `2026-11-20` → `2026年11月20日`. */
export function dayText(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '')
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '—'
}

/** The district pages' look: readable at 1366×768 without sideways scrolling, printable. */
export const DISTRICT_STYLE = `*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;font-size:14px;line-height:1.5;background:#f6f7f9}
header.top{background:#1c4e80;color:#fff;padding:.6rem 1.5rem;display:flex;gap:2rem;align-items:center;flex-wrap:wrap}
header.top h1{font-size:1.15rem;margin:0;font-weight:600}
header.top nav a{color:#fff;margin-right:1.2rem;text-decoration:none;padding:.2rem 0;border-bottom:2px solid transparent}
header.top nav a[aria-current=page]{border-bottom-color:#fff;font-weight:600}
header.top .who{margin-left:auto;font-size:.85rem;opacity:.9}
header.top .who form{display:inline}
header.top .who button{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:.1rem .6rem;cursor:pointer;font:inherit}
main{padding:1rem 1.5rem 2rem;max-width:1600px}
h2{font-size:1.05rem;margin:1.4rem 0 .5rem}
.muted{color:#656d76}.late,.bad{color:#b3261e}.ok{color:#1a7f37}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#eef1f5;position:sticky;top:0;font-weight:600}
thead th a{color:inherit;text-decoration:none}thead th a:hover{text-decoration:underline}
td.n,th.n{text-align:right;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
form.filters{display:flex;gap:.8rem;align-items:flex-end;flex-wrap:wrap;background:#fff;border:1px solid #d0d7de;padding:.6rem .8rem;border-radius:6px}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;gap:.15rem}
input,select,button{font:inherit}
input[type=text],input[type=search],input[type=password],select{padding:.25rem .4rem;border:1px solid #afb8c1;border-radius:4px;min-width:8rem}
button,.button{background:#1c4e80;color:#fff;border:0;border-radius:4px;padding:.35rem .9rem;cursor:pointer;text-decoration:none;display:inline-block}
.button.secondary{background:#fff;color:#1c4e80;border:1px solid #1c4e80}
meter{width:4.5rem;height:.8rem;vertical-align:middle}
.notice{padding:.6rem .8rem;border-radius:6px;margin:.8rem 0;border:1px solid}
.notice.ok{background:#dafbe1;border-color:#4ac26b;color:#116329}
.notice.bad{background:#ffebe9;border-color:#ff8182;color:#82071e}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.summary{display:flex;gap:1rem;flex-wrap:wrap;margin:.6rem 0}
.summary div{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.4rem .9rem}
.summary b{font-size:1.2rem;display:block}
.nowrap{white-space:nowrap}td.dept{min-width:6.5em}thead th:first-child{white-space:nowrap}
@media (max-width:1200px){body{font-size:13px}th.n{white-space:normal}main{padding:.8rem 1rem 2rem}th,td{padding:.25rem .3rem}meter{display:none}header.top{padding:.5rem 1rem}}
@media print{header.top,form.filters,.noprint{display:none}body{background:#fff}}`

/** Who is looking, for the header (null: the page is open without accounts). */
export interface Viewer {
  name: string
  /** Role label, e.g. 管理员. */
  role: string
  /** CSRF token for the logout form. */
  csrf: string
}

/** The pages of the district nav. */
export type DistrictNav = 'overview' | 'breakdowns' | 'calendar' | 'accounts' | 'audit' | 'none'

/** A whole district page: header with the nav, then `body`. */
export function districtPage(
  title: string,
  current: DistrictNav,
  body: SafeHtml,
  viewer: Viewer | null = null,
  links: { accounts?: boolean } = {},
): string {
  const link = (href: string, key: DistrictNav, text: string) =>
    html`<a href="${href}" ${new SafeHtml(current === key ? 'aria-current="page"' : '')}
      >${text}</a
    >`
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>${title} · 政务公开 区级总览</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style>
          ${new SafeHtml(DISTRICT_STYLE)}
        </style>
      </head>
      <body>
        <header class="top">
          <h1>政务公开 区级总览</h1>
          <nav aria-label="区级页面">
            ${link('/', 'overview', '各部门总览')}
            ${link('/district/breakdowns', 'breakdowns', '重点工作分解表')}
            ${link('/district/calendar', 'calendar', '节假日日历')}
            ${
              links.accounts
                ? html`${link('/district/accounts', 'accounts', '区级账户')}
                  ${link('/district/audit', 'audit', '操作记录')}`
                : ''
            }
          </nav>
          ${
            viewer
              ? html`<div class="who">
                  ${viewer.name}（${viewer.role}）
                  <form method="post" action="/district/logout">
                    <input type="hidden" name="csrf" value="${viewer.csrf}" />
                    <button type="submit">退出</button>
                  </form>
                </div>`
              : ''
          }
        </header>
        <main>${body}</main>
      </body>
    </html>`.value
}
