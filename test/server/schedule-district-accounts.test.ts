import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { loginDistrictUser } from '../../src/server/district/accounts'
import { BACKENDS, useBackend } from './helpers/backends'
import { batchEntry, makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'
import { adminCli } from './schedule-helpers'

const HOST = 'district.example'
const ORIGIN = `http://${HOST}`

/** A browser-like form POST from the district's own page. */
function post(app: FastifyInstance, url: string, fields: Record<string, string>, cookie?: string) {
  return app.inject({
    method: 'POST',
    url,
    headers: {
      host: HOST,
      origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    payload: new URLSearchParams(fields).toString(),
  })
}

const get = (app: FastifyInstance, url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: { host: HOST, ...(cookie ? { cookie } : {}) } })

/** Logs in and returns the session cookie and the page's CSRF token. */
async function login(app: FastifyInstance, username: string, password: string) {
  const res = await post(app, '/district/login', { username, password, next: '/' })
  expect(res.statusCode).toBe(303)
  const setCookie = String(res.headers['set-cookie'])
  expect(setCookie).toMatch(/HttpOnly; SameSite=Strict/)
  const cookie = setCookie.split(';')[0]!
  const page = await get(app, '/', cookie)
  expect(page.statusCode).toBe(200)
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1]
  expect(csrf).toBeTruthy()
  return { cookie, csrf: csrf!, page: page.body }
}

