import type { Kysely } from 'kysely'
import type {
  QaDecisionView,
  QaQueueRow,
  QaReviewView,
  QaStepView,
} from '../../shared/engagement/types'
import { QA_DECISION_LABELS } from '../../shared/engagement/labels'
import type { HighFindingReason } from '../../shared/review/types'
import { auditActor, requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { QaRow } from '../db/tables/engagement'
import type { QaReviewDecisionRow } from '../db/tables/qa-review'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { accountFacts, decideCheck, type DeciderFacts } from '../review/workflow/access'
import { currentChain } from '../review/workflow/chain'
import { auditingRefusals, type RefusalAudit } from '../review/workflow/decide'
import { checkApproval, refuse } from '../review/workflow/decide-check'
import { loadKeywordMatcher } from '../review/workflow/keywords'
import { countFindings, scanLabelledTexts } from '../review/workflow/scan-item'
import { currentQaFlag, getQa, loadQa } from './qa'
import {
  openRounds,
  parseQaRound,
  qaContentHash,
  qaEditorIds,
  type ParsedQaRound,
} from './qa-rounds'

/**
 * 政策问答 through the department's 保密审查 chain (issue 14: entries are "reviewed like items"; the
 * rules of core/review/workflow, reused, not restated):
 * - submission (officers) binds the entry's content hash, snapshots the configured chain (default
 *   保密审核 → 领导签发) and the scanner's findings over 问题 and 答复 (department keywords);
 * - each step is decided by a holder of its role who is not an author (creator, editors since the
 *   last approval, submitter), did not decide another step of the round, and whose account was not
 *   created or password-reset after submission (access.ts decideCheck, decide-check.ts refuse —
 *   every refusal audited `qa.refused`);
 * - 同意 needs no blocker and a written reason per high finding (shared approvalGaps via
 *   checkApproval) and a policy still in force; at the final step the entry is 已审核 and only then
 *   goes to the district on sync; 退回修改 needs a note;
 * - every decision carries the content hash its decider saw (changed → CONFLICT), is stored in
 *   `qa_review_decisions` and audited `qa.decide`.
 */

const contentChanged = () => new AppError('CONFLICT', '问答内容已变更，请刷新后重新审核')

/** Submits a 草稿 / 退回修改 entry: a new round on the current chain, with the scanner's findings. */
export async function submitQa(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  requireRole(actor, 'officer')
  const before = await loadQa(db, id)
  if (before.state !== 'draft' && before.state !== 'returned') {
    throw new AppError('CONFLICT', '该问答已提交审核或已审核')
  }
  // Scan outside the transaction (worker pool); the transaction re-checks the content hash.
  const keywords = await loadKeywordMatcher(db)
  const findings = await scanLabelledTexts(
    [
      { source: 'title', label: '问题', text: before.question },
      { source: 'body', label: '答复', text: before.answer },
    ],
    keywords ? { keywords } : {},
  )
  const hash = qaContentHash(before)
  await db.transaction().execute(async (trx) => {
    const row = await loadQa(trx, id)
    if (qaContentHash(row) !== hash || (row.state !== 'draft' && row.state !== 'returned')) {
      throw contentChanged()
    }
    const chain = await currentChain(trx, clock)
    const last = await trx
      .selectFrom('qa_reviews')
      .select((eb) => eb.fn.max('round').as('round'))
      .where('qa_id', '=', id)
      .executeTakeFirst()
    const round = Number(last?.round ?? 0) + 1
    const counts = countFindings(findings)
    const now = clock().toISOString()
    await trx
      .insertInto('qa_reviews')
      .values({
        id: ids(),
        qa_id: id,
        round,
        state: 'open',
        content_hash: hash,
        chain_version: chain.version,
        steps_json: JSON.stringify(chain.steps),
        current_step: 0,
        findings_json: JSON.stringify(findings),
        counts_json: JSON.stringify(counts),
        submitted_by: actor.id,
        submitted_by_name: actor.displayName,
        submitted_at: now,
        closed_at: null,
      })
      .execute()
    await trx
      .updateTable('qa_entries')
      .set({ state: 'pending', updated_at: now })
      .where('id', '=', id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'qa.submit',
        target: `qa:${id}`,
        after: { contentHash: hash },
        detail: {
          round,
          steps: chain.steps.map((s) => s.name).join(' → '),
          count: findings.length,
          blocker: counts.blocker,
          high: counts.high,
        },
      },
      clock,
    )
  })
}

export interface QaDecideInput {
  id: string
  reviewId: string
  stepIndex: number
  contentHash: string
  decision: 'approve' | 'return'
  note: string
  highReasons: HighFindingReason[]
}

