import { afterAll, describe, expect, it } from 'vitest'
import { closeWorkers, forgetSanitised, sanitiseStats } from '../../../src/core/workers'
import { createTestCore } from '../../helpers/test-core'
import { fieldsOf, newItem, withStaff } from '../items/helpers'
import { bigTable } from '../html/fixtures'

afterAll(() => closeWorkers())

/** Issue 8, point 7, through the app's own channels: refusals lose nothing, autosaves are cheap. */
describe('saving heavy bodies', () => {
  it('refuses a pathological body with the Chinese message and keeps the stored revision as it was', async () => {
    const t = await createTestCore()
    try {
      await withStaff(t)
      const item = await newItem(t)
      for (const [bodyHtml, message] of [
        [
          '<blockquote>'.repeat(100_000) + '正文' + '</blockquote>'.repeat(100_000),
          /嵌套超过 128 层/,
        ],
        ['<a href="https://www.gov.cn/">链接'.repeat(110_000), /未闭合或错位的标记/],
      ] as const) {
        for (const channel of ['items:save', 'items:autosave'] as const) {
          const r = await t.send(channel, { ...fieldsOf(item), bodyHtml })
          expect(r.ok).toBe(false)
          if (!r.ok) {
            expect(r.error.code).toBe('VALIDATION')
            expect(r.error.message).toMatch(/^正文结构过于复杂/)
            expect(r.error.message).toMatch(message)
            expect(r.error.message).toMatch(/请简化后重试/)
          }
        }
      }
      const after = await t.call('items:get', { id: item.id })
      expect(after.revision).toBe(item.revision)
      expect(after.bodyHtml).toBe(item.bodyHtml)
    } finally {
      await t.cleanup()
    }
  }, 60_000)

  it('autosaves an unchanged 16,000-row table without sanitising it again, and keeps every row', async () => {
    const t = await createTestCore()
    try {
      await withStaff(t)
      forgetSanitised()
      let view = await newItem(t)
      const html = bigTable()
      view = await t.call('items:save', { ...fieldsOf(view), bodyHtml: html })
      expect(view.bodyHtml.match(/<tr>/g)).toHaveLength(16_000)
      const before = { ...sanitiseStats }
      for (let i = 0; i < 3; i++) {
        view = await t.call('items:autosave', { ...fieldsOf(view), bodyHtml: html })
      }
      // The editor sending back the stored body is also recognised.
      view = await t.call('items:autosave', { ...fieldsOf(view), bodyHtml: view.bodyHtml })
      expect(sanitiseStats.sanitised - before.sanitised).toBe(0)
      expect(sanitiseStats.reused - before.reused).toBe(4)
      expect((await t.call('items:get', { id: view.id })).bodyHtml).toBe(html)
    } finally {
      await t.cleanup()
    }
  }, 120_000)
})
