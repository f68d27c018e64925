import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { readSpreadsheet } from '../../src/core/spreadsheet'
import type { ServerDB } from '../../src/server/db/schema'
import { districtOverview, parseOverviewQuery } from '../../src/server/overview/district-overview'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'
import { runAdminOn, sendChunks, sha } from './helpers/uploads'

const CHUNK = 64 * 1024
const LIMITS = { chunkBytes: CHUNK, maxFileBytes: 4 * 1024 * 1024, quotaBytes: 16 * 1024 * 1024 }

async function push(
  app: FastifyInstance,
  token: string,
  title: string,
  files: { name: string; bytes: Buffer }[],
): Promise<string> {
  const id = newItemId()
  const item = makeItem({
    title,
    attachments: files.map((f) => ({ name: f.name, sha256: sha(f.bytes), size: f.bytes.length })),
  })
  const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, item))
  expect(res.statusCode, res.body).toBe(201)
  return id
}

/** Uploads the chunks `indexes` of `file` (all of them by default). */
async function upload(app: FastifyInstance, token: string, file: Buffer, indexes?: number[]) {
  const hash = sha(file)
  const started = await call(app, token, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })
  expect(started.statusCode, started.body).toBe(200)
  const count = Math.ceil(file.length / CHUNK)
  await sendChunks(app, token, file, CHUNK, indexes ?? [...Array(count).keys()])
}

const rowsOf = async (db: Kysely<ServerDB>, raw: Record<string, string> = {}) =>
  (await districtOverview(db, NOW, parseOverviewQuery(raw, NOW))).rows.map((r) => [
    r.code,
    r.incomplete,
  ])

