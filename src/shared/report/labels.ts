/** Audit actions and targets of the annual report (spread into shared/audit/labels.ts). */
export const REPORT_AUDIT_LABELS = {
  'report.figure': '填写年度报告数据',
  'report.prior': '录入上年度报告数据',
  'report.sections': '修改年度报告正文',
  'report.format': '更改年度报告格式',
  'report.export': '导出年度报告',
  'report.publish': '年度报告生成公开条目',
}

/** Audit detail keys of the annual report (spread into AUDIT_DETAIL_LABELS). */
export const REPORT_AUDIT_DETAIL_LABELS: Record<string, string> = {
  problems: '未解决的问题数',
  cell: '单元格',
  cells: '单元格数',
  sections: '修改的部分',
  format: '报告格式',
}

export const REPORT_AUDIT_TARGET_LABELS: Record<string, string> = {
  report: '年度报告',
}

/** The 体裁 the finished report is filed under (seeded by migration 0160). */
export const REPORT_GENRE = '年度报告'

/** How the preview names a figure's origin. */
export const SOURCE_KIND_LABELS = {
  store: '系统统计',
  officer: '人工填写',
  override: '人工修正',
  derived: '自动合计',
  missing: '待填写',
} as const
