import { Paper } from '@mantine/core'
import type { ReactNode } from 'react'
import type { ReviewView } from '../../../../shared/review/types'
import { CARRIER_FORM_LABELS, publishChannelsText } from '../../../../shared/review/labels'
import { INDEX_NUMBER_PENDING_LABEL, ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { formatDate, formatDateTime } from '../../../lib/format'

/**
 * The record fields of the item under review (类别, 索引号, 载体形式, 拟公开方式 …): as many pairs per
 * row as the column has room for (review.css `.dd-review-meta`), so values do not wrap by the character.
 */
export function Metadata({ data }: { data: ReviewView }) {
  const { item, review } = data
  const rows: [string, ReactNode][] = [
    ['类别', ITEM_KIND_LABELS[item.kind]],
    ['索引号', item.indexNumber ?? INDEX_NUMBER_PENDING_LABEL],
    ['发文机关', item.issuer || '—'],
    ['发文字号', item.docNumber || '—'],
    ['成文日期', formatDate(item.signedDate)],
    [
      '公开期限',
      item.dueDate ? `${formatDate(item.dueDate)}${item.late ? '（已逾期）' : ''}` : '—',
    ],
    ['拟发布日期', formatDate(item.plannedPublishDate)],
    ['载体形式', data.carrier ? CARRIER_FORM_LABELS[data.carrier] : '—'],
    [
      '拟公开方式',
      data.channels.length > 0 ? publishChannelsText(data.channels, data.channelOther) : '—',
    ],
    ['起草人', item.authorName ?? '—'],
    [
      '提交',
      review
        ? `${review.submittedByName} · ${formatDateTime(review.submittedAt)} · 第 ${review.revision} 版`
        : '—',
    ],
  ]
  return (
    <Paper withBorder p="sm" component="section" aria-label="元数据">
      <dl className="dd-review-meta">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  )
}
