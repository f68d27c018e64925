import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../src/shared/accounts/capabilities'
import type { ItemView } from '../../src/shared/items/types'
import type { Result } from '../../src/shared/result'
import type { ChecklistVersion } from '../../src/shared/review/types'
import type { Role } from '../../src/shared/accounts/roles'
import { APP_ORIGIN, E2E_SETUP, openApp, type OpenedApp } from './harness'

/**
 * Issue 10: every screen works at 1024×700 (a 1366×768 laptop at 125 %) and at 1366×768.
 *
 * Each role that sees different pages (起草人, 审核人, 管理员) opens EVERY route of the renderer's
 * feature registry — the list is read from src/renderer/app/features.ts, so a new page is covered
 * the day it is registered — with realistic data (long titles, a long body, requests, schedule
 * tasks, an activity). At both sizes a full-page screenshot is kept
 * (test-results/e2e-screenshots/layout-<role>-<page>-<size>.png) and the page FAILS when
 *  - it scrolls sideways (the document, or a main scroll container inside <main>),
 *  - its primary action (`data-primary-action` on the page's main button) is missing or not
 *    wholly inside the first screen (a page with no such action says so with
 *    `data-primary-action="none"`),
 *  - a status badge's text is cut off (badges never truncate),
 *  - a title cell (`data-title-text`, components/TitleText) is squeezed below 4 characters.
 * Every failure of every page is collected and reported together.
 */

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const

const PASSWORD = 'Layout2024pass'
const USERS: Record<
  'officer' | 'reviewer',
  { username: string; displayName: string; roles: Role[] }
> = {
  officer: { username: 'zhang', displayName: '张起草', roles: ['officer'] },
  reviewer: { username: 'li', displayName: '李审核', roles: ['reviewer'] },
}

const LONG_TITLE =
  '关于印发《淄博高新区2026年度政务公开工作要点及重点领域基层政务公开标准目录动态调整实施方案》的通知（征求意见后修订稿）'
const LONG_BODY = Array.from(
  { length: 60 },
  (_, i) =>
    `<p>第${i + 1}条 为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步推进决策、执行、管理、服务、结果公开，` +
    `各部门要按照"谁制作、谁公开，谁保存、谁公开"的原则，明确本单位政务公开工作机构和人员，健全信息发布协调机制，` +
    `确保公开内容准确、及时、完整，切实保障人民群众的知情权、参与权、表达权和监督权。</p>`,
).join('')

/**
 * The renderer's route list, read from the feature registry itself. Imported at run time (the
 * registry is renderer code, outside the node project's type-check; vitest transforms it).
 */
const REGISTRY = '../../src/renderer/app/features'
const REGISTRY_FNS = '../../src/renderer/app/registry'
interface RouteLike {
  path: string
}
async function routesFor(roles: readonly Role[]): Promise<string[]> {
  // Renderer modules may touch \`window\` when loaded (a hook installed at import); only the static
  // route paths are read here, so a bare global stands in for the browser's.
  ;(globalThis as Record<string, unknown>)['window'] ??= globalThis
  const { FEATURES } = (await import(/* @vite-ignore */ REGISTRY)) as { FEATURES: unknown[] }
  const { routesOf } = (await import(/* @vite-ignore */ REGISTRY_FNS)) as {
    routesOf: (features: unknown[], caps: ReturnType<typeof capabilitiesOf>) => RouteLike[]
  }
  return routesOf(FEATURES, capabilitiesOf(roles)).map((r) => r.path)
}

/** Where each role's list of failures is written (read it to fix a page). */
const REPORT_DIR = join(process.cwd(), 'test-results')

/** The ids the param routes are opened with (filled by the seeding). */
const seeded: Record<string, string> = {}
/** Seeding steps of other domains that could not run (reported with the page that needed them). */
const seedProblems: string[] = []

async function call<T>(app: OpenedApp, channel: string, input: unknown): Promise<T> {
  const r = (await app.core.dispatch(channel, input)) as Result<T>
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.data
}

async function loginAs(app: OpenedApp, username: string, password: string): Promise<void> {
  await call(app, 'auth:logout', {})
  await call(app, 'auth:login', { username, password })
}

