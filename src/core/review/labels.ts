import type { FindingKind, Severity } from './types'

/**
 * Chinese names for finding kinds and severities. They belong beside the other label tables in
 * src/shared/labels.ts once the UI needs them; kept here until then so core/review stays self-contained.
 */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  'classification-marking': '密级标志',
  'restricted-label': '限制性标注',
  'id-card': '居民身份证号',
  mobile: '手机号',
  'fixed-line': '固定电话',
  'bank-card': '银行卡号',
  uscc: '统一社会信用代码',
  email: '电子邮箱',
  'license-plate': '车牌号',
  'person-name': '姓名',
  'process-hint': '过程性信息',
  keyword: '部门敏感词',
  'document-metadata': '文档属性',
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  blocker: '阻断',
  high: '高',
  warn: '警告',
  info: '提示',
}
