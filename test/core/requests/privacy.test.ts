import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/core/logger'
import { dumpDatabase } from '../../helpers/db-dump'
import { createTestCore } from '../../helpers/test-core'
import type { FetchLike } from '../../../src/core/sync/http-client'
import { startTestServer, type TestServer } from '../sync/helpers'
import { loginAs, syncDesk } from '../sync/sync-setup'
import { APPLICANT, registerInput } from './helpers'

/**
 * Applicant personal data (姓名、身份证明、联系方式) is kept locally only: never in a log line, an
 * audit entry, or anything sent to the district server — even when an approved item is synced in
 * the same session.
 */
const SECRETS = [APPLICANT.name, APPLICANT.idNo, APPLICANT.contact, APPLICANT.address]

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

describe('personal data stays local', () => {
  it('never reaches the log or the audit trail, even on errors', async () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'debug', sink: (_l, line) => lines.push(line) })
    const t = await createTestCore({ logger })
    try {
      const v = await t.call('requests:register', registerInput())
      await t.send('requests:add-event', {
        requestId: v.id,
        kind: 'answer',
        date: '2025-03-01',
        answerType: 'disclose',
        outcome: '1',
      })
      await t.send('requests:register', { ...registerInput(), channelDate: 'bad' } as never)
      await t.call('requests:add-event', {
        requestId: v.id,
        kind: 'answer',
        date: '2025-03-20',
        answerType: 'disclose',
        outcome: '1',
        note: '已提供',
      })
      await t.call('requests:list', { tab: 'all' })
      const log = lines.join('\n')
      const audit = JSON.stringify(await t.call('audit:list', { offset: 0, limit: 100 }))
      for (const s of SECRETS) {
        expect(log).not.toContain(s)
        expect(audit).not.toContain(s)
      }
      expect(audit).toContain(v.no)
    } finally {
      await t.cleanup()
    }
  })

  it('is never sent to the district server nor stored there', async () => {
    const bodies: string[] = []
    const capture: FetchLike = (input, init) => {
      bodies.push(`${String(input)} ${typeof init.body === 'string' ? init.body : ''}`)
      return fetch(input, init)
    }
    const desk = await syncDesk(server, { sync: { fetch: capture } })
    try {
      await loginAs(desk.t, { username: 'admin', password: 'Admin12345' })
      await desk.t.call('requests:register', registerInput())
      await desk.approvedItem('关于2025年政府信息公开申请办理情况的说明')
      await desk.t.core.sync.runOnce()
      expect(bodies.length).toBeGreaterThan(0)
      const sent = bodies.join('\n')
      const serverDump = JSON.stringify(
        await server
          .db()
          .selectFrom('items' as never)
          .selectAll()
          .execute(),
      )
      for (const s of SECRETS) {
        expect(sent).not.toContain(s)
        expect(serverDump).not.toContain(s)
      }
      expect(dumpDatabase(desk.t.dbPath)).toContain(APPLICANT.idNo)
    } finally {
      await desk.close()
    }
  })
})
