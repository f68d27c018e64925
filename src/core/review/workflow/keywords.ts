import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Kysely } from 'kysely'
import type {
  KeywordImportResult,
  ReviewKeyword,
  ReviewSeverity,
} from '../../../shared/review/types'
import { requireRole, type Actor, auditActor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import type { ReviewKeywordRow } from '../../db/tables/review'
import { AppError } from '../../errors'
import type { IdSource } from '../../ids'
import { readSpreadsheet } from '../../spreadsheet'
import { createKeywordMatcher } from '../keyword-matcher'
import type { KeywordMatcher } from '../types'
import { KeywordListError, parseKeywordList, severityOfWord } from '../keyword-list'
import { severityRank } from '../types'

const toView = (r: ReviewKeywordRow): ReviewKeyword => ({
  id: r.id,
  word: r.word,
  severity: r.severity,
  note: r.note,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
})

/** The department keyword list, by word. Everyone logged in may read it (the scan shows hits). */
export async function listKeywords(db: Kysely<DB>): Promise<ReviewKeyword[]> {
  const rows = await db.selectFrom('review_keywords').selectAll().orderBy('word').execute()
  return rows.map(toView)
}

/** The list compiled for the scanner; undefined when the list is empty. */
export async function loadKeywordMatcher(db: Kysely<DB>): Promise<KeywordMatcher | undefined> {
  const rows = await db.selectFrom('review_keywords').select(['word', 'severity', 'note']).execute()
  if (rows.length === 0) return undefined
  return createKeywordMatcher(
    rows.map((r) => ({ word: r.word, severity: r.severity, ...(r.note ? { note: r.note } : {}) })),
  )
}

interface KeywordInput {
  word: string
  severity: ReviewSeverity
  note?: string | undefined
}

type Outcome = 'added' | 'updated' | 'unchanged'

/** Inserts a word, or raises the severity of a listed one (never lowers it on import). */
async function upsert(
  trx: Kysely<DB>,
  actor: Actor,
  k: KeywordInput,
  clock: Clock,
  ids: IdSource,
  raiseOnly: boolean,
): Promise<{ outcome: Outcome; row: ReviewKeywordRow }> {
  const word = k.word.trim()
  const existing = await trx
    .selectFrom('review_keywords')
    .selectAll()
    .where('word', '=', word)
    .executeTakeFirst()
  if (existing) {
    const severity =
      raiseOnly && severityRank(existing.severity) >= severityRank(k.severity)
        ? existing.severity
        : k.severity
    const note = k.note?.trim() || existing.note
    if (severity === existing.severity && note === existing.note) {
      return { outcome: 'unchanged', row: existing }
    }
    await trx
      .updateTable('review_keywords')
      .set({ severity, note })
      .where('id', '=', existing.id)
      .execute()
    return { outcome: 'updated', row: { ...existing, severity, note } }
  }
  const row: ReviewKeywordRow = {
    id: ids(),
    word,
    severity: k.severity,
    note: k.note?.trim() || null,
    created_at: clock().toISOString(),
    created_by_name: actor.displayName,
  }
  await trx.insertInto('review_keywords').values(row).execute()
  return { outcome: 'added', row }
}

/** Administrators: adds one word (or changes a listed word's severity/note). */
export async function addKeyword(
  db: Kysely<DB>,
  actor: Actor,
  input: KeywordInput,
  clock: Clock,
  ids: IdSource,
): Promise<ReviewKeyword> {
  requireRole(actor, 'admin')
  return db.transaction().execute(async (trx) => {
    const { outcome, row } = await upsert(trx, actor, input, clock, ids, false)
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'review.keywords_add',
        target: 'review_keywords',
        detail: { name: row.word, to: row.severity, changes: outcome },
      },
      clock,
    )
    return toView(row)
  })
}

