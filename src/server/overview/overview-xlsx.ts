import { writeSpreadsheet } from '../../core/spreadsheet'
import { fileState, ITEM_STATUS_LABEL } from '../view/district-page'
import type { DistrictOverview, DistrictRow } from './district-overview'

const beijing = (iso: string | null) =>
  iso
    ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    : ''

/** The 年度报告 cell as the page says it: 未收到, or received with the report checker's result. */
function reportText(report: DistrictRow['report']): string {
  if (!report) return '未收到'
  if (report.errors > 0) return `已收到，${report.errors} 处错误`
  return report.warnings > 0 ? `已收到，校验通过（${report.warnings} 处提示）` : '已收到，校验通过'
}

/**
 * The district overview as .xlsx, through the app's one spreadsheet module: the rows exactly as
 * the page shows them (same filter and order), then the overdue tasks on a second sheet and the
 * items 附件未到齐 with their missing files on a third.
 */
export function overviewXlsx(overview: DistrictOverview): Promise<Buffer> {
  const { query } = overview
  return writeSpreadsheet({
    creator: '政务公开 区级总览',
    sheets: [
      {
        name: '各部门总览',
        title: `${query.year}年各部门政务公开工作情况`,
        subtitle: `统计日期：${overview.today}`,
        fonts: { body: '仿宋', header: '黑体', title: '黑体' },
        columns: [
          { header: '代码' },
          { header: '部门', wrap: true },
          { header: '报送条目' },
          { header: '已发布' },
          { header: '已退回' },
          { header: '逾期条目' },
          { header: '附件未到齐' },
          { header: '配档任务' },
          { header: '已完成' },
          { header: '完成率' },
          { header: '逾期任务' },
          { header: '佐证材料' },
          { header: '佐证已公开' },
          { header: '配档表报送时间' },
          { header: `${query.year - 1}年度报告`, wrap: true },
          { header: '报告错误' },
          { header: '征集中' },
          { header: '最近报送条目' },
        ],
        rows: overview.rows.map((r) => [
          r.code,
          r.name,
          r.pushed,
          r.published,
          r.returned,
          r.late,
          r.incomplete,
          r.schedule?.tasks ?? null,
          r.schedule?.done ?? null,
          r.schedule ? `${Math.round(r.schedule.completion * 100)}%` : '未报送',
          r.schedule?.overdue ?? null,
          r.schedule?.evidence ?? null,
          r.schedule?.evidencePublished ?? null,
          beijing(r.schedule?.receivedAt ?? null),
          reportText(r.report),
          r.report?.errors ?? null,
          r.openConsultations,
          beijing(r.lastPushAt),
        ]),
        notes: [
          '注：逾期条目指已过时限（拟发布日期，或成文日期起20个工作日，《政府信息公开条例》第二十六条）仍未发布、或退回后5个工作日未重新报送的条目；年度报告为上一年度的部门年度报告，未收到或按报告校验规则检查的结果；征集中指统计日期正在征集意见的意见征集数；附件未到齐指条目最新版本所列的附件尚未全部传到区级（到齐前不能登记发布）；逾期任务指完成时限已过仍未登记完成的配档任务。',
        ],
      },
      {
        name: '逾期任务',
        title: `${query.year}年逾期配档任务`,
        fonts: { body: '仿宋', header: '黑体', title: '黑体' },
        columns: [
          { header: '部门', wrap: true },
          { header: '序号' },
          { header: '任务', wrap: true, width: 50 },
          { header: '完成时限', wrap: true },
          { header: '进展条数' },
          { header: '佐证材料' },
        ],
        rows: overview.overdueTasks.map((t) => [
          t.departmentName,
          t.number,
          t.requirement,
          t.deadline || t.deadlineDate,
          t.progressCount,
          t.evidenceCount,
        ]),
      },
      {
        name: '附件未到齐',
        title: '附件未到齐的条目',
        subtitle: `统计日期：${overview.today}`,
        fonts: { body: '仿宋', header: '黑体', title: '黑体' },
        columns: [
          { header: '部门', wrap: true },
          { header: '标题', wrap: true, width: 40 },
          { header: '状态' },
          { header: '审批时间' },
          { header: '已到/全部' },
          { header: '未到的附件', wrap: true, width: 50 },
          { header: '条目编号' },
        ],
        rows: overview.incompleteItems.map((i) => [
          i.departmentName,
          i.title,
          ITEM_STATUS_LABEL[i.status],
          beijing(i.approvedAt),
          `${i.files.length - i.missing}/${i.files.length}`,
          i.files
            .filter((f) => !f.arrived)
            .map((f) => `${f.name}${fileState(f)}`)
            .join('\n'),
          i.id,
        ]),
      },
    ],
  })
}