describe.each(BACKENDS)('district overview: 附件未到齐 (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('counts per department the items whose files have not all arrived, in the page (sortable, filterable), the .xlsx and the department’s detail', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token: a } = await department(db, 'A', '区财政局')
    const { token: b } = await department(db, 'B', '区教育局')
    await department(db, 'C', '区民政局')
    const shared = deterministicBytes(2 * CHUNK, 1)
    const half = deterministicBytes(4 * CHUNK, 2)
    const untouched = deterministicBytes(1000, 3)
    const own = deterministicBytes(500, 4)
    const hostile = deterministicBytes(300, 5)

    const partly = await push(app, a, '关于道路维修的公示', [
      { name: '实施方案.pdf', bytes: shared },
      { name: '明细表.xlsx', bytes: half },
    ])
    const none = await push(app, a, '<b>预算</b>公开', [
      { name: '<img src=x onerror=alert(1)>.pdf', bytes: untouched },
    ])
    await push(app, a, '无附件的通知', [])
    const withdrawn = await push(app, a, '已撤回的公告', [{ name: '旧稿.pdf', bytes: hostile }])
    await call(app, a, 'POST', `/api/v1/items/${withdrawn}/withdraw`, { reason: '暂缓公开' })
    const done = await push(app, a, '附件已到齐的公告', [{ name: '实施方案.pdf', bytes: shared }])
    const bItem = await push(app, b, '教育收费公示', [{ name: '收费标准.pdf', bytes: own }])
    await upload(app, a, shared)
    await upload(app, a, half, [0])

    expect(await rowsOf(db)).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 0],
    ])
    expect(await rowsOf(db, { sort: 'incomplete', dir: 'desc' })).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 0],
    ])
    expect(await rowsOf(db, { sort: 'incomplete', dir: 'asc' })).toEqual([
      ['C', 0],
      ['B', 1],
      ['A', 2],
    ])
    expect(await rowsOf(db, { only: 'incomplete' })).toEqual([
      ['A', 2],
      ['B', 1],
    ])
    const overview = await districtOverview(db, NOW, parseOverviewQuery({}, NOW))
    expect(overview.incompleteItems.map((i) => i.id)).toEqual(
      expect.arrayContaining([partly, none, bItem]),
    )
    expect(overview.incompleteItems).toHaveLength(3)
    const partlyFiles = overview.incompleteItems.find((i) => i.id === partly)!.files
    expect(partlyFiles.map((f) => [f.name, f.arrived, f.upload?.receivedBytes ?? null])).toEqual([
      ['实施方案.pdf', true, null],
      ['明细表.xlsx', false, CHUNK],
    ])

    // The page: a sortable column, the filter, the total and the list of missing files.
    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.body).toContain('href="/?year=2026&amp;sort=incomplete&amp;dir=desc"')
    expect(page.body).toMatch(/data-code="A"[\s\S]*?data-incomplete="2"/)
    expect(page.body).toContain('href="/district/departments/A/items?only=incomplete"')
    expect(page.body).toContain('<option value="incomplete" >')
    expect(page.body).toContain('附件未到齐的条目（3）')
    expect(page.body).toContain('明细表.xlsx <span class="muted">（上传中 64 KB / 256 KB')
    expect(page.body).toContain('尚未开始上传')
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf')
    expect(page.body).not.toContain('<img src=x')
    expect(page.body).not.toContain('<b>预算')
    expect(page.body).not.toContain('已撤回的公告')
    const filtered = await app.inject({ method: 'GET', url: '/?only=incomplete' })
    expect(filtered.body).toContain('data-code="B"')
    expect(filtered.body).not.toContain('data-code="C"')

    // The export: the column on the first sheet, the items and their missing files on a third.
    const xlsx = await app.inject({
      method: 'GET',
      url: '/district/overview.xlsx?sort=incomplete&dir=desc',
    })
    expect(xlsx.statusCode).toBe(200)
    const book = readSpreadsheet({ bytes: xlsx.rawPayload, fileName: 'overview.xlsx' })
    const first = book.sheets[0]!
    const header = first.rows.findIndex((r) => r[0] === '代码')
    const col = first.rows[header]!.indexOf('附件未到齐')
    expect(col).toBeGreaterThan(0)
    expect(first.rows.slice(header + 1, header + 4).map((r) => [r[0], r[col]])).toEqual([
      ['A', '2'],
      ['B', '1'],
      ['C', '0'],
    ])
    const sheet = book.sheets.find((s) => s.name === '附件未到齐')!
    expect(sheet).toBeDefined()
    const line = sheet.rows.find((r) => r.includes(partly))!
    expect(line).toEqual(expect.arrayContaining(['区财政局', '关于道路维修的公示', '1/2']))
    expect(line.join(' ')).toContain('明细表.xlsx（上传中')
    expect(line.join(' ')).not.toContain('实施方案.pdf')
    expect(
      sheet.rows.some((r) => r.includes('<img src=x onerror=alert(1)>.pdf（1 KB，尚未开始上传）')),
    ).toBe(true)

    // The department's detail — its 配档表 page (the department name's link) and its items: the
    // count, only those items, each linked to its page.
    const schedule = await app.inject({ method: 'GET', url: '/district/departments/A/schedule' })
    expect(schedule.body).toMatch(
      /href="\/district\/departments\/A\/items\?only=incomplete"[^>]*>附件未到齐 2 条/,
    )
    expect(schedule.body).toContain('报送条目 5 条')
    const items = await app.inject({ method: 'GET', url: '/district/departments/A/items' })
    expect(items.body).toContain('附件未到齐 2 条')
    expect(items.body).toContain(`href="/district/items/${done}"`)
    const only = await app.inject({
      method: 'GET',
      url: '/district/departments/A/items?only=incomplete',
    })
    expect(only.body).toContain('附件未到齐的条目（2）')
    expect(only.body).toContain(`data-item="${partly}"`)
    expect(only.body).toContain(`data-item="${none}"`)
    expect(only.body).not.toContain(`data-item="${done}"`)
    expect(only.body).toContain('显示全部 5 条')

    // The item the district opens names its missing files and where their uploads stand.
    const detail = await app.inject({ method: 'GET', url: `/district/items/${partly}` })
    expect(detail.statusCode).toBe(200)
    expect(detail.headers['content-security-policy']).toContain("default-src 'none'")
    expect(detail.body).toContain('附件未到齐：已到 1/2')
    expect(detail.body).toMatch(new RegExp(`data-file="${sha(shared)}" data-arrived="yes"`))
    expect(detail.body).toMatch(new RegExp(`data-file="${sha(half)}" data-arrived="no"`))
    expect(detail.body).toContain('上传中 64 KB / 256 KB')
    const escaped = await app.inject({
      method: 'GET',
      url: `/district/items/${none.toUpperCase()}`,
    })
    expect(escaped.body).toContain('&lt;b&gt;预算&lt;/b&gt;公开')
    expect(escaped.body).toContain('尚未开始上传')
    expect(escaped.body).not.toContain('<img src=x')
    const gone = await app.inject({ method: 'GET', url: `/district/items/${withdrawn}` })
    expect(gone.body).toContain('该条目已由部门撤回，不再等待附件（已到 0/1）')
    const complete = await app.inject({ method: 'GET', url: `/district/items/${done}` })
    expect(complete.body).toContain('附件已全部到齐（1 个）')
    expect(
      (await app.inject({ method: 'GET', url: `/district/items/${newItemId()}` })).statusCode,
    ).toBe(404)

    // The rest arrives: the counts follow.
    await upload(app, a, half, [1, 2, 3])
    await upload(app, b, own)
    expect(await rowsOf(db)).toEqual([
      ['A', 1],
      ['B', 0],
      ['C', 0],
    ])
    // A new revision naming a file not yet sent makes an item incomplete again.
    const revised = makeItem({
      title: '教育收费公示',
      attachments: [
        { name: '收费标准.pdf', sha256: sha(own), size: own.length },
        { name: '补充说明.pdf', sha256: sha(hostile), size: hostile.length },
      ],
    })
    expect(
      (await call(app, b, 'PUT', `/api/v1/items/${bItem}`, putBody(2, revised))).statusCode,
    ).toBe(200)
    expect(await rowsOf(db)).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 0],
    ])
  })

  it('the item page is behind the district login once accounts exist', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const id = await push(app, token, '公告', [{ name: 'a.pdf', bytes: deterministicBytes(10, 9) }])
    const made = await runAdminOn(backend, [
      'create-district-user',
      '--username',
      'wang',
      '--name',
      '王主任',
    ])
    expect(made.code, made.err.join('\n')).toBe(0)
    const res = await app.inject({ method: 'GET', url: `/district/items/${id}` })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toContain('/district/login')
  })
})
