import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { receiveComments } from '../../../src/core/engagement/comments'
import { cli } from '../../helpers/run-cli'
import type { TestCore } from '../../helpers/test-core'
import {
  consultationInput,
  draftPolicy,
  openStore,
  passReview,
  received,
  reviewCore,
} from './helpers'
import { passQaReview } from './qa-helpers'
import { xlsxCells } from './xlsx-cells'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

describe('CLI export-comments / export-qa', () => {
  it(
    'writes the comment list and the Q&A base as .xlsx, refuses an existing file and a missing option',
    { timeout: 180_000 },
    async () => {
      t = await reviewCore()
      const draft = await draftPolicy(t)
      const c = await t.call('engagement:consultation-open', consultationInput(draft.id))
      const store = await openStore(t)
      await receiveComments(
        store.db,
        [
          received(c.id, '=HYPERLINK("http://evil.example","x")', { contactMasked: '138****5678' }),
          received(c.id, '建议延长公示期。', { paragraphNo: 2 }),
        ],
        t.clock.clock,
      )
      await store.close()
      await passReview(t, draft.id)
      const qa = await t.call('engagement:qa-save', {
        question: '如何申请？',
        answer: '网上申请。',
        policyItemId: draft.id,
        interpretationItemId: null,
        keywords: '',
        validFrom: null,
        validTo: null,
      })
      await passQaReview(t, qa.id)

      const out = join(t.dataDir, 'comments.xlsx')
      const run = await cli(
        'export-comments',
        '--db',
        t.dbPath,
        '--consultation',
        c.id,
        '--out',
        out,
      )
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('已导出 2 条')
      const cells = await xlsxCells(await readFile(out))
      expect(cells.map((x) => x.text)).toContain('=HYPERLINK("http://evil.example","x")')
      expect(cells.filter((x) => x.formula)).toEqual([])
      expect(cells.map((x) => x.text).join('')).not.toContain('138****5678')

      const again = await cli(
        'export-comments',
        '--db',
        t.dbPath,
        '--consultation',
        c.id,
        '--out',
        out,
      )
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('已存在')
      const unknown = await cli(
        'export-comments',
        '--db',
        t.dbPath,
        '--consultation',
        'nope',
        '--out',
        join(t.dataDir, 'x.xlsx'),
      )
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain('找不到该意见征集')
      expect(existsSync(join(t.dataDir, 'x.xlsx'))).toBe(false)
      const missing = await cli(
        'export-comments',
        '--db',
        t.dbPath,
        '--out',
        join(t.dataDir, 'y.xlsx'),
      )
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('--consultation')

      const qaOut = join(t.dataDir, 'qa.xlsx')
      const q = await cli('export-qa', '--db', t.dbPath, '--out', qaOut)
      expect(q.code).toBe(0)
      const qaCells = (await xlsxCells(await readFile(qaOut))).map((x) => x.text)
      expect(qaCells).toContain('如何申请？')
      expect(qaCells).toContain('无文号')
    },
  )
})
