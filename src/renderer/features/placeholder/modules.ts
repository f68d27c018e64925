import { IconReportAnalytics, type Icon } from '@tabler/icons-react'

/**
 * A module still being built: its navbar entry and what it will do, which the placeholder page
 * says plainly (no sample data). When the module is built, its own `feature.tsx` replaces the
 * `placeholderFeature(…)` line in app/features.ts.
 */
export interface ModuleInfo {
  id: string
  path: string
  title: string
  icon: Icon
  /** Position in the navbar's 日常工作 section (see the other features' `order`). */
  order: number
  summary: string
  points: string[]
}

export const REPORT_MODULE: ModuleInfo = {
  id: 'report',
  path: '/report',
  title: '年度报告',
  icon: IconReportAnalytics,
  order: 60,
  summary: '按国家规定格式汇总全年数据，生成政府信息公开工作年度报告。',
  points: [
    '从主动公开、依申请公开等模块自动统计表格数据',
    '校验各表之间的勾稽关系',
    '导出可编辑的报告文档',
  ],
}
