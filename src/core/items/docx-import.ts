import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Kysely } from 'kysely'
import type { ItemKind } from '../../shared/items/types'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { EventBus } from '../events/bus'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { htmlToText } from '../html/html-text'
import type { IdSource } from '../ids'
import { docxToHtmlInWorker, sanitiseHtmlInWorker } from '../workers'
import { requireItemEditor } from './permissions'
import { recogniseDocNumber, recogniseIssuer, recogniseSignedDate } from './recognise'
import { saveItem } from './save-item'

const HEADING = /<h[1-4][^>]*>([\s\S]*?)<\/h[1-4]>/i

/** What an imported document gives: the sanitised body and what was recognised in it. */
export interface DocxDraft {
  title: string
  bodyHtml: string
  docNumber: string
  signedDate: string | null
  issuer: string
  kind: ItemKind
}

/** A first guess at the kind from the title (the officer checks it). */
function guessKind(title: string, docNumber: string): ItemKind {
  if (/解读/.test(title)) return 'interpretation'
  if (/征求.*意见|意见征集/.test(title)) return 'consultation'
  if (/通知|公告|通告/.test(title)) return 'notice'
  return docNumber ? 'policy' : 'other'
}

/**
 * Converts .docx bytes (mammoth) into a draft: the body sanitised like every save, the title from
 * the first heading (or first non-empty paragraph), 发文字号, 成文日期 and 发文机关 recognised from the
 * text when present. A file mammoth cannot read → VALIDATION with a Chinese message.
 */
export async function docxToDraft(bytes: Buffer, fileName: string): Promise<DocxDraft> {
  let html: string
  try {
    html = await docxToHtmlInWorker(bytes)
  } catch {
    throw new AppError(
      'VALIDATION',
      `无法读取 Word 文档「${fileName}」：文件可能已损坏或不是 .docx 格式（.doc/.wps 请先另存为 .docx），未创建任何条目`,
    )
  }
  const bodyHtml = await sanitiseHtmlInWorker(html)
  const text = htmlToText(bodyHtml)
  const lines = text.split('\n')
  const heading = HEADING.exec(bodyHtml)
  const headingText = heading ? htmlToText(heading[1] ?? '').replace(/\n/g, '') : ''
  const title = (
    headingText ||
    lines.find((l) => l.trim() !== '') ||
    basename(fileName, extname(fileName))
  )
    .trim()
    .slice(0, 300)
  const docNumber = recogniseDocNumber(text) ?? ''
  const signed = recogniseSignedDate(lines)
  const issuer = signed ? (recogniseIssuer(lines, signed.line) ?? '') : ''
  return {
    title,
    bodyHtml,
    docNumber,
    signedDate: signed?.date ?? null,
    issuer,
    kind: guessKind(title, docNumber),
  }
}

/** Imports a .docx file as a new draft (audited as item.import_docx); returns the new item id. */
export async function importDocx(
  db: Kysely<DB>,
  actor: Actor,
  file: string,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  requireItemEditor(actor)
  const name = basename(file)
  if (extname(file).toLowerCase() !== '.docx') {
    throw new AppError(
      'VALIDATION',
      `只能导入 .docx 文档（「${name}」不是）：.doc/.wps 请先在 Word/WPS 中另存为 .docx`,
    )
  }
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    throw new AppError('NOT_FOUND', `找不到或无法读取「${name}」，请检查后重试`)
  }
  const draft = await docxToDraft(bytes, name)
  return saveItem(
    db,
    actor,
    {
      ...draft,
      plannedPublishDate: null,
      topicId: null,
      genreId: null,
      catalogueEntryId: null,
    },
    'import',
    clock,
    ids,
    events,
  )
}
