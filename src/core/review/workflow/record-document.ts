import {
  CARRIER_FORM_LABELS,
  CHECKLIST_ANSWER_LABELS,
  FINDING_KIND_LABELS,
  publishChannelsText,
  REVIEW_DECISION_LABELS,
  REVIEW_OPINION_LABELS,
  REVIEW_STATE_LABELS,
  SEVERITY_LABELS,
  WITHHOLD_ARTICLE_LABELS,
} from '../../../shared/review/labels'
import { INDEX_NUMBER_PENDING_LABEL, ITEM_KIND_LABELS } from '../../../shared/items/labels'
import type {
  ChecklistAnswerView,
  ChecklistVersion,
  ReviewDecisionView,
  ReviewStepView,
} from '../../../shared/review/types'
import type { ItemRow } from '../../db/tables/drafting'
import { chineseDate, type DocBlock, type DocCell, type OfficialDocument } from '../../documents'
import { answerViews } from './checklist'
import type { ParsedReview } from './rows'

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '')

/** One round of review (a submission) with its steps and decisions. */
export interface RecordRound {
  review: ParsedReview
  steps: ReviewStepView[]
}

export interface RecordInput {
  item: ItemRow
  departmentName: string
  checklist: ChecklistVersion
  /** The round the record is for, and every round of the item, oldest first (it included). */
  round: RecordRound
  rounds: RecordRound[]
  exportedBy: string
  exportedAt: string
}

function answerText(a: ChecklistAnswerView | undefined): string {
  if (!a) return '—'
  return a.note
    ? `${CHECKLIST_ANSWER_LABELS[a.answer]}（${a.note}）`
    : CHECKLIST_ANSWER_LABELS[a.answer]
}

/** What a decider wrote: the grounds, the reason, each comment, the superior's answer. */
function decisionDetail(d: ReviewDecisionView): string[] {
  const parts: string[] = []
  if (d.article) {
    const a = WITHHOLD_ARTICLE_LABELS[d.article]
    parts.push(`依据：${a.label}（${a.summary}）`)
  }
  if (d.reason) parts.push(`理由：${d.reason}`)
  d.comments.forEach((c, i) =>
    parts.push(d.comments.length > 1 ? `意见${i + 1}：${c.text}` : `意见：${c.text}`),
  )
  if (d.highReasons.length > 0) parts.push(`对 ${d.highReasons.length} 项高风险发现写明了公开理由`)
  if (d.superior) parts.push(`上级答复（${d.superior.authority}）：${d.superior.opinion}`)
  return parts
}

/** 审查意见 (公开 / 不予公开 / 需报审, with grounds) from the review's state and decisions. */
function opinion({ review, steps }: RecordRound): string {
  const all = steps.flatMap((s) => s.decisions)
  const last = all[all.length - 1]
  switch (review.row.state) {
    case 'approved':
      return REVIEW_OPINION_LABELS.approve
    case 'withheld': {
      const a = review.row.article ? WITHHOLD_ARTICLE_LABELS[review.row.article].label : ''
      return `${REVIEW_OPINION_LABELS.withhold}（依据${a}${last?.reason ? `：${last.reason}` : ''}）`
    }
    case 'returned':
      return `${REVIEW_OPINION_LABELS.return}${last ? `：${last.comments.map((c) => c.text).join('；')}` : ''}`
    case 'cancelled':
      return '审查已作废（内容已修改）'
    case 'open': {
      const refer = all.filter((d) => d.decision === 'refer').pop()
      if (review.row.referred === 1 && refer)
        return `${REVIEW_OPINION_LABELS.refer}（${refer.reason ?? ''}）`
      return REVIEW_STATE_LABELS.open
    }
  }
}

function roundTitle({ review }: RecordRound): string {
  const r = review.row
  return `第 ${r.round} 轮：第 ${r.revision} 版，${day(r.submitted_at)} 由 ${r.submitted_by_name} 提交，${REVIEW_STATE_LABELS[r.state]}`
}

