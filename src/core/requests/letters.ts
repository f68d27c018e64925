import { writeFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { chineseDate, type OfficialDocument } from '../documents'
import { buildDocxInWorker } from '../workers'
import { AppError } from '../errors'
import { ANSWER_TYPE_LABELS, FEE_SCHEME_LABELS, LETTER_LABELS } from '../../shared/requests/labels'
import type {
  LetterKind,
  LetterResult,
  LetterTemplate,
  RequestView,
  TemplateKey,
} from '../../shared/requests/types'
import { feeExplanation } from './fees'
import { readRequestSettings, requireRequestOfficer } from './services'
import { builtInTemplate, fillTemplate, TEMPLATE_KEYS } from './templates'
import { auditActor } from '../accounts/actor'

/** Answer letters and notices (.docx on the one official layout of core/documents). */

const cn = (iso: string | null | undefined): string => (iso ? (chineseDate(iso) ?? iso) : '')

export async function listTemplates(db: Kysely<DB>): Promise<LetterTemplate[]> {
  const rows = await db.selectFrom('request_letter_templates').selectAll().execute()
  const stored = new Map(rows.map((r) => [r.key, r]))
  return TEMPLATE_KEYS.map((key) => {
    const r = stored.get(key)
    const built = builtInTemplate(key)
    return r
      ? {
          key,
          title: r.title,
          body: r.body,
          builtIn: false,
          updatedAt: r.updated_at,
          updatedByName: r.updated_by_name,
        }
      : { key, ...built, builtIn: true, updatedAt: null, updatedByName: null }
  })
}

async function templateOf(
  db: Kysely<DB>,
  key: TemplateKey,
): Promise<{ title: string; body: string }> {
  const r = await db
    .selectFrom('request_letter_templates')
    .select(['title', 'body'])
    .where('key', '=', key)
    .executeTakeFirst()
  return r ?? builtInTemplate(key)
}

/** Saves the department's wording of one letter (officers and administrators). */
export async function saveTemplate(
  db: Kysely<DB>,
  actor: Actor,
  input: { key: TemplateKey; title: string; body: string },
  clock: Clock,
): Promise<LetterTemplate> {
  requireRequestOfficer(actor)
  if (!TEMPLATE_KEYS.includes(input.key)) throw new AppError('VALIDATION', '未知的文书模板')
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('request_letter_templates')
      .values({
        key: input.key,
        title: input.title,
        body: input.body,
        updated_at: at,
        updated_by_name: actor.displayName,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          title: input.title,
          body: input.body,
          updated_at: at,
          updated_by_name: actor.displayName,
        }),
      )
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'request.template_save',
        target: `request-template:${input.key}`,
        detail: { name: input.title },
      },
      clock,
    )
  })
  return (await listTemplates(db)).find((t) => t.key === input.key)!
}

export async function resetTemplate(
  db: Kysely<DB>,
  actor: Actor,
  key: TemplateKey,
  clock: Clock,
): Promise<LetterTemplate> {
  requireRequestOfficer(actor)
  if (!TEMPLATE_KEYS.includes(key)) throw new AppError('VALIDATION', '未知的文书模板')
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('request_letter_templates').where('key', '=', key).execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'request.template_reset',
        target: `request-template:${key}`,
      },
      clock,
    )
  })
  return (await listTemplates(db)).find((t) => t.key === key)!
}

const lastEvent = (view: RequestView, kind: RequestView['events'][number]['kind']) =>
  [...view.events].reverse().find((e) => e.kind === kind)

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)

/**
 * The letter of `kind` for a request, as an OfficialDocument: the template filled with the
 * request's facts, the addressee line, the paragraphs and the 落款 (unit and date of the event).
 */
