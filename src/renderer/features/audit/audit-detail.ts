import {
  AUDIT_ACTION_LABELS,
  AUDIT_DETAIL_LABELS,
  AUDIT_REASON_LABELS,
  ROLE_LABELS,
} from '../../../shared/labels'
import { ROLES, type Role } from '../../../shared/roles'
import { formatBytes, formatDateTime } from '../../lib/format'

const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (ROLES as readonly string[]).includes(v)

function keyLabel(key: string): string {
  return AUDIT_DETAIL_LABELS[key] ?? key
}

/** One detail value in words: roles as labels, booleans as 是/否, sizes in KB/MB. */
function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (key === 'sizeBytes' && typeof value === 'number') return formatBytes(value)
  if (key === 'reason' && typeof value === 'string') return AUDIT_REASON_LABELS[value] ?? value
  if (Array.isArray(value)) {
    if (value.length === 0) return '无'
    return value.map((v) => (isRole(v) ? ROLE_LABELS[v] : valueText(key, v))).join('、')
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    // A change: { from, to }.
    if ('from' in obj && 'to' in obj && Object.keys(obj).length === 2) {
      return `${valueText(key, obj.from)} → ${valueText(key, obj.to)}`
    }
    return Object.entries(obj)
      .map(([k, v]) => `${keyLabel(k)} ${valueText(k, v)}`)
      .join('，')
  }
  return String(value)
}

/** Keys whose meaning depends on the action. */
const ACTION_KEY_LABELS: Record<string, Record<string, string>> = {
  'backup.restore': { from: '恢复自' },
}

/**
 * 恢复前记录 (`backup.restore.carried`): the replaced database's entries since the backup, each as
 * 「时间 操作人 操作」, after the section's summary.
 */
function carriedText(detail: Record<string, unknown>): string {
  const rows = Array.isArray(detail.rows) ? (detail.rows as unknown[][]) : []
  const lines = rows.map((r) => {
    const action = String(r[4] ?? '')
    const label = (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action
    return `原第 ${String(r[0])} 条 ${formatDateTime(String(r[1] ?? ''))} ${String(r[3] ?? '系统')} ${label}`
  })
  return [
    `恢复前记录：被替换的数据库 ${String(detail.replacedDatabase ?? '')} 在备份之后的 ${rows.length} 条记录（原哈希一并保存）`,
    ...lines,
  ].join('；')
}

/** An audit entry's detail as short Chinese `键：值` pairs, e.g. `用户名：admin；原因：密码错误`. */
export function auditDetailText(action: string, detail: Record<string, unknown> | null): string {
  if (!detail) return ''
  if (action === 'backup.restore.carried') return carriedText(detail)
  const overrides = ACTION_KEY_LABELS[action] ?? {}
  return Object.entries(detail)
    .map(([k, v]) => {
      if (k === 'changes' && v && typeof v === 'object') {
        return Object.entries(v as Record<string, unknown>)
          .map(([field, change]) => `${keyLabel(field)}：${valueText(field, change)}`)
          .join('；')
      }
      // from/to at the top level (roles changed) read as one change.
      if (k === 'from' && 'to' in detail)
        return `${keyLabel('roles')}：${valueText(k, v)} → ${valueText('to', detail.to)}`
      if (k === 'to' && 'from' in detail) return ''
      if (k === 'ok' && typeof v === 'boolean') return `${keyLabel(k)}：${v ? '完整' : '断开'}`
      return `${overrides[k] ?? keyLabel(k)}：${valueText(k, v)}`
    })
    .filter(Boolean)
    .join('；')
}
