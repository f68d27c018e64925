import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { ItemView } from '../../src/shared/items/types'
import type { ChecklistVersion, ReviewView } from '../../src/shared/review/types'
import type { Result } from '../../src/shared/result'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

/** A valid GB 11643 ID: region 370303, born 1985-06-12, sequence 123, check digit computed. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0)
  return first17 + '10X98765432'[sum % 11]!
}
const ID = idNumber('37030319850612123')
const MASKED = `370303********${ID.slice(-4)}`

const MOBILE = '13912345678'
const ATTACHMENT = '申请人名单.docx'

/**
 * A .docx whose visible text is harmless, with a mobile number left in a tracked deletion (hidden in
 * Word) and the author's name in the document properties: what the scanner must still find.
 */
async function docxWithHiddenParts(): Promise<Buffer> {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
<w:p><w:r><w:t>第三批保障性住房申请人名单（已脱敏）</w:t></w:r></w:p>
<w:p><w:r><w:t>共 12 户，详见公示栏。</w:t></w:r><w:del w:id="1" w:author="孙经办" w:date="2024-05-01T08:00:00Z"><w:r><w:delText>联系电话${MOBILE}</w:delText></w:r></w:del></w:p>
</w:body></w:document>`,
  )
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator>孙经办</dc:creator></cp:coreProperties>`,
  )
  return zip.generateAsync({ type: 'nodebuffer' })
}

const ADMIN = E2E_SETUP.admin
const OFFICER = { username: 'qicao', displayName: '张起草', password: 'Officer2024pass' }
const REVIEWER = { username: 'shenhe', displayName: '李审核', password: 'Review2024pass' }
const LEADER = { username: 'qianfa', displayName: '赵签发', password: 'Leader2024pass' }

const TITLE = '关于2024年第三批保障性住房资格审核结果的公示'
const BODY = `经审核，下列申请符合保障性住房申请条件，现予公示。申请材料中的身份证号码为${ID}，公示期为五个工作日。`
const COMMENT = '请遮盖身份证号码后重新提交'