async function loadRound(db: Kysely<DB>, qaId: string, reviewId: string): Promise<ParsedQaRound> {
  const row = await db
    .selectFrom('qa_reviews')
    .selectAll()
    .where('id', '=', reviewId)
    .where('qa_id', '=', qaId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '审核记录不存在，请刷新后重试')
  return parseQaRound(row)
}

/**
 * What separation of duties knows about `actorId` on `round`: the entry's authors (creator, editors
 * since the last approval, the submitter), who decided the round's other steps, the account dates.
 */
async function qaDeciderFacts(
  db: Kysely<DB>,
  entry: QaRow,
  round: ParsedQaRound,
  actorId: string,
): Promise<DeciderFacts> {
  const decided = await db
    .selectFrom('qa_review_decisions')
    .select(['decider_id', 'step_index'])
    .where('qa_review_id', '=', round.row.id)
    .execute()
  return {
    authors: new Set([...qaEditorIds(entry), round.row.submitted_by]),
    otherStepDeciders: new Set(
      decided.filter((d) => d.step_index !== round.row.current_step).map((d) => d.decider_id),
    ),
    account: await accountFacts(db, actorId),
  }
}

/** One decision at the round's current step, in one transaction; a refusal is audited after it. */
export async function decideQa(
  db: Kysely<DB>,
  actor: Actor,
  input: QaDecideInput,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  const refusal: RefusalAudit = {
    action: 'qa.refused',
    target: `qa:${input.id}`,
    decision: QA_DECISION_LABELS[input.decision],
    stepIndex: input.stepIndex,
  }
  await auditingRefusals(db, actor, clock, refusal, () =>
    db.transaction().execute(async (trx) => {
      const entry = await loadQa(trx, input.id)
      const round = await loadRound(trx, input.id, input.reviewId)
      if (round.row.state !== 'open' || entry.state !== 'pending') {
        throw new AppError('CONFLICT', '该问答不在待审核状态，请刷新')
      }
      const hash = qaContentHash(entry)
      if (input.contentHash !== hash || hash !== round.row.content_hash) throw contentChanged()
      const facts = await qaDeciderFacts(trx, entry, round, actor.id)
      const reset = await trx
        .selectFrom('users')
        .select('password_reset_by_name')
        .where('id', '=', actor.id)
        .executeTakeFirst()
      refuse(actor, round, facts, reset?.password_reset_by_name ?? '')
      const stepIndex = round.row.current_step ?? 0
      if (input.stepIndex !== stepIndex) {
        throw new AppError('CONFLICT', '审核已进入其他步骤，请刷新后重新审核')
      }
      const step = round.steps[stepIndex]
      if (!step) throw new Error(`qa round ${round.row.id} has no step ${stepIndex}`)
      const isFinal = stepIndex === round.steps.length - 1
      if (input.decision === 'approve') {
        checkApproval(round, input.highReasons)
        const flag = await currentQaFlag(trx, entry, clock)
        if (flag) throw new AppError('CONFLICT', `不能通过：${flag}。请先修改答复或依据`)
      }
      const now = clock().toISOString()
      const seq = await trx
        .selectFrom('qa_review_decisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('qa_review_id', '=', round.row.id)
        .executeTakeFirstOrThrow()
      const note = input.note.trim()
      await trx
        .insertInto('qa_review_decisions')
        .values({
          id: ids(),
          qa_review_id: round.row.id,
          seq: Number(seq.n) + 1,
          step_index: stepIndex,
          step_name: step.name,
          step_role: step.role,
          decision: input.decision,
          decider_id: actor.id,
          decider_name: actor.displayName,
          decided_at: now,
          content_hash: hash,
          note,
          high_reasons_json: JSON.stringify(input.decision === 'approve' ? input.highReasons : []),
        })
        .execute()
      await appendAudit(
        trx,
        {
          actor: auditActor(actor),
          action: 'qa.decide',
          target: `qa:${entry.id}`,
          after: { contentHash: hash },
          detail: {
            round: round.row.round,
            step: step.name,
            decision: QA_DECISION_LABELS[input.decision],
          },
        },
        clock,
      )
      if (input.decision === 'approve' && !isFinal) {
        await trx
          .updateTable('qa_reviews')
          .set({ current_step: stepIndex + 1 })
          .where('id', '=', round.row.id)
          .execute()
        return
      }
      const approved = input.decision === 'approve'
      await trx
        .updateTable('qa_reviews')
        .set({ state: approved ? 'approved' : 'returned', current_step: null, closed_at: now })
        .where('id', '=', round.row.id)
        .execute()
      await trx
        .updateTable('qa_entries')
        .set({
          state: approved ? 'approved' : 'returned',
          reviewed_by_name: approved ? actor.displayName : null,
          reviewed_at: approved ? now : null,
          review_note: note,
          // A new approval: later edits make new authors.
          ...(approved ? { editor_ids_json: '[]' } : {}),
          updated_at: now,
        })
        .where('id', '=', entry.id)
        .execute()
      await appendAudit(
        trx,
        {
          actor: auditActor(actor),
          action: approved ? 'qa.approve' : 'qa.return',
          target: `qa:${entry.id}`,
          after: { contentHash: hash },
          detail: { round: round.row.round, step: step.name },
        },
        clock,
      )
    }),
  )
}

const decisionView = (d: QaReviewDecisionRow): QaDecisionView => ({
  id: d.id,
  stepIndex: d.step_index,
  stepName: d.step_name,
  decision: d.decision,
  deciderName: d.decider_name,
  decidedAt: d.decided_at,
  note: d.note,
  highReasons: JSON.parse(d.high_reasons_json) as HighFindingReason[],
})

function stepViews(round: ParsedQaRound, decisions: QaDecisionView[]): QaStepView[] {
  const state = round.row.state
  return round.steps.map((s, index) => {
    const mine = decisions.filter((d) => d.stepIndex === index)
    const last = mine[mine.length - 1]
    const status: QaStepView['status'] =
      last?.decision === 'return'
        ? 'returned'
        : last?.decision === 'approve'
          ? 'approved'
          : state === 'open' && round.row.current_step === index
            ? 'current'
            : state === 'cancelled'
              ? 'cancelled'
              : 'waiting'
    return { index, name: s.name, role: s.role, status, decisions: mine }
  })
}

/** The entry's latest round for the signed-in user: steps, findings, decisions, may they decide. */
export async function qaReviewView(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<QaReviewView> {
  const entry = await getQa(db, id, clock)
  const rows = await db
    .selectFrom('qa_reviews')
    .selectAll()
    .where('qa_id', '=', id)
    .orderBy('round', 'desc')
    .execute()
  const [latest, ...earlier] = rows
  if (!latest) {
    return {
      entry,
      round: null,
      steps: [],
      canDecide: false,
      cannotDecideReason: null,
      history: [],
    }
  }
  const round = parseQaRound(latest)
  const decisions = (
    await db
      .selectFrom('qa_review_decisions')
      .selectAll()
      .where('qa_review_id', '=', latest.id)
      .orderBy('seq')
      .execute()
  ).map(decisionView)
  const open = latest.state === 'open'
  const why = open
    ? decideCheck(actor, round, await qaDeciderFacts(db, await loadQa(db, id), round, actor.id))
    : null
  return {
    entry,
    round: {
      id: latest.id,
      round: latest.round,
      state: latest.state,
      currentStep: latest.current_step,
      contentHash: latest.content_hash,
      submittedByName: latest.submitted_by_name,
      submittedAt: latest.submitted_at,
      closedAt: latest.closed_at,
      findings: round.findings,
      counts: round.counts,
    },
    steps: stepViews(round, decisions),
    canDecide: open && why === null,
    cannotDecideReason: open ? why : null,
    history: earlier.map((r) => ({
      round: r.round,
      state: r.state,
      submittedAt: r.submitted_at,
      closedAt: r.closed_at,
    })),
  }
}

/**
 * 待我审核的问答: open rounds whose current step the user may decide now — the same check
 * `engagement:qa-review` applies (oldest first).
 */
export async function qaReviewQueue(db: Kysely<DB>, actor: Actor): Promise<QaQueueRow[]> {
  const entries = await db
    .selectFrom('qa_entries')
    .selectAll()
    .where('state', '=', 'pending')
    .where('deleted_at', 'is', null)
    .execute()
  const rounds = await openRounds(
    db,
    entries.map((e) => e.id),
  )
  const out: QaQueueRow[] = []
  for (const e of entries) {
    const round = rounds.get(e.id)
    if (!round || decideCheck(actor, round, await qaDeciderFacts(db, e, round, actor.id))) continue
    const index = round.row.current_step ?? 0
    out.push({
      id: e.id,
      question: e.question,
      stepIndex: index,
      stepName: round.steps[index]?.name ?? '',
      stepCount: round.steps.length,
      submittedByName: round.row.submitted_by_name,
      submittedAt: round.row.submitted_at,
    })
  }
  return out.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
}
