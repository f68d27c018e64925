import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runAdmin } from '../../src/server/cli/admin-commands'
import { BACKENDS, useBackend } from './helpers/backends'
import { newItemId, putBody } from './helpers/payloads'
import { call, useServers } from './helpers/test-server'
import { makeTempDir } from '../helpers/temp-dir'

/** Runs the admin CLI in-process against the backend's current database. */
function admin(backend: ReturnType<typeof useBackend>) {
  return async (...args: string[]) => {
    const target = backend.target()
    const out: string[] = []
    const err: string[] = []
    const argv = target.kind === 'sqlite' ? ['--data', target.dataDir, ...args] : args
    const env = target.kind === 'postgres' ? { DATABASE_URL: target.url } : {}
    const code = await runAdmin(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) })
    const last = out[out.length - 1]
    return { code, out, err, json: last ? (JSON.parse(last) as Record<string, unknown>) : null }
  }
}

describe.each(BACKENDS)('admin CLI (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('creates a department whose printed token works, and lists it without the token', async () => {
    const { db } = await backend.fresh()
    const run = admin(backend)
    const created = await run('create-department', '--code', 'CZJ', '--name', '区财政局')
    expect(created.code).toBe(0)
    expect(created.json).toMatchObject({ code: 'CZJ', name: '区财政局' })
    const token = created.json!.token as string
    expect(token).toMatch(/^ddt_[A-Za-z0-9_-]{43}$/)
    const app = await server(db)
    expect(
      (await call(app, token, 'PUT', `/api/v1/items/${newItemId()}`, putBody(1))).statusCode,
    ).toBe(201)

    const stored = await db.selectFrom('departments').selectAll().executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain(token)
    expect(stored.token_prefix).toBe(token.slice(0, 12))

    const listed = await run('list-departments')
    expect(listed.json).toEqual([
      expect.objectContaining({ code: 'CZJ', name: '区财政局', tokenPrefix: token.slice(0, 12) }),
    ])
    expect(listed.out.join('\n')).not.toContain(token)
  })

  it('rotates and revokes tokens, and publishes and returns items', async () => {
    const { db } = await backend.fresh()
    const run = admin(backend)
    const app = await server(db)
    const first = (await run('create-department', '--code', 'JYJ', '--name', '教育局')).json!
      .token as string
    const id = newItemId()
    await call(app, first, 'PUT', `/api/v1/items/${id}`, putBody(1))
    const rotated = await run('rotate-token', '--code', 'JYJ')
    expect(rotated.code).toBe(0)
    const second = rotated.json!.token as string
    expect(second).not.toBe(first)
    expect((await call(app, first, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(401)
    expect((await call(app, second, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(200)

    expect(
      (await run('publish', '--item', id, '--url', 'https://gov.example/x')).json,
    ).toMatchObject({ status: 'published', changed: true })
    expect((await run('return', '--item', id, '--reason', '请补充附件')).json).toMatchObject({
      status: 'returned',
      reason: '请补充附件',
    })
    const changes = (await call(app, second, 'GET', '/api/v1/changes')).json().changes
    expect(changes.map((c: { type: string }) => c.type)).toEqual([
      'received',
      'published',
      'returned',
    ])

    expect((await run('revoke-token', '--code', 'JYJ')).json).toEqual({
      code: 'JYJ',
      revoked: true,
    })
    expect((await call(app, second, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(401)
  })

  it('reports mistakes in Chinese on stderr with a non-zero exit', async () => {
    await backend.fresh()
    const run = admin(backend)
    await run('create-department', '--code', 'A', '--name', '甲')
    const cases: [string[], number, RegExp][] = [
      [['create-department', '--code', 'A', '--name', '乙'], 1, /已存在/],
      [['create-department', '--code', 'bad code!', '--name', '乙'], 1, /部门代码/],
      [['create-department', '--code', 'B'], 1, /缺少 --name/],
      [['rotate-token', '--code', 'NOPE'], 1, /没有代码为 NOPE/],
      [['publish', '--item', newItemId(), '--url', 'https://gov.example'], 1, /没有编号/],
      [['frobnicate'], 2, /未知命令/],
      [[], 2, /用法/],
    ]
    for (const [args, code, message] of cases) {
      const result = await run(...args)
      expect(result.code, args.join(' ')).toBe(code)
      expect(result.err.join('\n')).toMatch(message)
    }
  })
})

describe('admin CLI as a process', () => {
  it('prints the department JSON with the token as the last line, and fails with exit 1', async () => {
    const { dir, cleanup } = makeTempDir('dd-admin-')
    try {
      const exec = promisify(execFile)
      const args = ['tsx', 'src/server/admin.ts', '--data', dir]
      const { stdout } = await exec('npx', [
        ...args,
        'create-department',
        '--code',
        'GAJ',
        '--name',
        '公安分局',
      ])
      const last = stdout.trim().split('\n').pop()!
      expect(JSON.parse(last)).toEqual({
        code: 'GAJ',
        name: '公安分局',
        token: expect.stringMatching(/^ddt_/),
      })
      const failed = await exec('npx', [
        ...args,
        'create-department',
        '--code',
        'GAJ',
        '--name',
        'x',
      ]).catch((e: unknown) => e as { code: number; stderr: string })
      expect(failed).toMatchObject({ code: 1 })
      expect((failed as { stderr: string }).stderr).toContain('已存在')
    } finally {
      cleanup()
    }
  }, 30_000)
})
