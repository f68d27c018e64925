/**
 * Search benchmark: 100,000 generated Chinese items in a temp database, inserted in one
 * transaction into the same tables and trigram FTS index the app uses, then ~50 realistic 3–6
 * character phrases searched through the app's `searchItems` (first page of 50 + total), against a
 * `LIKE '%…%'` scan of the same data doing the same job (page + total). Also times the list's
 * first page without text. Prints a table, then one JSON line (the last line).
 * Run: npx tsx bench/search.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeDatabase, openDatabase } from '../src/core/db/database'
import { searchItems, type ItemSearchInput } from '../src/core/search/search-items'
import { contentHash } from '../src/core/items/content'
import { generateItems, queryPhrases } from './lib/disclosure-items'

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000)
const clock = () => new Date('2026-11-26T01:00:00.000Z')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'search-bench-'))
  const store = await openDatabase(join(dir, 'bench.sqlite'), { appVersion: 'bench' })
  try {
    const { sqlite, db } = store
    sqlite
      .prepare(
        `INSERT INTO users (id, username, display_name, password_hash, active, created_at, updated_at)
         VALUES ('u1', 'officer', '李起草', 'x', 1, '2026-01-01', '2026-01-01')`,
      )
      .run()
    const insertItem = sqlite.prepare(
      `INSERT INTO items (id, kind, title, body_html, body_text, signed_date, validity, status,
         content_hash, revision, author_id, updated_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'valid', ?, ?, 1, 'u1', 'u1', ?, ?)`,
    )
    const insertFts = sqlite.prepare(
      `INSERT INTO items_fts (rowid, title, body_text, attachment_text) VALUES (?, ?, ?, '')`,
    )
    const t0 = performance.now()
    let chars = 0
    sqlite.transaction(() => {
      let n = 0
      for (const item of generateItems(20261126, ITEMS)) {
        n++
        const hash = contentHash({
          content: {
            kind: item.kind as never,
            title: item.title,
            bodyHtml: item.bodyHtml,
            issuer: '',
            docNumber: '',
            signedDate: item.signedDate,
            plannedPublishDate: null,
            topicId: null,
            genreId: null,
            validity: 'valid',
            validityById: null,
            catalogueEntryId: null,
          },
          attachments: [],
        })
        const id = `item-${String(n).padStart(6, '0')}`
        const info = insertItem.run(
          id,
          item.kind,
          item.title,
          item.bodyHtml,
          item.bodyText,
          item.signedDate,
          item.status,
          hash,
          item.updatedAt,
          item.updatedAt,
        )
        insertFts.run(info.lastInsertRowid, item.title, item.bodyText)
        chars += item.title.length + item.bodyText.length
      }
    })()
    sqlite.exec('ANALYZE')
    const buildMs = performance.now() - t0

    const base: ItemSearchInput = { sort: 'updated', order: 'desc', offset: 0, limit: 50 }
    const phrases = queryPhrases(7)
    // Warm the page cache once, as a running app would be.
    for (const p of phrases.slice(0, 5)) await searchItems(db, { ...base, text: p }, clock)

    const fts: number[] = []
    const like: number[] = []
    let mismatches = 0
    const likePage = sqlite.prepare(
      `SELECT id FROM items WHERE title LIKE ? OR body_text LIKE ? ORDER BY updated_at DESC, rid DESC LIMIT 50`,
    )
    const likeCount = sqlite.prepare(
      `SELECT count(*) AS n FROM items WHERE title LIKE ? OR body_text LIKE ?`,
    )
    for (const phrase of phrases) {
      let s = performance.now()
      const page = await searchItems(db, { ...base, text: phrase }, clock)
      fts.push(performance.now() - s)
      const pattern = `%${phrase}%`
      s = performance.now()
      likePage.all(pattern, pattern)
      const n = (likeCount.get(pattern, pattern) as { n: number }).n
      like.push(performance.now() - s)
      if (n !== page.total) mismatches++
    }
    fts.sort((a, b) => a - b)
    like.sort((a, b) => a - b)

    const firstPage: number[] = []
    let total = 0
    for (let i = 0; i < 21; i++) {
      const s = performance.now()
      total = (await searchItems(db, base, clock)).total
      firstPage.push(performance.now() - s)
    }
    firstPage.sort((a, b) => a - b)

    const ftsP50 = percentile(fts, 0.5)
    const result = {
      items: ITEMS,
      fts_ms_p50: round(ftsP50),
      fts_ms_p95: round(percentile(fts, 0.95)),
      like_ms_p50: round(percentile(like, 0.5)),
      ratio: round(percentile(like, 0.5) / ftsP50),
      first_page_ms_p50: round(percentile(firstPage, 0.5)),
    }
    console.log(
      `items                 ${ITEMS}（正文约 ${Math.round(chars / ITEMS)} 字/条，建库 ${Math.round(buildMs)} ms）`,
    )
    console.log(`phrases               ${phrases.length}（结果总数与 LIKE 不一致：${mismatches}）`)
    console.log(`FTS p50 / p95 (ms)    ${result.fts_ms_p50} / ${result.fts_ms_p95}`)
    console.log(`LIKE p50 (ms)         ${result.like_ms_p50}`)
    console.log(`ratio (LIKE/FTS p50)  ${result.ratio}`)
    console.log(`first page, no text   ${result.first_page_ms_p50} ms（total ${total}）`)
    console.log(JSON.stringify(result))
  } finally {
    await closeDatabase(store)
    rmSync(dir, { recursive: true, force: true })
  }
}

const round = (n: number) => Math.round(n * 100) / 100

void main()
