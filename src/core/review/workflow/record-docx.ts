import { writeFile } from 'node:fs/promises'
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Kysely } from 'kysely'
import {
  CARRIER_FORM_LABELS,
  CHECKLIST_ANSWER_LABELS,
  FINDING_KIND_LABELS,
  INDEX_NUMBER_PENDING_LABEL,
  ITEM_KIND_LABELS,
  PUBLISH_CHANNEL_LABELS,
  REVIEW_DECISION_LABELS,
  REVIEW_STATE_LABELS,
  SEVERITY_LABELS,
  WITHHOLD_ARTICLE_LABELS,
} from '../../../shared/labels'
import type {
  ChecklistAnswerView,
  RecordExportResult,
  ReviewDecisionView,
  ReviewStepView,
} from '../../../shared/review'
import type { Actor } from '../../accounts/actor'
import { getDepartment } from '../../accounts/department'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import { AppError } from '../../errors'
import { loadItemRow } from '../../items/items-repo'
import { answerViews, getChecklist } from './checklist'
import { listReviews, type ParsedReview } from './rows'
import { stepViews } from './views'

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '')

const cell = (text: string, bold = false) =>
  new TableCell({
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  })

/** A full-width table; the header row (or, for a field table, the label column) in bold. */
const table = (rows: string[][], header = false) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) => new TableRow({ children: r.map((t, j) => cell(t, header ? i === 0 : j === 0)) }),
    ),
  })

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 })

function answerText(a: ChecklistAnswerView | undefined): string {
  if (!a) return '—'
  return a.note
    ? `${CHECKLIST_ANSWER_LABELS[a.answer]}（${a.note}）`
    : CHECKLIST_ANSWER_LABELS[a.answer]
}

function decisionDetail(d: ReviewDecisionView): string {
  const parts: string[] = []
  if (d.article) {
    const a = WITHHOLD_ARTICLE_LABELS[d.article]
    parts.push(`依据：${a.label}（${a.summary}）`)
  }
  if (d.reason) parts.push(`理由：${d.reason}`)
  for (const c of d.comments) parts.push(`意见：${c.text}`)
  if (d.superior) parts.push(`上级答复（${d.superior.authority}）：${d.superior.opinion}`)
  return parts.join('\n')
}

/** 审查意见 (公开 / 不予公开 / 需报审, with grounds) from the review's state and decisions. */
function opinion(review: ParsedReview, steps: ReviewStepView[]): string {
  const all = steps.flatMap((s) => s.decisions)
  const last = all[all.length - 1]
  switch (review.row.state) {
    case 'approved':
      return '公开'
    case 'withheld': {
      const a = review.row.article ? WITHHOLD_ARTICLE_LABELS[review.row.article].label : ''
      return `不予公开（依据${a}${last?.reason ? `：${last.reason}` : ''}）`
    }
    case 'returned':
      return `退回修改${last ? `：${last.comments.map((c) => c.text).join('；')}` : ''}`
    case 'cancelled':
      return '审查已作废（内容已修改）'
    case 'open': {
      const refer = all.filter((d) => d.decision === 'refer').pop()
      if (review.row.referred === 1 && refer) return `需报审（${refer.reason ?? ''}）`
      return REVIEW_STATE_LABELS.open
    }
  }
}

/**
 * Writes the 保密审查单 of one submission (default: the item's latest) as .docx: the record fields
 * departments keep with the item, the checklist with each step's answers and notes, the findings
 * summary (masked values), the decisions and signers, 索引号 and content hash. Audited.
 */
