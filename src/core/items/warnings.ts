import type { AttachmentView, ItemView } from '../../shared/items/types'
import { checkDocNumber } from '../../shared/doc-number'

type WarningInput = Pick<
  ItemView,
  'kind' | 'docNumber' | 'signedDate' | 'dueDate' | 'late' | 'interpretations' | 'policy' | 'status'
> & {
  attachments: AttachmentView[]
  catalogueRuleUnreadable: boolean
  dueProvisional?: boolean
}

/** The Chinese warnings shown with an item; computed, never stored. */
export function itemWarnings(item: WarningInput): string[] {
  const out: string[] = []
  if (item.kind === 'policy' && item.interpretations.length === 0) {
    out.push(
      '政策文件尚未关联政策解读：按“谁起草谁解读”，请同步起草解读并关联，与政策文件一同审签、发布',
    )
  }
  if (item.kind === 'interpretation' && item.policy === null) {
    out.push('政策解读尚未关联所解读的政策文件：请关联后再提交审查')
  }
  const doc = checkDocNumber(item.docNumber)
  if (!doc.ok) out.push(doc.message)
  if (item.late && item.dueDate) {
    out.push(
      `已超过公开时限：应于 ${item.dueDate} 前公开（《政府信息公开条例》第二十六条及所属目录事项时限）`,
    )
  }
  if (item.dueProvisional && item.dueDate) {
    out.push(
      `公开到期日 ${item.dueDate} 为暂定：计算经过尚未录入节假日安排的年份（按周一至周五计算），请在「节假日日历」中添加国务院办公厅的放假通知`,
    )
  }
  if (item.catalogueRuleUnreadable) {
    out.push('所属目录事项的公开时限无法识别，未计算公开到期日：请在公开事项目录中规范填写时限')
  }
  for (const a of item.attachments) {
    if (a.textStatus === 'failed') {
      out.push(
        `附件「${a.name}」无法提取文字（${a.textWarning ?? '原因不明'}）：附件已保存，但不能全文检索和保密扫描，请人工核查`,
      )
    }
  }
  return out
}