/** Realistic data through core, so no page is measured empty. */
async function seed(app: OpenedApp): Promise<void> {
  const admin = E2E_SETUP.admin
  for (const u of Object.values(USERS)) {
    await call(app, 'users:create', { ...u, password: PASSWORD })
  }
  const year = new Date().getFullYear()

  // As the officer: items (one long, several short), one submitted for review.
  await loginAs(app, USERS.officer.username, PASSWORD)
  const long = await call<ItemView>(app, 'items:save', {
    kind: 'notice',
    title: LONG_TITLE,
    bodyHtml: LONG_BODY,
    issuer: '淄博高新技术产业开发区管理委员会办公室',
    docNumber: '淄高新管办字〔2026〕108号',
    signedDate: `${year}-03-15`,
  })
  seeded['item'] = long.id
  for (const [n, title] of [
    '关于公布2026年度行政事业性收费项目清单的公告',
    '淄博高新区关于进一步优化营商环境若干措施的政策解读',
    '2026年第三季度重点建设项目进展情况',
  ].entries()) {
    await call(app, 'items:save', {
      kind: 'notice',
      title,
      bodyHtml: '<p>根据工作安排，现将有关事项公告如下。</p>',
      issuer: '淄博高新区管委会办公室',
      docNumber: `淄高新管发〔2026〕${n + 3}号`,
      signedDate: `${year}-0${n + 4}-10`,
    })
  }
  const checklist = await call<ChecklistVersion>(app, 'review:checklist-get', {})
  await call(app, 'review:submit', {
    itemId: long.id,
    revision: long.revision,
    contentHash: long.contentHash,
    checklistVersion: checklist.version,
    selfCheck: checklist.questions.map((q) => ({
      questionId: q.id,
      answer: q.noteRequiredOn.includes('yes') ? 'no' : 'yes',
    })),
    carrier: 'official',
    channels: ['website'],
  })
  seeded['review'] = long.id

  // 依申请公开: requests with long contents.
  for (const [n, name] of [
    '淄博某某新材料科技股份有限公司',
    '王某某',
    '山东某某律师事务所',
  ].entries()) {
    const r = await call<{ id: string }>(app, 'requests:register', {
      applicantType: n === 1 ? 'natural' : 'commercial',
      applicantName: name,
      channel: 'online',
      channelDate: `${year}-11-${String(10 + n * 5).padStart(2, '0')}`,
      content:
        '申请公开2025年度高新区范围内建设工程项目消防设计审查验收备案抽查结果、抽查比例及不合格项目整改情况，' +
        '以及2024年至2026年淄博高新区管委会关于土地征收补偿安置方案的批复文件全文',
      form: 'electronic',
    })
    seeded['request'] ??= r.id
  }

  // 工作配档表 and 开放活动.
  for (const [n, requirement] of [
    '围绕优化营商环境、乡村振兴、生态环境保护等重点领域，及时公开政策文件、执行情况和工作成效，每季度至少发布一次工作动态，并在政府网站专栏集中展示',
    '做好政策解读，坚持解读材料与政策文件同步组织、同步审签、同步部署',
    '规范依申请公开办理，严格按照法定时限答复',
  ].entries()) {
    await call(app, 'schedule:create-task', {
      year,
      number: String(n + 1),
      category: '深化重点领域信息公开，聚焦市场主体和人民群众关切',
      requirement,
      leadUnit: '区党政办公室、区财政金融局、区自然资源局、区住房城乡建设局、区生态环境分局',
      districtDeadline: `${year}年12月底前`,
    })
  }
  await call(app, 'activities:save', {
    year,
    unitName: '淄博高新区政务公开示范局',
    title: '2026年"政府开放日"暨重点民生实事项目进展情况现场观摩与意见征集座谈活动',
    plannedDate: `${year}-12-18`,
    location: '高新区管委会一楼市民接待大厅',
    form: '政府开放日',
    content: '邀请人大代表、政协委员、企业和群众代表参观政务服务中心，听取意见建议。',
  })
  // 意见征集 (ENGAGEMENT): a consultation on a draft, so its detail page has an id.
  const draft = await call<ItemView>(app, 'items:save', {
    kind: 'notice',
    title: '淄博高新区关于进一步规范政府信息依申请公开工作的若干规定（征求意见稿）',
    bodyHtml: LONG_BODY,
    issuer: '淄博高新区管委会办公室',
    signedDate: `${year}-11-20`,
  })
  try {
    const c = await call<{ id: string }>(app, 'engagement:consultation-open', {
      draftItemId: draft.id,
      title: '关于《淄博高新区政府信息依申请公开工作若干规定（征求意见稿）》公开征求意见',
      decisionType: 'normative',
      startDate: `${year}-12-01`,
      endDate: `${year}-12-31`,
      questions: '请围绕申请受理、答复期限、收费标准等内容提出意见建议。',
      contact: '区党政办公室 张老师 0533-1234567',
      channels: ['online', 'email'],
    })
    seeded['consultation'] = c.id
  } catch (e) {
    seedProblems.push(`意见征集未能准备：${(e as Error).message}`)
  }
  await loginAs(app, admin.username, admin.password)
}