export async function exportReviewRecord(
  db: Kysely<DB>,
  actor: Actor,
  itemId: string,
  reviewId: string | undefined,
  path: string,
  clock: Clock,
): Promise<RecordExportResult> {
  const item = await loadItemRow(db, itemId)
  const reviews = await listReviews(db, itemId)
  const review = reviewId ? reviews.find((r) => r.row.id === reviewId) : reviews[0]
  if (!review) throw new AppError('NOT_FOUND', '该条目还没有审查记录')
  const department = await getDepartment(db)
  const checklist = await getChecklist(db, clock, review.row.checklist_version)
  const steps = await stepViews(db, review, clock)
  const approvals = steps.flatMap((s) => s.decisions.filter((d) => d.decision === 'approve'))
  const finalStep = steps.length - 1
  const reviewers = approvals.filter((d) => d.stepIndex < finalStep)
  const approver = approvals.find((d) => d.stepIndex === finalStep)
  const decided = steps.flatMap((s) => s.decisions)
  const firstDecider = reviewers[0] ?? decided[0]
  const channels = review.channels
    .map((c) =>
      c === 'other' && review.row.channel_other
        ? `${PUBLISH_CHANNEL_LABELS.other}（${review.row.channel_other}）`
        : PUBLISH_CHANNEL_LABELS[c],
    )
    .join('、')

  const fields: string[][] = [
    ['信息名称', item.title],
    ['类别', ITEM_KIND_LABELS[item.kind]],
    ['载体形式', CARRIER_FORM_LABELS[review.row.carrier]],
    ['生成日期', item.signed_date ?? day(item.created_at)],
    ['发文字号', item.doc_number || '—'],
    ['审查意见', opinion(review, steps)],
    ['审查人', reviewers.map((d) => d.deciderName).join('、') || firstDecider?.deciderName || ''],
    ['审查日期', reviewers.map((d) => day(d.decidedAt)).join('、') || day(firstDecider?.decidedAt)],
    ['批准人', approver?.deciderName ?? ''],
    ['批准日期', day(approver?.decidedAt)],
    ['拟公开方式', channels],
    ['拟公开时间', item.planned_publish_date ?? ''],
    ['索引号', item.index_number ?? INDEX_NUMBER_PENDING_LABEL],
    ['审查版本', `第 ${review.row.revision} 版`],
    ['内容哈希（SHA-256）', review.row.content_hash],
    ['起草人（提交人）', `${review.row.submitted_by_name}  ${day(review.row.submitted_at)}`],
    ['审查轮次', `第 ${review.row.round} 轮（${REVIEW_STATE_LABELS[review.row.state]}）`],
  ]

  const selfCheck = answerViews(checklist, review.selfCheck)
  const stepAnswers = steps.map((s) => {
    const last = s.decisions[s.decisions.length - 1]
    return new Map((last?.checklist ?? []).map((a) => [a.questionId, a]))
  })
  const checklistRows: string[][] = [
    ['序号', '审查事项', '起草人自查', ...steps.map((s) => s.name)],
    ...checklist.questions.map((q, i) => [
      String(i + 1),
      q.text,
      answerText(selfCheck.find((a) => a.questionId === q.id)),
      ...stepAnswers.map((m) => answerText(m.get(q.id))),
    ]),
  ]

  const reasons = new Map(
    decided.flatMap((d) =>
      d.highReasons.map((r) => [r.findingId, `${d.deciderName}：${r.reason}`]),
    ),
  )
  const serious = review.findings.filter((f) => f.severity === 'blocker' || f.severity === 'high')
  const counts = review.counts
  const findingSummary = `阻断 ${counts.blocker} 项，高 ${counts.high} 项，警告 ${counts.warn} 项，提示 ${counts.info} 项`
  const findingRows: string[][] = [
    ['级别', '类型', '位置', '内容', '说明', '同意公开的理由'],
    ...serious.map((f) => [
      SEVERITY_LABELS[f.severity],
      FINDING_KIND_LABELS[f.kind],
      f.sourceLabel,
      f.masked ?? f.text,
      f.reason,
      reasons.get(f.id) ?? '',
    ]),
  ]
  const decisionRows: string[][] = [
    ['步骤', '决定', '签名', '日期', '依据、意见'],
    ...decided.map((d) => [
      d.stepName,
      REVIEW_DECISION_LABELS[d.decision],
      d.deciderName,
      day(d.decidedAt),
      decisionDetail(d),
    ]),
  ]

  const doc = new Document({
    creator: department?.name ?? '政务公开工作台',
    title: `保密审查单：${item.title}`,
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: '政府信息公开保密审查单', bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun(department?.name ?? '')],
          }),
          table(fields),
          heading('审查清单'),
          table(checklistRows, true),
          heading('扫描发现'),
          new Paragraph(findingSummary),
          ...(serious.length > 0 ? [table(findingRows, true)] : []),
          heading('审查决定及签名'),
          decided.length > 0 ? table(decisionRows, true) : new Paragraph('尚无审查决定'),
          new Paragraph({
            children: [
              new TextRun({
                text: `导出：${actor.displayName}  ${day(clock().toISOString())}`,
                italics: true,
              }),
            ],
          }),
        ],
      },
    ],
  })
  await writeFile(path, await Packer.toBuffer(doc))
  await appendAudit(
    db,
    {
      actor: { id: actor.id, name: actor.displayName },
      action: 'review.record_export',
      target: `item:${itemId}`,
      detail: { round: review.row.round, file: path },
    },
    clock,
  )
  return { path, reviewId: review.row.id }
}