const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`))
const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })
const body = (page: Page) => page.locator('.dd-body-editor .tiptap')

async function dispatch<T>(app: OpenedApp, channel: string, input: unknown): Promise<T> {
  const r = (await app.core.dispatch(channel, input)) as Result<T>
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.data
}

async function login(page: Page, user: { username: string; password: string }): Promise<void> {
  await field(page, '用户名').fill(user.username)
  await field(page, '密码').fill(user.password)
  await field(page, '密码').press('Enter')
  await page.getByRole('heading', { name: /，您好$/ }).waitFor()
}

async function logout(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: `用户菜单：${displayName}` }).click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await page.getByRole('heading', { name: '登录' }).waitFor()
}

async function switchUser(
  page: Page,
  from: { displayName: string },
  to: { username: string; password: string },
): Promise<void> {
  await logout(page, from.displayName)
  await login(page, to)
}

/** A screenshot from the top of the page, without the toasts of earlier steps. */
async function shot(app: OpenedApp, name: string): Promise<void> {
  for (const close of await app.page.locator('.mantine-Notification-root button').all()) {
    await close.click().catch(() => undefined)
  }
  await app.page.evaluate(() => window.scrollTo(0, 0))
  await app.screenshot(name)
}

/** Answers every question without a risk: 否 on Q1–Q7, 是 on Q8–Q11 (no note needed). */
async function answerChecklist(dialog: Locator): Promise<void> {
  const groups = dialog.getByRole('list', { name: '审查清单' }).getByRole('radiogroup')
  const count = await groups.count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    await groups
      .nth(i)
      .getByRole('radio', { name: i < 7 ? '否' : '是', exact: true })
      .check()
  }
}

async function openQueueRow(page: Page, title: string): Promise<void> {
  await nav(page, '保密审查').click()
  await page.getByRole('heading', { name: '保密审查', exact: true }).waitFor()
  const row = page.getByRole('table', { name: '审查队列' }).getByRole('row', { name: title })
  await row.waitFor()
  await row.click()
  await page.getByRole('region', { name: '审查决定' }).waitFor()
}

async function approve(app: OpenedApp, screenshot?: string): Promise<void> {
  const { page } = app
  await page.getByRole('button', { name: '同意公开', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '同意公开' })
  await dialog.getByRole('button', { name: '按起草人自查结果填入' }).click()
  for (const reason of await dialog.getByRole('textbox', { name: /^保留理由：/ }).all()) {
    await reason.fill('已核实，属于依法应当公开的内容')
  }
  if (screenshot) await shot(app, screenshot)
  await dialog.getByRole('button', { name: '确认同意公开' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByRole('heading', { name: '保密审查', exact: true }).waitFor()
}

describe('保密审查: scan, self-check, return, mask, approve through the chain', () => {
  let app: OpenedApp | undefined
  let itemId = ''

  afterAll(async () => {
    await app?.destroy()
  })

  it('an officer drafts an item with an ID number, checks it and submits with the self-check', async () => {
    app = await openApp({ setup: true })
    for (const [user, roles] of [
      [OFFICER, ['officer']],
      [REVIEWER, ['reviewer']],
      [LEADER, ['leader']],
    ] as const) {
      await dispatch(app, 'users:create', { ...user, roles })
    }
    const { page } = app
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()
    await switchUser(page, ADMIN, OFFICER)

    await nav(page, '起草').click()
    await page.getByRole('button', { name: '新建' }).click()
    await page.getByRole('heading', { name: '新建条目' }).waitFor()
    await page.getByRole('combobox', { name: '类别', exact: true }).click()
    await page.getByRole('option', { name: '通知公告' }).click()
    await field(page, '标题').fill(TITLE)
    await body(page).click()
    await page.keyboard.type(BODY)
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/drafts\/[0-9a-f-]{36}$/)
    itemId = page.url().split('/').at(-1)!

    const fixtures = join(app.dataDir, 'fixtures')
    await mkdir(fixtures, { recursive: true })
    app.platform.openFile = join(fixtures, ATTACHMENT)
    await writeFile(app.platform.openFile, await docxWithHiddenParts())
    await page.getByRole('button', { name: '添加附件' }).click()
    await page.getByRole('listitem', { name: ATTACHMENT }).waitFor()

    // 保密检查: the ID number is found in the body and marked in the preview.
    const scanPanel = page.getByRole('region', { name: '保密检查' })
    await scanPanel.getByRole('button', { name: '保密检查' }).click()
    const results = page.getByRole('dialog', { name: /保密检查结果/ })
    await results.waitFor()
    await results.getByRole('listitem', { name: `居民身份证号：${ID}` }).waitFor()
    await results
      .getByLabel('正文预览')
      .locator('mark.dd-finding[data-severity="high"]', { hasText: ID })
      .waitFor()
    // The deleted (invisible) text of the attachment is scanned too.
    await results
      .getByRole('listitem', { name: `手机号：${MOBILE}` })
      .getByText('修订记录', { exact: false })
      .waitFor()
    await shot(app, 'scan-results')
    await page.keyboard.press('Escape')
    await results.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: '提交审查' }).click()
    const dialog = page.getByRole('dialog', { name: '提交保密审查' })
    await dialog.getByText('自查清单（第 1 版）').waitFor()
    // A required note: 是 on Q1 asks for one before submitting.
    await dialog
      .getByRole('list', { name: '审查清单' })
      .getByRole('radiogroup')
      .first()
      .getByRole('radio', { name: '是', exact: true })
      .check()
    await dialog.getByRole('button', { name: '提交', exact: true }).click()
    await dialog.getByText('此答案须填写说明').first().waitFor()
    await answerChecklist(dialog)
    await dialog.getByText('已全部作答').waitFor()
    await dialog.evaluate((el) =>
      el.querySelectorAll('.mantine-ScrollArea-viewport').forEach((v) => v.scrollTo(0, 0)),
    )
    await shot(app, 'self-check')
    // 拟公开方式 其他 must name the way (the shared schema's rule, as core applies it).
    await dialog.getByRole('checkbox', { name: '其他', exact: true }).check()
    await dialog.getByRole('button', { name: '提交', exact: true }).click()
    await dialog.getByText('选择“其他”公开方式时，请填写具体方式').waitFor()
    await field(dialog, '其他公开方式').fill('社区公开栏')
    await dialog.getByRole('button', { name: '提交', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.locator('.dd-editor-sticky').getByText('待审查').waitFor()
    await page.getByTestId('review-state').filter({ hasText: '审查中' }).waitFor()
    expect(app.problems).toEqual([])
  })

  it('the reviewer sees it in the queue with the finding highlighted and returns it', async () => {
    const { page } = app!
    await switchUser(page, OFFICER, REVIEWER)
    await nav(page, '保密审查').click()
    const row = page.getByRole('table', { name: '审查队列' }).getByRole('row', { name: TITLE })
    await row.getByText('保密审核').waitFor()
    await row.getByText(OFFICER.displayName).waitFor()
    await row.locator('[data-severity="high"]').first().waitFor()
    await shot(app!, 'queue')

    await row.click()
    const attachments = page.getByRole('region', { name: '附件', exact: true })
    await attachments
      .getByRole('listitem', { name: `手机号：${MOBILE}` })
      .getByText('删除内容', { exact: false })
      .waitFor()
    await attachments
      .getByRole('listitem', { name: /^文档属性：/ })
      .first()
      .waitFor()
    const mark = page
      .getByRole('region', { name: '审查正文' })
      .locator('mark.dd-finding[data-severity="high"]', { hasText: ID })
    await mark.waitFor()
    await page.getByRole('button', { name: '同意公开', exact: true }).waitFor()
    await page.getByRole('region', { name: '元数据' }).getByText('其他（社区公开栏）').waitFor()
    await shot(app!, 'review-screen')

    await page.getByRole('button', { name: '退回修改', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '退回修改' })
    await dialog.getByRole('combobox', { name: '意见 1 针对的发现' }).click()
    await page.getByRole('option', { name: new RegExp(`居民身份证号：${ID}`) }).click()
    await dialog.getByRole('textbox', { name: '意见 1', exact: true }).fill(COMMENT)
    await dialog.getByRole('button', { name: '确认退回修改' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('没有等待您审查的信息。').waitFor()
    expect(app!.problems).toEqual([])
  })

  it('the officer sees 退回修改 with the comment, masks the ID number and resubmits', async () => {
    const { page } = app!
    await switchUser(page, REVIEWER, OFFICER)
    await nav(page, '起草').click()
    await page.getByRole('grid', { name: '条目列表' }).getByRole('row', { name: TITLE }).click()
    await page.locator('.dd-editor-sticky').getByText('退回修改').waitFor()
    const returned = page.getByRole('alert', { name: /^退回修改/ })
    await returned.getByText(COMMENT).waitFor()
    await returned.getByTestId('comment-finding').filter({ hasText: ID }).waitFor()

    await page
      .getByRole('region', { name: '保密检查' })
      .getByRole('button', { name: '保密检查' })
      .click()
    const results = page.getByRole('dialog', { name: /保密检查结果/ })
    await results.getByRole('button', { name: `遮盖：${ID}` }).click()
    await results.getByLabel('正文预览').getByText(MASKED, { exact: false }).waitFor()
    await expect
      .poll(() => results.getByRole('listitem', { name: `居民身份证号：${ID}` }).count())
      .toBe(0)
    await page.keyboard.press('Escape')
    await results.waitFor({ state: 'detached' })
    await body(page).getByText(MASKED, { exact: false }).waitFor()
    expect(await body(page).textContent()).not.toContain(ID)
    await shot(app!, 'masked-body')

    await page.getByRole('button', { name: '提交审查' }).click()
    const dialog = page.getByRole('dialog', { name: '提交保密审查' })
    // The last self-check is filled in again.
    await dialog.getByText('已全部作答').waitFor()
    await dialog.getByRole('button', { name: '提交', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.locator('.dd-editor-sticky').getByText('待审查').waitFor()
    expect(app!.problems).toEqual([])
  })

  it('the reviewer and the leader approve; the item is 已通过 with a 索引号', async () => {
    const { page } = app!
    await switchUser(page, OFFICER, REVIEWER)
    await openQueueRow(page, TITLE)
    await page
      .getByRole('region', { name: '审查正文' })
      .getByText(MASKED, { exact: false })
      .waitFor()
    await page.getByRole('tab', { name: '版本对比' }).click()
    // 与上次审查版本对比: the ID number replaced by its masked form.
    const diff = page.getByRole('table', { name: '正文对比' })
    await diff.locator('.dd-diff-ins', { hasText: '********' }).first().waitFor()
    await page.getByRole('tab', { name: '审查流程' }).click()
    await page.getByText('第 2 次提交', { exact: false }).first().waitFor()
    await approve(app!, 'approve')

    await switchUser(page, REVIEWER, LEADER)
    await openQueueRow(page, TITLE)
    await page.getByText('当前步骤：领导签发（2/2）').waitFor()
    await approve(app!)

    const item = await dispatch<ItemView>(app!, 'items:get', { id: itemId })
    expect(item.status).toBe('approved')
    expect(item.indexNumber).toBeTruthy()
    expect(app!.problems).toEqual([])
  })

  it('the officer sees 已通过 and the 索引号; an edit asks first and starts a 修订稿 beside the approved revision', async () => {
    const { page } = app!
    await switchUser(page, LEADER, OFFICER)
    await nav(page, '起草').click()
    await page.getByRole('grid', { name: '条目列表' }).getByRole('row', { name: TITLE }).click()
    const header = page.locator('.dd-editor-sticky')
    await header.getByText('已通过').waitFor()
    const item = await dispatch<ItemView>(app!, 'items:get', { id: itemId })
    await page.getByRole('region', { name: '条目信息' }).getByText(item.indexNumber!).waitFor()
    await page.getByTestId('review-state').filter({ hasText: '已通过' }).waitFor()

    // 审查记录 → the review screen (closed: no decisions) → 导出审查单 (.docx where the user chooses).
    await page
      .getByRole('region', { name: '审查情况' })
      .getByRole('link', { name: '审查记录' })
      .click()
    await page
      .getByRole('region', { name: '审查决定' })
      .getByText('本次审查已通过', { exact: false })
      .waitFor()
    await page.getByRole('button', { name: '导出审查单' }).click()
    await page.getByText('保密审查单已导出', { exact: false }).waitFor()
    const exported = await readdir(join(app!.dataDir, 'saved'))
    expect(exported.some((f) => f.endsWith('.docx'))).toBe(true)
    await page.getByRole('button', { name: '打开条目' }).click()
    await header.getByText('已通过').waitFor()

    // 修订稿 (issue 10): the approved item is locked; 「修改」 asks first, then a working revision
    // starts while the approved one stays in force (and the review says so).
    const approvedRevision = (await dispatch<ItemView>(app!, 'items:get', { id: itemId })).revision
    await page.getByRole('button', { name: '修改（开始修订稿）' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '开始修订稿' }).click()
    await body(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('（联系人：住房保障科）')
    await page.getByRole('button', { name: /^保存/ }).click()
    await header.getByText(`已通过 第 ${approvedRevision} 版`).waitFor()
    await header.getByText(`修订中 第 ${approvedRevision + 1} 版`).waitFor()
    await page
      .getByTestId('review-stale')
      .filter({ hasText: `已通过的第 ${approvedRevision} 版继续生效` })
      .waitFor()
    const edited = await dispatch<ItemView>(app!, 'items:get', { id: itemId })
    expect(edited.status).toBe('draft')
    expect(edited.liveRevision).toEqual({ revision: approvedRevision, status: 'approved' })
    expect(app!.problems).toEqual([])
  })

  it('an author who also reviews sees no decision buttons on their own item; core refuses', async () => {
    const { page } = app!
    await switchUser(page, OFFICER, ADMIN)
    // The administrator holds every role: draft and submit through core, as the UI would.
    const own = await dispatch<ItemView>(app!, 'items:save', {
      kind: 'notice',
      title: '关于调整办公时间的通知',
      bodyHtml: '<p>自下周一起，办公时间调整为上午九时至下午五时。</p>',
    })
    const checklist = await dispatch<ChecklistVersion>(app!, 'review:checklist-get', {})
    const submitted = await dispatch<ReviewView>(app!, 'review:submit', {
      itemId: own.id,
      revision: own.revision,
      contentHash: own.contentHash,
      checklistVersion: checklist.version,
      selfCheck: checklist.questions.map((q, i) => ({
        questionId: q.id,
        answer: i < 7 ? 'no' : 'yes',
      })),
      carrier: 'non_official',
      channels: ['website'],
    })
    expect(submitted.cannotDecideReason).toBe('own_item')

    await nav(page, '保密审查').click()
    await page.getByRole('tab', { name: '全部进行中' }).click()
    await page
      .getByRole('table', { name: '审查队列' })
      .getByRole('row', { name: '关于调整办公时间的通知' })
      .click()
    const panel = page.getByRole('region', { name: '审查决定' })
    await panel.getByText('您是本条信息的起草人，不能审查').waitFor()
    await shot(app!, 'own-item')
    for (const name of ['同意公开', '退回修改', '不予公开', '报上级审查']) {
      expect(await panel.getByRole('button', { name }).count()).toBe(0)
    }

    const refused = await app!.core.dispatch('review:decide', {
      itemId: own.id,
      reviewId: submitted.review!.id,
      stepIndex: 0,
      contentHash: own.contentHash,
      decision: 'approve',
      checklist: checklist.questions.map((q, i) => ({
        questionId: q.id,
        answer: i < 7 ? 'no' : 'yes',
      })),
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN')
    expect(app!.problems).toEqual([])
  })

  it('the administrator maintains keywords, the checklist and the chain in 设置', async () => {
    const { page } = app!
    await nav(page, '设置').click()
    const section = page.getByRole('region', { name: '保密审查设置' })
    await section.scrollIntoViewIfNeeded()
    const add = section.getByRole('form', { name: '添加敏感词' })
    await field(add, '关键词').fill('东风工程')
    await add.getByRole('button', { name: '添加' }).click()
    await section
      .getByRole('table', { name: '敏感词' })
      .getByRole('row', { name: '东风工程' })
      .waitFor()

    await section.getByRole('tab', { name: '审查清单' }).click()
    await section.getByTestId('checklist-version').filter({ hasText: '第 1 版' }).waitFor()
    await section.getByRole('button', { name: '添加问题' }).click()
    await section.getByRole('textbox', { name: '第 12 项问题' }).fill('是否涉及未成年人信息？')
    await section.getByRole('button', { name: '保存为新版本' }).click()
    await section.getByTestId('checklist-version').filter({ hasText: '第 2 版' }).waitFor()
    await shot(app!, 'settings')

    await section.getByRole('tab', { name: '审查流程' }).click()
    await section.getByRole('textbox', { name: '第 1 步名称' }).waitFor()
    await section.getByRole('tab', { name: '敏感词' }).click()
    expect(app!.problems).toEqual([])
  })
})

// ── Issue 10: the review pages at 1024×700 and 1366×768 ──────────────────────────────────────────

const LONG_TITLE =
  '关于印发《淄博高新区2024年度政务公开工作要点及重点领域信息公开任务分解方案》的通知（含各责任单位任务清单）'
const LONG_BODY = Array.from(
  { length: 60 },
  (_, i) =>
    `<p>第${i + 1}段：各责任单位要按照“谁公开、谁审查、谁负责”的原则，严格落实保密审查制度，在规定时限内完成信息公开任务。</p>`,
).join('')
const POLICY_TITLE = '淄博高新区促进商贸流通业高质量发展若干措施'
const INTERP_TITLE = '《促进商贸流通业高质量发展若干措施》政策解读'

/** Every visible badge shows its whole label (scrollWidth within clientWidth). */
async function truncatedBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-label')]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.textContent ?? ''} (${el.scrollWidth}>${el.clientWidth})`),
  )
}