/** Administrators: removes words by id; returns the remaining list. */
export async function removeKeywords(
  db: Kysely<DB>,
  actor: Actor,
  ids: readonly string[],
  clock: Clock,
): Promise<ReviewKeyword[]> {
  requireRole(actor, 'admin')
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('review_keywords')
      .select(['id', 'word'])
      .where('id', 'in', ids)
      .execute()
    if (rows.length > 0) {
      await trx
        .deleteFrom('review_keywords')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
      await appendAudit(
        trx,
        {
          actor: auditActor(actor),
          action: 'review.keywords_remove',
          target: 'review_keywords',
          detail: { count: rows.length, name: rows.map((r) => r.word).join('、') },
        },
        clock,
      )
    }
    return listKeywords(trx)
  })
}

const HEADER_WORDS = new Set(['关键词', '敏感词', '词语', '词', 'keyword', 'word'])

/**
 * Reads a keyword workbook: the first worksheet, word in the first column, an optional severity
 * (blocker/high/warn/info or 阻断/高/警告/提示) in the second and a note in the third; a header row
 * (关键词/敏感词…) is skipped.
 */
async function readXlsxKeywords(path: string): Promise<KeywordInput[]> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch {
    throw new AppError('NOT_FOUND', `找不到或无法读取文件「${basename(path)}」，请检查后重试`)
  }
  // SpreadsheetError (VALIDATION) names the file when it is not a readable workbook.
  const sheet = readSpreadsheet({ bytes, fileName: basename(path) }).sheets[0]
  if (!sheet) throw new AppError('VALIDATION', 'Excel 文件中没有工作表')
  const out: KeywordInput[] = []
  sheet.rows.forEach((row, i) => {
    const n = i + 1
    const word = row[0] ?? ''
    if (word === '') return
    if (n === 1 && HEADER_WORDS.has(word.toLowerCase())) return
    const level = row[1] ?? ''
    const severity = level === '' ? 'high' : severityOfWord(level)
    if (severity === undefined) {
      throw new AppError(
        'VALIDATION',
        `第 ${n} 行的级别“${level}”无法识别，应为 blocker/high/warn/info 或 阻断/高/警告/提示`,
      )
    }
    const note = row[2] ?? ''
    out.push({ word, severity, ...(note ? { note } : {}) })
  })
  return out
}

/**
 * Administrators: imports a .txt (one word a line, optional TAB severity — parseKeywordList) or an
 * .xlsx (first column). `merge` adds and raises severities; `replace` replaces the whole list.
 * All or nothing.
 */
export async function importKeywords(
  db: Kysely<DB>,
  actor: Actor,
  path: string,
  mode: 'merge' | 'replace',
  clock: Clock,
  ids: IdSource,
): Promise<KeywordImportResult> {
  requireRole(actor, 'admin')
  const ext = extname(path).toLowerCase()
  let entries: KeywordInput[]
  let format: KeywordImportResult['format']
  if (ext === '.xlsx') {
    format = 'xlsx'
    entries = await readXlsxKeywords(path)
  } else if (ext === '.txt') {
    format = 'txt'
    try {
      entries = parseKeywordList(await readFile(path, 'utf8')).map((e) => ({
        word: e.word,
        severity: e.severity ?? 'high',
      }))
    } catch (e) {
      if (e instanceof KeywordListError) throw new AppError('VALIDATION', e.message)
      throw e
    }
  } else {
    throw new AppError('VALIDATION', '请选择 .txt 或 .xlsx 格式的关键词表')
  }
  entries = entries.filter((e) => e.word.trim() !== '' && e.word.trim().length <= 100)
  if (entries.length === 0) throw new AppError('VALIDATION', '文件中没有可导入的关键词')
  return db.transaction().execute(async (trx) => {
    if (mode === 'replace') await trx.deleteFrom('review_keywords').execute()
    const counts = { added: 0, updated: 0, unchanged: 0 }
    for (const e of entries) counts[(await upsert(trx, actor, e, clock, ids, true)).outcome]++
    const total = Number(
      (
        await trx
          .selectFrom('review_keywords')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'review.keywords_import',
        target: 'review_keywords',
        detail: { mode, file: format, count: entries.length, ...counts },
      },
      clock,
    )
    return { ...counts, total, format }
  })
}
