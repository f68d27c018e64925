import type { ItemKind, ItemStatus } from '../../../shared/items/types'
import {
  AUDIT_ACTION_LABELS,
  AUDIT_DETAIL_LABELS,
  AUDIT_REASON_LABELS,
} from '../../../shared/audit/labels'
import {
  ITEM_FIELD_LABELS,
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
} from '../../../shared/items/labels'
import { REVIEW_DECISION_LABELS } from '../../../shared/review/labels'
import { ROLE_LABELS } from '../../../shared/accounts/labels'
import { SYNC_OP_LABELS } from '../../../shared/sync/labels'
import type { ReviewDecision } from '../../../shared/review/types'
import type { SyncOp } from '../../../shared/sync/types'
import { ROLES, type Role } from '../../../shared/accounts/roles'
import { formatBytes, formatDateTime } from '../../lib/format'

const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (ROLES as readonly string[]).includes(v)

const isStatus = (v: unknown): v is ItemStatus =>
  typeof v === 'string' && Object.hasOwn(ITEM_STATUS_LABELS, v)

const FIELD_LABELS: Record<string, string> = ITEM_FIELD_LABELS

function keyLabel(key: string): string {
  return AUDIT_DETAIL_LABELS[key] ?? FIELD_LABELS[key] ?? key
}

/** An ISO date-time (lockedUntil, resetAt …) as local 年月日 时分. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** Coded values by key: statuses, kinds, decisions and sync operations as their labels. */
function codedValue(key: string, value: string): string | undefined {
  if (key === 'reason') return AUDIT_REASON_LABELS[value]
  if (key === 'kind' && Object.hasOwn(ITEM_KIND_LABELS, value))
    return ITEM_KIND_LABELS[value as ItemKind]
  if (key === 'decision' && Object.hasOwn(REVIEW_DECISION_LABELS, value))
    return REVIEW_DECISION_LABELS[value as ReviewDecision]
  if (key === 'op' && Object.hasOwn(SYNC_OP_LABELS, value)) return SYNC_OP_LABELS[value as SyncOp]
  if (isStatus(value) && ['status', 'from', 'to'].includes(key)) return ITEM_STATUS_LABELS[value]
  if (ISO_TIME.test(value)) return formatDateTime(value)
  return undefined
}

/** One detail value in words: roles as labels, booleans as 是/否, sizes in KB/MB. */
function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (key === 'sizeBytes' && typeof value === 'number') return formatBytes(value)
  if (typeof value === 'string') {
    const coded = codedValue(key, value)
    if (coded !== undefined) return coded
  }
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

/** What a top-level { from, to } changes. */
function topLevelChangeLabel(action: string, from: unknown, to: unknown): string {
  const overrides = ACTION_KEY_LABELS[action]
  if (overrides?.change) return overrides.change
  if ([from, to].some((v) => Array.isArray(v) && v.every(isRole))) return keyLabel('roles')
  if ([from, to].some(isStatus)) return keyLabel('status')
  return '修改'
}

/** Keys whose meaning depends on the action. */
const ACTION_KEY_LABELS: Record<string, Record<string, string>> = {
  'backup.restore': { from: '恢复自' },
  'review.checklist_update': { change: '清单版本' },
  'review.chain_update': { change: '审查流程' },
  'item.validity': { change: '有效性' },
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
      // from/to at the top level read as one change, named by what changed: 角色 for roles,
      // 状态 for an item's status (never 角色 for a status), else 修改.
      if (k === 'from' && 'to' in detail)
        return `${topLevelChangeLabel(action, v, detail.to)}：${valueText(k, v)} → ${valueText('to', detail.to)}`
      if (k === 'to' && 'from' in detail) return ''
      if (k === 'ok' && typeof v === 'boolean') return `${keyLabel(k)}：${v ? '完整' : '断开'}`
      return `${overrides[k] ?? keyLabel(k)}：${valueText(k, v)}`
    })
    .filter(Boolean)
    .join('；')
}
