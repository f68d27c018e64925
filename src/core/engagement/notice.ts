import {
  CONSULTATION_CHANNEL_LABELS,
  CONTACT_NOT_PUBLISHED,
  DECISION_TYPE_LABELS,
  draftCitation,
} from '../../shared/engagement/labels'
import type {
  ConsultationChannel,
  DecisionType,
  DraftParagraph,
} from '../../shared/engagement/types'
import { chineseDate } from '../documents'
import { escapeText, textParagraphs } from '../html/html-text'

export interface NoticeInput {
  title: string
  decisionType: DecisionType
  draftTitle: string
  startDate: string
  endDate: string
  calendarDays: number
  shortReason: string
  questions: string
  contact: string
  channels: readonly ConsultationChannel[]
  paragraphs: readonly DraftParagraph[]
}

export const noticeTitle = (draftTitle: string) => `关于公开征求《${draftTitle}》意见的公告`

/**
 * The consultation notice (类别 意见征集) as HTML: 征集主题, 征集时间, 征集说明, channels, contact,
 * the draft (征求意见稿) with its paragraph numbers, and the personal-data statement. This is what
 * passes 保密审查, so everything the public page shows is in it.
 */
export function noticeHtml(n: NoticeInput): string {
  const start = chineseDate(n.startDate) ?? n.startDate
  const end = chineseDate(n.endDate) ?? n.endDate
  return [
    `<p>${escapeText(`为广泛听取社会各界意见，现将${draftCitation(n.draftTitle)}全文公布，公开征求意见。`)}</p>`,
    `<h2>征集主题</h2><p>${escapeText(n.title)}</p>`,
    `<p>${escapeText(`文件类型：${DECISION_TYPE_LABELS[n.decisionType]}`)}</p>`,
    `<h2>征集时间</h2><p>${escapeText(`${start}至${end}（共 ${n.calendarDays} 日）`)}</p>`,
    n.shortReason.trim() ? `<p>${escapeText(`期限说明：${n.shortReason.trim()}`)}</p>` : '',
    `<h2>征集说明</h2>`,
    textParagraphs(n.questions),
    `<h2>意见反馈渠道</h2><ul>`,
    n.channels
      .map(
        (c) =>
          `<li>${escapeText(
            c === 'online'
              ? `${CONSULTATION_CHANNEL_LABELS[c]}：在本公告的意见征集页面提交，可针对具体段落发表意见`
              : `${CONSULTATION_CHANNEL_LABELS[c]}：见下方联系方式`,
          )}</li>`,
      )
      .join(''),
    `</ul>`,
    `<h2>联系方式</h2><p>${escapeText(n.contact)}</p>`,
    `<p>${escapeText(CONTACT_NOT_PUBLISHED)}</p>`,
    `<h2>${escapeText(`${draftCitation(n.draftTitle)}`)}</h2>`,
    n.paragraphs.map((p) => `<p>${escapeText(`【第${p.no}段】${p.text}`)}</p>`).join(''),
  ].join('')
}