describe.each(BACKENDS)('district accounts (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()
  /** A fresh database; district accounts are not per department, so cleared too on PostgreSQL. */
  const fresh = async () => {
    const database = await backend.fresh()
    await sql`DELETE FROM district_sessions`.execute(database.db)
    await sql`DELETE FROM district_users`.execute(database.db)
    await sql`DELETE FROM district_audit`.execute(database.db)
    return database
  }

  /** A server, the admin 王主任 (from the CLI) and one item pushed by 区财政局 (CZJ). */
  async function adminAndItem(title?: string) {
    const { db } = await fresh()
    const app = await server(db)
    const run = adminCli(backend)
    const admin = (await run('create-district-user', '--username', 'wang', '--name', '王主任'))
      .json!
    const { token } = await department(db, 'CZJ', '区财政局')
    const itemId = newItemId()
    const item = makeItem(title ? { title } : {})
    await call(app, token, 'PUT', `/api/v1/items/${itemId}`, putBody(1, item))
    return { db, app, run, admin, token, itemId }
  }

  it('the first admin from the CLI closes the pages to anyone not logged in, the view password included', async () => {
    const { db } = await fresh()
    const app = await server(db, { view: { openWithoutPassword: true, password: '旧的访问密码' } })
    const basic = `Basic ${Buffer.from('x:旧的访问密码').toString('base64')}`
    expect(
      (await app.inject({ method: 'GET', url: '/', headers: { authorization: basic } })).statusCode,
    ).toBe(200)
    const run = adminCli(backend)
    const created = await run('create-district-user', '--username', 'wang', '--name', '王主任')
    expect(created.code).toBe(0)
    const password = created.json!.password as string
    expect(created.json).toMatchObject({ username: 'wang', role: 'admin' })
    expect(created.out.join('\n')).toContain('初始密码只显示这一次')
    const stored = await db.selectFrom('district_users').selectAll().executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^scrypt\$15\$8\$1\$/)
    expect(JSON.stringify(stored)).not.toContain(password)

    const closed = await app.inject({
      method: 'GET',
      url: '/?year=2026',
      headers: { authorization: basic },
    })
    expect(closed.statusCode).toBe(303)
    expect(closed.headers.location).toBe('/district/login?next=%2F%3Fyear%3D2026')
    expect((await get(app, '/district/overview.xlsx')).statusCode).toBe(303)
    const form = await get(app, '/district/login')
    expect(form.body).toContain('区级账户登录')
    const { page } = await login(app, 'wang', password)
    expect(page).toContain('王主任（管理员）')
    expect(page).toContain('区级账户')
  })

  it('locks an account after 5 wrong passwords, tells how many are left, and an admin unlocks it', async () => {
    const { db } = await fresh()
    let now = NOW
    const app = await server(db, { clock: () => now })
    const run = adminCli(backend)
    const admin = (await run('create-district-user', '--username', 'wang', '--name', '王主任'))
      .json!
    const clerk = (
      await run('create-district-user', '--username', 'li', '--name', '李干事', '--role', 'viewer')
    ).json!
    for (let i = 1; i <= 4; i++) {
      const res = await post(app, '/district/login', { username: 'li', password: 'wrong-1234' })
      expect(res.statusCode).toBe(401)
      expect(res.body).toContain(`还可尝试 ${5 - i} 次`)
    }
    const fifth = await post(app, '/district/login', { username: 'li', password: 'wrong-1234' })
    expect(fifth.body).toContain('账户已锁定，请 15 分钟后再试')
    const right = await post(app, '/district/login', {
      username: 'li',
      password: clerk.password as string,
    })
    expect(right.statusCode).toBe(401)
    expect(right.body).toContain('账户已锁定')
    // An unknown name gets the same message as a wrong password, and nothing typed is kept.
    const unknown = await post(app, '/district/login', {
      username: 'nobody',
      password: 'Secret123x',
    })
    expect(unknown.body).toContain('用户名或密码错误')
    const audit = await db.selectFrom('district_audit').selectAll().execute()
    expect(JSON.stringify(audit)).not.toContain('nobody')
    expect(JSON.stringify(audit)).not.toContain('Secret123x')

    const { cookie, csrf } = await login(app, 'wang', admin.password as string)
    const accounts = await get(app, '/district/accounts', cookie)
    expect(accounts.body).toMatch(/data-username="li"[\s\S]*?已锁定/)
    expect(
      (await post(app, '/district/accounts/unlock', { username: 'li' }, cookie)).statusCode,
    ).toBe(403)
    const unlocked = await post(app, '/district/accounts/unlock', { username: 'li', csrf }, cookie)
    expect(unlocked.body).toContain('已解锁「li」')
    await login(app, 'li', clerk.password as string)
    // The lock also runs out by itself.
    for (let i = 0; i < 5; i++)
      await post(app, '/district/login', { username: 'li', password: 'x' })
    now = new Date(NOW.getTime() + 16 * 60_000)
    await login(app, 'li', clerk.password as string)
  })

  it('20 wrong passwords at once lock the account: each attempt is counted before the check, so parallel guesses get 5 tries in all; a locked attempt is audited', async () => {
    const { db } = await fresh()
    const run = adminCli(backend)
    const clerk = (
      await run('create-district-user', '--username', 'li', '--name', '李干事', '--role', 'viewer')
    ).json!
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => loginDistrictUser(db, 'li', `wrong-${i}-pass`, NOW)),
    )
    const messages = outcomes.map((o) => (o.ok ? 'ok' : o.message))
    expect(messages.filter((m) => m.includes('还可尝试')).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `用户名或密码错误，还可尝试 ${n} 次`),
    )
    expect(messages.filter((m) => m.includes('账户已锁定'))).toHaveLength(16)
    const right = await loginDistrictUser(db, 'li', clerk.password as string, NOW)
    expect(right).toMatchObject({ ok: false, message: expect.stringContaining('账户已锁定') })
    const stored = await db
      .selectFrom('district_users')
      .select(['locked_until'])
      .where('username', '=', 'li')
      .executeTakeFirstOrThrow()
    expect(stored.locked_until).toBe(new Date(NOW.getTime() + 15 * 60_000).toISOString())
    const audit = await db
      .selectFrom('district_audit')
      .select('action')
      .where('target', '=', 'district-user:li')
      .where('action', 'like', 'login%')
      .execute()
    const count = (action: string) => audit.filter((a) => a.action === action).length
    expect([count('login.failed'), count('login.locked'), count('login.refused-locked')]).toEqual([
      4, 1, 16,
    ])
    // The lock runs out: the right password works again and clears the count.
    const later = new Date(NOW.getTime() + 16 * 60_000)
    expect((await loginDistrictUser(db, 'li', clerk.password as string, later)).ok).toBe(true)
    const after = await loginDistrictUser(db, 'li', 'wrong-again', later)
    expect(after).toMatchObject({ message: '用户名或密码错误，还可尝试 4 次' })
  })

  it('roles: 查看 reads only; 审核发布 returns an item with a reason (the department sees it); 管理员 manages accounts and departments; all audited with who', async () => {
    const { app, admin, token, itemId } = await adminAndItem('预算公开')

    const a = await login(app, 'wang', admin.password as string)
    const made = await post(
      app,
      '/district/accounts',
      {
        csrf: a.csrf,
        username: 'zhao',
        displayName: '赵审核',
        role: 'publisher',
        password: 'Publish123',
      },
      a.cookie,
    )
    expect(made.body).toContain('已创建区级账户「zhao」')
    const weak = await post(
      app,
      '/district/accounts',
      { csrf: a.csrf, username: 'qian', displayName: '钱', role: 'viewer', password: 'short' },
      a.cookie,
    )
    expect(weak.statusCode).toBe(400)
    expect(weak.body).toContain('密码至少 8 位')
    await post(
      app,
      '/district/accounts',
      {
        csrf: a.csrf,
        username: 'sun',
        displayName: '孙查看',
        role: 'viewer',
        password: 'Viewer1234',
      },
      a.cookie,
    )
    const rotated = await post(
      app,
      '/district/departments/rotate-token',
      { csrf: a.csrf, code: 'CZJ' },
      a.cookie,
    )
    const newToken = /data-testid="secret"\s*>\s*([^<\s]+)/.exec(rotated.body)?.[1]
    expect(newToken).toMatch(/^ddt_/)
    expect((await call(app, token, 'GET', `/api/v1/items/${itemId}`)).statusCode).toBe(401)

    const viewer = await login(app, 'sun', 'Viewer1234')
    expect(viewer.page).toContain('孙查看（查看）')
    expect(viewer.page).not.toContain('区级账户</a>')
    expect((await get(app, '/district/accounts', viewer.cookie)).statusCode).toBe(403)
    const items = await get(app, '/district/departments/CZJ/items', viewer.cookie)
    expect(items.body).toContain('预算公开')
    expect(items.body).not.toContain('>退回<')
    const refused = await post(
      app,
      `/district/items/${itemId}/return`,
      { csrf: viewer.csrf, reason: '缺少附件' },
      viewer.cookie,
    )
    expect(refused.statusCode).toBe(403)

    const publisher = await login(app, 'zhao', 'Publish123')
    const returned = await post(
      app,
      `/district/items/${itemId}/return`,
      { csrf: publisher.csrf, reason: '附件缺少盖章页' },
      publisher.cookie,
    )
    expect(returned.body).toContain('已退回')
    const changes = (await call(app, newToken!, 'GET', '/api/v1/changes')).json()
    expect(changes.changes.at(-1)).toMatchObject({ type: 'returned', reason: '附件缺少盖章页' })
    expect((await get(app, '/district/audit', publisher.cookie)).statusCode).toBe(403)

    const audit = await get(app, '/district/audit', a.cookie)
    expect(audit.body).toMatch(/赵审核[\s\S]*?退回条目[\s\S]*?附件缺少盖章页/)
    expect(audit.body).toMatch(/王主任[\s\S]*?换发部门令牌[\s\S]*?department:CZJ/)
    expect(audit.body).toMatch(/王主任[\s\S]*?创建区级账户[\s\S]*?district-user:zhao/)
    expect(audit.body).toMatch(
      /命令行（server:admin）[\s\S]*?创建区级账户[\s\S]*?district-user:wang/,
    )
    expect(audit.body).not.toContain('Publish123')
  })

  it('publish, return, create department and rotate token write their audit row in the same transaction: an audit that cannot be written undoes the action', async () => {
    const { db, app, run, admin, token, itemId } = await adminAndItem()
    const a = await login(app, 'wang', admin.password as string)
    const itemRow = () =>
      db.selectFrom('items').select(['status']).where('id', '=', itemId).executeTakeFirstOrThrow()
    const actions = [
      [`/district/items/${itemId}/publish`, { url: 'https://www.example.gov.cn/zwgk/1.html' }],
      [`/district/items/${itemId}/return`, { reason: '附件缺少盖章页' }],
      ['/district/departments', { code: 'JYJ', name: '区教育局' }],
      ['/district/departments/rotate-token', { code: 'CZJ' }],
    ] as const
    // The audit table out of reach: every action's own transaction must fail with it.
    await sql`ALTER TABLE district_audit RENAME TO district_audit_off`.execute(db)
    try {
      for (const [url, fields] of actions) {
        const res = await post(app, url, { csrf: a.csrf, ...fields }, a.cookie)
        // The district pages answer a fault with their generic error page.
        expect(res.body, url).toContain('请求无法处理，请返回重试')
      }
      // server:admin goes through the same audited actions.
      for (const args of [
        ['publish', '--item', itemId, '--url', 'https://www.example.gov.cn/zwgk/2.html'],
        ['return', '--item', itemId, '--reason', '标题有误'],
        ['create-department', '--code', 'JYJ', '--name', '区教育局'],
        ['rotate-token', '--code', 'CZJ'],
        ['revoke-token', '--code', 'CZJ'],
      ]) {
        const cli = await run(...args)
        expect([cli.code, cli.err.join('')], args[0]).toEqual([
          1,
          expect.stringContaining('操作失败'),
        ])
      }
    } finally {
      await sql`ALTER TABLE district_audit_off RENAME TO district_audit`.execute(db)
    }
    expect((await itemRow()).status).toBe('received')
    const feed = (await call(app, token, 'GET', '/api/v1/changes')).json()
    expect(feed.changes.map((c: { type: string }) => c.type)).toEqual(['received'])
    expect(
      await db.selectFrom('departments').select('code').where('code', '=', 'JYJ').execute(),
    ).toEqual([])
    // The old token still works: the rotation was undone.
    expect((await call(app, token, 'GET', `/api/v1/items/${itemId}`)).statusCode).toBe(200)

    // With the audit back, each action is done and recorded once.
    for (const [url, fields] of actions) {
      expect((await post(app, url, { csrf: a.csrf, ...fields }, a.cookie)).statusCode, url).toBe(
        200,
      )
    }
    expect((await itemRow()).status).toBe('returned')
    const audit = await db
      .selectFrom('district_audit')
      .select(['action', 'actor_name', 'detail_json'])
      .where('action', 'in', [
        'item.publish',
        'item.return',
        'department.create',
        'department.rotate-token',
      ])
      .orderBy('id')
      .execute()
    expect(audit.map((r) => [r.action, r.actor_name])).toEqual([
      ['item.publish', '王主任'],
      ['item.return', '王主任'],
      ['department.create', '王主任'],
      ['department.rotate-token', '王主任'],
    ])
    expect(JSON.parse(audit[1]!.detail_json!)).toEqual({
      department: 'CZJ',
      revision: 1,
      reason: '附件缺少盖章页',
      changed: true,
    })
  })

  it("a department's items page is paged (200 a page, 第 a–b 条，共 N 条), never cut off: the counts and 只看附件未到齐 cover every item", async () => {
    const { db } = await fresh()
    const app = await server(db)
    const { token } = await department(db, 'CZJ', '区财政局')
    const base = Date.parse('2026-01-01T00:00:00.000Z')
    // 520 items, the two oldest waiting for a file: beyond any first page.
    const entries = Array.from({ length: 520 }, (_, i) =>
      batchEntry(
        newItemId(),
        1,
        makeItem({
          title: `条目${String(i).padStart(3, '0')}`,
          approvedAt: new Date(base + i * 60_000).toISOString(),
          ...(i < 2
            ? { attachments: [{ name: `附件${i}.pdf`, sha256: String(i).repeat(64), size: 5 }] }
            : {}),
        }),
      ),
    )
    for (const part of [entries.slice(0, 500), entries.slice(500)]) {
      const res = await call(app, token, 'POST', '/api/v1/items/batch', { items: part })
      expect(res.statusCode).toBe(200)
    }
    const rowsOf = (body: string) => [...body.matchAll(/data-item="/g)].length
    const first = await get(app, '/district/departments/CZJ/items')
    expect(rowsOf(first.body)).toBe(200)
    expect(first.body).toContain('报送的条目（520）')
    expect(first.body).toContain('第 1–200 条，共 520 条（第 1/3 页')
    expect(first.body).toContain('附件未到齐 2 条')
    expect(first.body).toContain('条目519')
    expect(first.body).toContain('href="/district/departments/CZJ/items?page=2" rel="next"')
    const lastPage = await get(app, '/district/departments/CZJ/items?page=3')
    expect(rowsOf(lastPage.body)).toBe(120)
    expect(lastPage.body).toContain('第 401–520 条，共 520 条（第 3/3 页')
    expect(lastPage.body).toContain('条目000')
    expect(lastPage.body).not.toContain('rel="next"')
    // A page past the end shows the last one; the filter counts items on every page.
    expect(rowsOf((await get(app, '/district/departments/CZJ/items?page=99')).body)).toBe(120)
    const waiting = await get(app, '/district/departments/CZJ/items?only=incomplete')
    expect(rowsOf(waiting.body)).toBe(2)
    expect(waiting.body).toContain('附件未到齐的条目（2）')
    expect(waiting.body).toContain('显示全部 520 条')
    expect(waiting.body).not.toContain('data-pager')
  })

  it('a session ends on logout and after an hour without use; a form without its CSRF token or from another site is refused', async () => {
    const { db } = await fresh()
    let now = NOW
    const app = await server(db, { clock: () => now })
    const run = adminCli(backend)
    const admin = (await run('create-district-user', '--username', 'wang', '--name', '王主任'))
      .json!
    const s = await login(app, 'wang', admin.password as string)
    const foreign = await app.inject({
      method: 'POST',
      url: '/district/accounts/unlock',
      headers: {
        host: HOST,
        origin: 'https://evil.example',
        cookie: s.cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `csrf=${s.csrf}&username=wang`,
    })
    expect(foreign.statusCode).toBe(403)
    const out = await post(app, '/district/logout', { csrf: s.csrf }, s.cookie)
    expect(out.statusCode).toBe(303)
    expect((await get(app, '/', s.cookie)).statusCode).toBe(303)

    const t = await login(app, 'wang', admin.password as string)
    now = new Date(NOW.getTime() + 59 * 60_000)
    expect((await get(app, '/', t.cookie)).statusCode).toBe(200)
    now = new Date(now.getTime() + 61 * 60_000)
    expect((await get(app, '/', t.cookie)).statusCode).toBe(303)
    expect(await db.selectFrom('district_sessions').selectAll().execute()).toEqual([])
  })
})