export async function composeLetter(
  db: Kysely<DB>,
  view: RequestView,
  kind: LetterKind,
): Promise<OfficialDocument> {
  const settings = await readRequestSettings(db)
  let key: TemplateKey
  let date: string
  const values: Record<string, string> = {
    编号: view.no,
    申请人: view.applicantName || '申请人',
    收到日期: cn(view.receivedDate),
    申请内容: view.content,
    单位: settings.letterUnit,
    救济告知: `如对本答复不服，可以自收到本答复之日起60日内向${settings.reconsiderationOrgan || '有权机关'}申请行政复议，或者自收到本答复之日起6个月内向${settings.court || '有管辖权的人民法院'}提起行政诉讼。`,
  }
  switch (kind) {
    case 'answer': {
      const e = lastEvent(view, 'answer')
      if (!e || !view.answerType) throw new AppError('VALIDATION', '该申请尚未答复，不能生成答复书')
      key = `answer.${view.answerType}`
      date = e.date
      values['答复日期'] = cn(e.date)
      values['法律依据'] =
        `《中华人民共和国政府信息公开条例》${ANSWER_TYPE_LABELS[view.answerType].article.replace('条例', '')}`
      values['答复内容'] = str(e.data.note)
      break
    }
    case 'correction': {
      const e = lastEvent(view, 'correction_requested')
      if (!e) throw new AppError('VALIDATION', '该申请没有补正告知，不能生成补正告知书')
      key = 'correction'
      date = e.date
      values['补正事项'] = str(e.data.items)
      values['补正期限'] = cn(str(e.data.deadline))
      break
    }
    case 'extension': {
      const e = lastEvent(view, 'extension')
      if (!e) throw new AppError('VALIDATION', '该申请没有延期，不能生成延期答复告知书')
      key = 'extension'
      date = e.date
      values['延期天数'] = str(e.data.days)
      values['延期理由'] = str(e.data.reason)
      values['原答复期限'] = cn(view.dueBeforeExtension)
      values['延期后答复期限'] = cn(view.dueDate)
      break
    }
    case 'consultation': {
      const e = [...view.events]
        .reverse()
        .find((x) => x.kind === 'consultation_started' && x.data.party === 'third_party')
      if (!e) throw new AppError('VALIDATION', '该申请没有征求第三方意见，不能生成征求意见书')
      key = 'consultation'
      date = e.date
      values['征求对象'] = str(e.data.partyName)
      // Derived from the calendar; 暂定 while that year's holidays are unknown (条例第三十二条).
      values['意见期限'] = cn(str(e.data.replyBy)) + (e.data.replyByProvisional ? '（暂定）' : '')
      break
    }
    case 'fee': {
      const e = lastEvent(view, 'fee_notice')
      if (!e) throw new AppError('VALIDATION', '该申请没有收费通知，不能生成收费通知书')
      key = 'fee'
      date = e.date
      const scheme = e.data.scheme === 'per_page' ? 'per_page' : 'per_request'
      values['收费方式'] = FEE_SCHEME_LABELS[scheme].slice(0, 2)
      values['收费数额'] = str(e.data.amount)
      values['收费说明'] = feeExplanation(scheme, Number(e.data.quantity))
      values['缴费期限'] = cn(str(e.data.payBy)) + (e.data.payByProvisional ? '（暂定）' : '')
      break
    }
  }
  const template = await templateOf(db, key)
  const lines = fillTemplate(template.body, values)
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const blocks: OfficialDocument['blocks'] = lines.map((text, i) =>
    i === 0 && /[：:]$/.test(text) ? { kind: 'addressee', text } : { kind: 'paragraph', text },
  )
  blocks.push({ kind: 'sender', name: settings.letterUnit, date: cn(date) })
  return {
    title: template.title,
    docNumber: `（${view.no}）`,
    blocks,
    creator: settings.letterUnit,
    description: LETTER_LABELS[kind],
  }
}

/** Writes the letter to `path` and audits it (without personal data). */
export async function writeLetter(
  db: Kysely<DB>,
  actor: Actor,
  view: RequestView,
  kind: LetterKind,
  path: string,
  clock: Clock,
): Promise<LetterResult> {
  requireRequestOfficer(actor)
  const doc = await composeLetter(db, view, kind)
  await writeFile(path, await buildDocxInWorker(doc))
  await appendAudit(
    db,
    {
      actor: auditActor(actor),
      action: 'request.letter',
      target: `request:${view.id}`,
      detail: { no: view.no, name: LETTER_LABELS[kind] },
    },
    clock,
  )
  return { path, fileName: path.split(/[\\/]/).pop() ?? path }
}
