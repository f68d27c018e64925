import { noteRequiredFor } from '../../../shared/review/rules'
import type { Kysely } from 'kysely'
import type {
  ChecklistAnswerInput,
  ChecklistAnswerView,
  ChecklistQuestion,
  ChecklistVersion,
} from '../../../shared/review/types'
import { CHECKLIST_ANSWER_LABELS } from '../../../shared/review/labels'
import { requireRole, type Actor, auditActor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import type { ReviewChecklistRow } from '../../db/tables/review'
import { AppError } from '../../errors'
import { DEFAULT_CHECKLIST } from './defaults'
import { newestOrSeed } from './versioned'

function toVersion(row: ReviewChecklistRow, current: boolean): ChecklistVersion {
  return {
    version: row.version,
    questions: JSON.parse(row.questions_json) as ChecklistQuestion[],
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    current,
  }
}

/** The checklist version new submissions use (the newest; the built-in version 1 on first use). */
export async function currentChecklist(db: Kysely<DB>, clock: Clock): Promise<ChecklistVersion> {
  const row = await newestOrSeed(
    () =>
      db
        .selectFrom('review_checklists')
        .selectAll()
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
    () =>
      db
        .insertInto('review_checklists')
        .values({
          version: 1,
          questions_json: JSON.stringify(DEFAULT_CHECKLIST),
          created_at: clock().toISOString(),
          created_by: null,
          created_by_name: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute(),
    'review checklist',
  )
  return toVersion(row, true)
}

/** One checklist version (default: the current one); NOT_FOUND for an unknown version. */
export async function getChecklist(
  db: Kysely<DB>,
  clock: Clock,
  version?: number,
): Promise<ChecklistVersion> {
  const current = await currentChecklist(db, clock)
  if (version === undefined || version === current.version) return current
  const row = await db
    .selectFrom('review_checklists')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `审查清单第 ${version} 版不存在`)
  return toVersion(row, false)
}

export interface ChecklistQuestionInput {
  id?: string | undefined
  text: string
  noteRequiredOn: ChecklistQuestion['noteRequiredOn']
}

/**
 * Administrators: saves the questions as a new version. A question keeps its id when the input
 * names it (the same question, reworded); new questions get the next free `qN`. Reviews keep the
 * version they used.
 */
export async function updateChecklist(
  db: Kysely<DB>,
  actor: Actor,
  questions: readonly ChecklistQuestionInput[],
  clock: Clock,
): Promise<ChecklistVersion> {
  requireRole(actor, 'admin')
  return db.transaction().execute(async (trx) => {
    const current = await currentChecklist(trx, clock)
    const all = await trx.selectFrom('review_checklists').select('questions_json').execute()
    let maxN = 0
    for (const r of all) {
      for (const q of JSON.parse(r.questions_json) as ChecklistQuestion[]) {
        const n = /^q(\d+)$/.exec(q.id)
        if (n) maxN = Math.max(maxN, Number(n[1]))
      }
    }
    const seen = new Set<string>()
    const next: ChecklistQuestion[] = questions.map((q) => {
      const id = q.id ?? `q${++maxN}`
      if (seen.has(id)) throw new AppError('VALIDATION', `审查清单中问题编号“${id}”重复`)
      seen.add(id)
      return { id, text: q.text.trim(), noteRequiredOn: [...new Set(q.noteRequiredOn)] }
    })
    const version = current.version + 1
    const at = clock().toISOString()
    await trx
      .insertInto('review_checklists')
      .values({
        version,
        questions_json: JSON.stringify(next),
        created_at: at,
        created_by: actor.id,
        created_by_name: actor.displayName,
      })
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'review.checklist_update',
        target: 'review_checklist',
        before: current.questions,
        after: next,
        detail: { from: current.version, to: version, count: next.length },
      },
      clock,
    )
    return currentChecklist(trx, clock)
  })
}

/**
 * Checks answers against a checklist version: no unknown or repeated questions; with `complete`,
 * every question answered; a note wherever the answer flags a risk. Throws VALIDATION in Chinese.
 */
export function checkAnswers(
  checklist: ChecklistVersion,
  answers: readonly ChecklistAnswerInput[],
  complete: boolean,
): ChecklistAnswerInput[] {
  const byId = new Map(checklist.questions.map((q, i) => [q.id, { q, n: i + 1 }]))
  const seen = new Set<string>()
  const problems: string[] = []
  const clean: ChecklistAnswerInput[] = []
  for (const a of answers) {
    const entry = byId.get(a.questionId)
    if (!entry) {
      problems.push(`审查清单中没有编号为“${a.questionId}”的问题，请刷新后重填`)
      continue
    }
    if (seen.has(a.questionId)) {
      problems.push(`第 ${entry.n} 项重复作答`)
      continue
    }
    seen.add(a.questionId)
    const note = a.note?.trim() ?? ''
    if (noteRequiredFor(entry.q, a.answer) && note === '') {
      problems.push(`第 ${entry.n} 项回答“${CHECKLIST_ANSWER_LABELS[a.answer]}”时须填写说明`)
    }
    clean.push(note === '' ? { questionId: a.questionId, answer: a.answer } : { ...a, note })
  }
  if (complete) {
    const missing = checklist.questions
      .map((q, i) => (seen.has(q.id) ? null : i + 1))
      .filter((n): n is number => n !== null)
    if (missing.length > 0) problems.push(`请回答审查清单第 ${missing.join('、')} 项`)
  }
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join('；'), { problems })
  // In checklist order.
  const order = new Map(checklist.questions.map((q, i) => [q.id, i]))
  return clean.sort((a, b) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0))
}

/** Answers with their question text as it was in `checklist`. */
export function answerViews(
  checklist: ChecklistVersion,
  answers: readonly ChecklistAnswerInput[],
): ChecklistAnswerView[] {
  const text = new Map(checklist.questions.map((q) => [q.id, q.text]))
  return answers.map((a) => ({
    questionId: a.questionId,
    question: text.get(a.questionId) ?? a.questionId,
    answer: a.answer,
    note: a.note ?? null,
  }))
}