/** The element's box lies wholly inside the window (at the current scroll). */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = locator.page().viewportSize()
  if (!box || !size) return false
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width
  )
}

async function submitThroughCore(app: OpenedApp, item: ItemView): Promise<void> {
  const checklist = await dispatch<ChecklistVersion>(app, 'review:checklist-get', {})
  await dispatch<ReviewView>(app, 'review:submit', {
    itemId: item.id,
    revision: item.revision,
    contentHash: item.contentHash,
    checklistVersion: checklist.version,
    selfCheck: checklist.questions.map((q, i) => ({
      questionId: q.id,
      answer: i < 7 ? 'no' : 'yes',
    })),
    carrier: 'official',
    channels: ['website', 'other'],
    channelOther: '区政务服务中心公开栏',
  })
}

describe.each([
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
])('review pages at $width×$height (issue 10)', (viewport) => {
  let app: OpenedApp | undefined
  const size = `${viewport.width}x${viewport.height}`
  let longId = ''
  let interpId = ''

  afterAll(async () => {
    await app?.destroy()
  })

  it('the queue: 标题 ellipsised never to one character, badges whole, the policy and its interpretation together, a 公开期限 column', async () => {
    app = await openApp({ setup: true, viewport, spec: 'review-layout' })
    for (const [user, roles] of [
      [OFFICER, ['officer']],
      [REVIEWER, ['reviewer']],
      [LEADER, ['leader']],
    ] as const) {
      await dispatch(app, 'users:create', { ...user, roles })
    }
    const { page } = app
    await switchUser(page, ADMIN, OFFICER)
    const long = await dispatch<ItemView>(app, 'items:save', {
      kind: 'notice',
      title: LONG_TITLE,
      bodyHtml: LONG_BODY,
      signedDate: '2026-11-20',
    })
    longId = long.id
    const policy = await dispatch<ItemView>(app, 'items:save', {
      kind: 'policy',
      title: POLICY_TITLE,
      bodyHtml: '<p>第一条 为促进商贸流通业高质量发展，制定本措施。</p>',
    })
    const interp = await dispatch<ItemView>(app, 'items:save', {
      kind: 'interpretation',
      title: INTERP_TITLE,
      bodyHtml: '<p>一、出台背景。二、主要内容。三、适用对象。</p>',
    })
    interpId = interp.id
    await dispatch(app, 'items:link', { policyId: policy.id, interpretationId: interp.id })
    for (const id of [long.id, policy.id, interp.id]) {
      await submitThroughCore(app, await dispatch<ItemView>(app, 'items:get', { id }))
    }

    await switchUser(page, OFFICER, REVIEWER)
    await nav(page, '保密审查').click()
    const table = page.getByRole('table', { name: '审查队列' })
    await table.getByRole('row', { name: LONG_TITLE }).waitFor()
    // No sideways scroll of the page.
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    )
    // The 标题 cell keeps room for far more than one character; the full title is in the DOM.
    const title = table.getByRole('row', { name: LONG_TITLE }).locator('[data-title-text]').first()
    expect((await title.boundingBox())!.width).toBeGreaterThan(14 * 8)
    expect(await title.getAttribute('data-title-text')).toBe(LONG_TITLE)
    // Ellipsised (cut, not wrapped), with the full title on hover.
    expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await title.hover()
    await page.mouse.move(0, 0)
    await title.hover()
    await page.getByRole('tooltip').filter({ hasText: LONG_TITLE }).waitFor()
    expect(await truncatedBadges(page)).toEqual([])
    // The interpretation sits right under its policy, each naming the other.
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-label')))
    expect(rows.indexOf(INTERP_TITLE)).toBe(rows.indexOf(POLICY_TITLE) + 1)
    await table
      .getByRole('row', { name: INTERP_TITLE })
      .getByTestId('queue-paired')
      .filter({ hasText: POLICY_TITLE })
      .waitFor()
    // 公开期限: the catalogue 时限 (else 20 working days) from 成文日期, as core computed it.
    const due = (await dispatch<ItemView>(app, 'items:get', { id: longId })).dueDate!
    const [y, m, d] = due.split('-').map(Number)
    await table.getByRole('row', { name: LONG_TITLE }).getByText(`${y}年${m}月${d}日`).waitFor()
    await page.mouse.move(0, 0)
    await shot(app, `queue-${size}`)
    expect(app.problems).toEqual([])
  })

  it('the review screen: 审查决定 on the first screen and still there at the end of a long body', async () => {
    const { page } = app!
    await page
      .getByRole('table', { name: '审查队列' })
      .getByRole('row', { name: LONG_TITLE })
      .click()
    const panel = page.getByRole('region', { name: '审查决定' })
    const approveButton = panel.getByRole('button', { name: '同意公开', exact: true })
    await approveButton.waitFor()
    expect(await onScreen(approveButton)).toBe(true)
    expect(await approveButton.getAttribute('data-primary-action')).not.toBeNull()
    expect(await truncatedBadges(page)).toEqual([])
    await page
      .getByRole('region', { name: '元数据' })
      .getByText('其他（区政务服务中心公开栏）')
      .waitFor()
    await shot(app!, `review-${size}`)
    // Scrolled to the last paragraph of the body: the decisions are still on screen.
    await page.getByText('第60段', { exact: false }).scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000)
    expect(await onScreen(approveButton)).toBe(true)
    for (const name of ['退回修改', '不予公开', '报上级审查']) {
      expect(await onScreen(panel.getByRole('button', { name, exact: true }))).toBe(true)
    }
    // What the user sees there (a full-page shot would not show the sticky column).
    await page.screenshot({
      path: join('test-results', 'e2e-screenshots', `review-layout-review-scrolled-${size}.png`),
    })
    expect(app!.problems).toEqual([])
  })

  it('a middle step’s 同意 says it went on to the next step; the interpretation tells the leader before the checklist', async () => {
    const { page } = app!
    await approve(app!)
    await page.getByText('已同意，已转交下一步：领导签发审查').waitFor()
    expect(await page.getByText('已同意公开', { exact: true }).count()).toBe(0)

    // The reviewer's step of the interpretation: told that signing needs the policy approved.
    await openQueueRow(page, INTERP_TITLE)
    const notice = page.getByTestId('approval-notice').first()
    await notice.getByText(`请先审核通过政策文件「${POLICY_TITLE}」`, { exact: false }).waitFor()
    expect(await onScreen(notice)).toBe(true)
    await page.getByRole('region', { name: '政策与解读' }).getByText(POLICY_TITLE).waitFor()
    await approve(app!)

    // The leader, before any checklist: the notice at the top and in the panel; 同意公开 disabled.
    await switchUser(page, REVIEWER, LEADER)
    await openQueueRow(page, INTERP_TITLE)
    const panel = page.getByRole('region', { name: '审查决定' })
    await panel.getByTestId('approval-notice').waitFor()
    expect(await onScreen(page.getByTestId('approval-notice').first())).toBe(true)
    expect(await panel.getByRole('button', { name: '同意公开', exact: true }).isDisabled()).toBe(
      true,
    )
    await shot(app!, `interpretation-leader-${size}`)
    // Core refuses it too, with the same words.
    const view = await dispatch<ReviewView>(app!, 'review:get', { itemId: interpId })
    const refused = await app!.core.dispatch('review:decide', {
      itemId: interpId,
      reviewId: view.review!.id,
      stepIndex: view.review!.currentStep,
      contentHash: view.item.contentHash,
      decision: 'approve',
      checklist: view.checklist.questions.map((q, i) => ({
        questionId: q.id,
        answer: i < 7 ? 'no' : 'yes',
      })),
    })
    expect(refused.ok ? '' : refused.error.message).toBe(view.approvalNotice?.message)
    expect(app!.problems).toEqual([])
  })

  it('已完成: the leader finds the round they closed and exports its 审查单 from there', async () => {
    const { page } = app!
    await openQueueRow(page, LONG_TITLE)
    await approve(app!)
    await page.getByText('已同意公开', { exact: true }).waitFor()
    await page.getByRole('tab', { name: '已完成' }).click()
    const row = page.getByRole('table', { name: '审查队列' }).getByRole('row', { name: LONG_TITLE })
    await row.getByText('已通过').first().waitFor()
    expect(await truncatedBadges(page)).toEqual([])
    await shot(app!, `done-${size}`)
    await row.getByRole('button', { name: `导出审查单：${LONG_TITLE}` }).click()
    await page.getByText('保密审查单已导出', { exact: false }).waitFor()
    const exported = await readdir(join(app!.dataDir, 'saved'))
    expect(exported.some((f) => f.endsWith('.docx'))).toBe(true)
    expect((await dispatch<ItemView>(app!, 'items:get', { id: longId })).status).toBe('approved')
    expect(app!.problems).toEqual([])
  })
})