/** A route path with its params filled from the seeded ids (or the first matching link found). */
function concretePath(path: string, links: readonly string[]): string | undefined {
  if (!path.includes(':')) return path
  const pattern = new RegExp(`^${path.replace(/:[A-Za-z]+/g, '([^/]+)')}$`)
  const byPrefix: Record<string, string | undefined> = {
    '/drafts/:id': seeded['item'],
    '/review/:itemId': seeded['review'],
    '/requests/:id': seeded['request'],
    '/engagement/consultations/:id': seeded['consultation'],
  }
  const id = byPrefix[path]
  if (id) return path.replace(/:[A-Za-z]+/, id)
  return links.find((l) => pattern.test(l))
}

const slug = (path: string): string =>
  path === '/'
    ? 'home'
    : path
        .replace(/^\//, '')
        .replace(/\/:[A-Za-z]+/g, '-detail')
        .replace(/\//g, '-')

/** Waits until the page has rendered its content (no loader left, fonts in). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('main') !== null &&
      document.querySelectorAll('main .mantine-Loader-root').length === 0 &&
      (document.querySelector('main')?.textContent ?? '').trim().length > 0,
    undefined,
    { timeout: 15_000 },
  )
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(300)
}

/** What is wrong with the layout of the page on screen (empty when nothing is). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const describe = (el: Element): string => {
      const h = el as HTMLElement
      const id = h.getAttribute('data-testid') ?? h.getAttribute('aria-label') ?? ''
      const cls = [...h.classList].find((c) => c.startsWith('mantine-')) ?? h.tagName.toLowerCase()
      const text = (h.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24)
      return `${cls}${id ? `[${id}]` : ''}「${text}」`
    }
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > root.clientWidth + 1) {
      problems.push(
        `页面横向滚动：scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`,
      )
    }
    const main = document.querySelector('main')
    if (main) {
      const mainWidth = main.getBoundingClientRect().width
      const containers = [main, ...main.querySelectorAll('*')].filter((el) => {
        const style = getComputedStyle(el)
        const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll'
        // A main scroll container: the main area itself or one at least half its width.
        return (
          (el === main || (scrolls && el.getBoundingClientRect().width >= mainWidth / 2)) &&
          el.scrollWidth > el.clientWidth + 1
        )
      })
      for (const el of containers) {
        problems.push(
          `区域横向滚动：${describe(el)} scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`,
        )
      }
    }

    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden'
    }
    const actions = [...document.querySelectorAll('[data-primary-action]')]
    const declaredNone = actions.some((a) => a.getAttribute('data-primary-action') === 'none')
    const buttons = actions.filter((a) => a.getAttribute('data-primary-action') !== 'none')
    if (!declaredNone && buttons.length === 0) {
      problems.push(
        '没有标记主要操作（data-primary-action），或页面声明 data-primary-action="none"',
      )
    }
    for (const a of buttons) {
      const r = a.getBoundingClientRect()
      const inside =
        visible(a) && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth
      if (!inside) {
        problems.push(
          `主要操作不在首屏内：${describe(a)} at (${Math.round(r.left)}, ${Math.round(r.top)})–(${Math.round(r.right)}, ${Math.round(r.bottom)}) / ${innerWidth}×${innerHeight}`,
        )
      }
    }

    for (const label of document.querySelectorAll('.mantine-Badge-label')) {
      if (!visible(label)) continue
      const el = label as HTMLElement
      if (el.scrollWidth > el.clientWidth + 1) {
        problems.push(`状态标签被截断：${describe(el)} ${el.scrollWidth} > ${el.clientWidth}`)
      }
    }
    for (const title of document.querySelectorAll('[data-title-text]')) {
      if (!visible(title)) continue
      const el = title as HTMLElement
      const fontSize = parseFloat(getComputedStyle(el).fontSize) || 14
      const full = (el.getAttribute('data-title-text') ?? '').length
      if (el.clientWidth < Math.min(4, full) * fontSize - 1) {
        problems.push(`标题被挤到不足 4 个字：${describe(el)} 宽 ${el.clientWidth}px`)
      }
    }
    return problems
  })
}

describe('layout: every page at 1024×700 and 1366×768', () => {
  let app: OpenedApp | undefined
  beforeAll(async () => {
    app = await openApp({ setup: true, viewport: { width: 1366, height: 768 } })
    await seed(app)
  })
  afterAll(async () => {
    await app?.destroy()
  })

  const ROLES = [
    {
      key: 'officer',
      username: USERS.officer.username,
      password: PASSWORD,
      roles: USERS.officer.roles,
    },
    {
      key: 'reviewer',
      username: USERS.reviewer.username,
      password: PASSWORD,
      roles: USERS.reviewer.roles,
    },
    {
      key: 'admin',
      username: E2E_SETUP.admin.username,
      password: E2E_SETUP.admin.password,
      roles: ['officer', 'reviewer', 'leader', 'admin'] as Role[],
    },
  ] as const

  for (const role of ROLES) {
    it(`${role.key}: no sideways scroll, primary action on the first screen, badges whole`, async () => {
      const opened = app!
      const page = opened.page
      await loginAs(opened, role.username, role.password)
      // The renderer reads the session at start: reload so it shows this role's shell.
      await page.reload()
      await page.getByRole('navigation', { name: '主导航' }).waitFor()
      const routes = await routesFor(role.roles)
      expect(routes.length).toBeGreaterThan(5)
      const failures: string[] = []
      const links = new Set<string>()
      // Plain routes first, so links to detail pages are known for unseeded params.
      const ordered = [...routes].sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')))
      for (const size of SIZES) {
        await page.setViewportSize(size)
        await page.goto(`${APP_ORIGIN}/index.html#/`)
        for (const path of ordered) {
          const concrete = concretePath(path, [...links])
          const where = `${role.key} ${path} ${size.width}×${size.height}`
          if (!concrete) {
            failures.push(
              `${where}: 没有可打开的编号（在 layout.spec.ts 的 concretePath 里为它准备数据）${seedProblems.join('；')}`,
            )
            continue
          }
          await page.evaluate((hash) => {
            window.location.hash = hash
          }, concrete)
          await page.waitForFunction((h) => window.location.hash === `#${h}`, concrete)
          try {
            await settle(page)
          } catch {
            failures.push(`${where}: 页面 15 秒内没有显示内容`)
          }
          if (!(await page.evaluate(() => window.location.hash)).startsWith(`#${concrete}`)) {
            failures.push(
              `${where}: 打开后跳转到了 ${await page.evaluate(() => window.location.hash)}`,
            )
          }
          for (const href of await page.$$eval('main a[href^="#/"]', (as) =>
            as.map((a) => a.getAttribute('href')!.slice(1)),
          )) {
            links.add(href)
          }
          await opened.screenshot(`${role.key}-${slug(path)}-${size.width}x${size.height}`)
          for (const p of await layoutProblems(page)) failures.push(`${where}: ${p}`)
        }
      }
      await mkdir(REPORT_DIR, { recursive: true })
      await writeFile(join(REPORT_DIR, `layout-${role.key}.txt`), failures.join('\n') + '\n')
      expect(failures).toEqual([])
      expect(opened.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
    }, 300_000)
  }
})