/** A signing cell: what was decided, the system's record of who and when, and spaces to sign. */
function signingCell(lines: string[], signer: string | null, when: string | null): DocCell {
  return {
    paragraphs: [
      ...(lines.length > 0 ? lines : ['', '']).map((text) => ({ text })),
      ...(signer
        ? [
            {
              text: `（系统记录：${signer}，${chineseDate(when ?? '') ?? ''}）`,
              align: 'right' as const,
            },
          ]
        : []),
      // Room above the spaces to sign by hand.
      {
        text: '签字：＿＿＿＿＿＿　　日期：　　　年　　月　　日',
        align: 'right' as const,
        spaceBefore: 8,
      },
    ],
  }
}

/**
 * The 保密审查单 as an official document: the record fields in a form table, the checklist with
 * the author's and each step's answers (a wide question column), the scan findings, every
 * round's decisions with their opinions (a return's comments included), and a signing row with
 * signature and date spaces for the author and each step of the chain.
 */
export function reviewRecordDocument(input: RecordInput): OfficialDocument {
  const { item, checklist, round, rounds } = input
  const { review, steps } = round
  const approvals = steps.flatMap((s) => s.decisions.filter((d) => d.decision === 'approve'))
  const finalStep = steps.length - 1
  const reviewers = approvals.filter((d) => d.stepIndex < finalStep)
  const approver = approvals.find((d) => d.stepIndex === finalStep)
  const decided = steps.flatMap((s) => s.decisions)
  const firstDecider = reviewers[0] ?? decided[0]
  const channels = publishChannelsText(review.channels, review.row.channel_other)

  const fields: Extract<DocBlock, { kind: 'fields' }> = {
    kind: 'fields',
    rows: [
      ['信息名称', item.title],
      ['发文字号', item.doc_number || '—', '生成日期', item.signed_date ?? day(item.created_at)],
      ['类别', ITEM_KIND_LABELS[item.kind], '载体形式', CARRIER_FORM_LABELS[review.row.carrier]],
      ['起草人', review.row.submitted_by_name, '提交时间', day(review.row.submitted_at)],
      ['拟公开方式', channels || '—', '拟公开时间', item.planned_publish_date ?? '—'],
      ['索引号', item.index_number ?? INDEX_NUMBER_PENDING_LABEL],
      [
        '审查轮次',
        `第 ${review.row.round} 轮（${REVIEW_STATE_LABELS[review.row.state]}），清单第 ${review.row.checklist_version} 版`,
        '审查版本',
        `第 ${review.row.revision} 版`,
      ],
      ['审查意见', opinion(round)],
      [
        '审查人',
        reviewers.map((d) => d.deciderName).join('、') || firstDecider?.deciderName || '',
        '审查日期',
        reviewers.map((d) => day(d.decidedAt)).join('、') || day(firstDecider?.decidedAt),
      ],
      ['批准人', approver?.deciderName ?? '', '批准日期', day(approver?.decidedAt)],
      ['内容哈希', `${review.row.content_hash}（SHA-256）`],
    ],
  }

  // The signing rows of this round, in the same form: the author, then each step of the chain.
  fields.rows.push(
    [
      '起草人自查',
      signingCell(
        [`已按保密审查清单逐项自查，提请审查（第 ${review.row.revision} 版）。`],
        review.row.submitted_by_name,
        review.row.submitted_at,
      ),
    ],
    ...steps.map((s): [string, DocCell] => {
      const last = s.decisions[s.decisions.length - 1]
      const lines = s.decisions.flatMap((d) => [
        `${REVIEW_DECISION_LABELS[d.decision]}。`,
        ...decisionDetail(d),
      ])
      return [
        `${s.name}意见`,
        signingCell(lines, last?.deciderName ?? null, last?.decidedAt ?? null),
      ]
    }),
  )

  const selfCheck = answerViews(checklist, review.selfCheck)
  const stepAnswers = steps.map((s) => {
    const last = s.decisions[s.decisions.length - 1]
    return new Map((last?.checklist ?? []).map((a) => [a.questionId, a]))
  })
  const checklistTable: DocBlock = {
    kind: 'table',
    columns: [
      { header: '序号', weight: 0.85, align: 'center' },
      { header: '审查事项', weight: Math.max(3.8, 6.2 - steps.length * 0.6) },
      { header: '起草人自查', weight: 1.7, align: 'center' },
      ...steps.map((s) => ({ header: s.name, weight: 1.7, align: 'center' as const })),
    ],
    rows: checklist.questions.map((q, i) => [
      String(i + 1),
      q.text,
      answerText(selfCheck.find((a) => a.questionId === q.id)),
      ...stepAnswers.map((m) => answerText(m.get(q.id))),
    ]),
  }

  const reasons = new Map(
    decided.flatMap((d) =>
      d.highReasons.map((r) => [r.findingId, `${d.deciderName}：${r.reason}`]),
    ),
  )
  const serious = review.findings.filter((f) => f.severity === 'blocker' || f.severity === 'high')
  const counts = review.counts
  const findingSummary = `本轮提交时扫描发现：阻断 ${counts.blocker} 项，高 ${counts.high} 项，警告 ${counts.warn} 项，提示 ${counts.info} 项${serious.length > 0 ? '；阻断和高风险发现如下（敏感内容已遮盖）。' : '。'}`
  const findingTable: DocBlock[] =
    serious.length > 0
      ? [
          {
            kind: 'table',
            columns: [
              { header: '级别', weight: 0.75, align: 'center' },
              { header: '类型', weight: 1.1 },
              { header: '位置', weight: 1.0 },
              { header: '内容', weight: 1.6 },
              { header: '说明', weight: 2.6 },
              { header: '同意公开的理由', weight: 2.3 },
            ],
            rows: serious.map((f) => [
              SEVERITY_LABELS[f.severity],
              FINDING_KIND_LABELS[f.kind],
              f.sourceLabel,
              f.masked ?? f.text,
              f.reason,
              reasons.get(f.id) ?? '',
            ]),
          },
        ]
      : []

  // Every round's decisions, oldest first: a returned first round keeps its comments on file.
  const history: DocBlock = {
    kind: 'table',
    columns: [
      { header: '步骤', weight: 1.3, align: 'center' },
      { header: '审查人', weight: 1.1, align: 'center' },
      { header: '日期', weight: 1.6, align: 'center' },
      { header: '决定', weight: 1.35, align: 'center' },
      { header: '依据、意见', weight: 4.0 },
    ],
    rows: rounds.flatMap((r) => {
      const ds = r.steps.flatMap((s) => s.decisions)
      return [
        { full: { paragraphs: [{ text: roundTitle(r), bold: true }] } },
        ...(ds.length > 0
          ? ds.map((d) => [
              d.stepName,
              d.deciderName,
              day(d.decidedAt),
              REVIEW_DECISION_LABELS[d.decision],
              decisionDetail(d).join('\n') || '—',
            ])
          : [
              [
                '—',
                '—',
                '—',
                '—',
                r.review.row.state === 'cancelled' ? '内容修改后作废，未作决定' : '尚无审查决定',
              ],
            ]),
      ]
    }),
  }

  return {
    title: '政府信息公开保密审查单',
    subtitle: input.departmentName || undefined,
    creator: input.departmentName || '政务公开工作台',
    description: `保密审查单：${item.title}`,
    blocks: [
      fields,
      { kind: 'heading', text: '一、审查清单' },
      checklistTable,
      { kind: 'heading', text: '二、扫描发现' },
      { kind: 'paragraph', text: findingSummary, small: true },
      ...findingTable,
      { kind: 'heading', text: '三、审查经过' },
      history,
      {
        kind: 'paragraph',
        small: true,
        indent: false,
        text: `注：本单由政务公开工作台导出（${input.exportedBy}，${chineseDate(input.exportedAt) ?? ''}）。内容哈希用于核对所审内容与公开内容一致；「系统记录」为各环节在系统中作出决定的账号和日期，签字栏供纸质归档时手写签名。`,
      },
    ],
  }
}
