import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from '../../../shared/audit/labels'
import type { UserView } from '../../../shared/accounts/types'

export function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action
}

/**
 * `item:<id>` → `公开信息条目「标题」` from the name core resolved (`targetName`), `user:<id>` →
 * `用户 zhangsan（张三）`, `settings` → `设置`; an id is shown only when nothing names it.
 */
export function targetLabel(
  target: string | null,
  users: UserView[] | undefined,
  targetName?: string | null,
): string {
  if (!target) return '—'
  if (targetName) {
    const kind = target.includes(':') ? target.slice(0, target.indexOf(':')) : target
    const kindLabel = AUDIT_TARGET_LABELS[kind]
    return kindLabel ? `${kindLabel}「${targetName}」` : targetName
  }
  const colon = target.indexOf(':')
  const kind = colon < 0 ? target : target.slice(0, colon)
  const id = colon < 0 ? '' : target.slice(colon + 1)
  const kindLabel = AUDIT_TARGET_LABELS[kind]
  if (!kindLabel) return target
  if (kind === 'user') {
    const user = users?.find((u) => u.id === id)
    return user ? `${kindLabel} ${user.username}` : kindLabel
  }
  return id ? `${kindLabel} ${id}` : kindLabel
}

/**
 * Who acted: the user's name; for a failed login without a known account, the username that was
 * tried (issue 10); else 系统.
 */
export function actorLabel(entry: {
  actorId: string | null
  actorName: string | null
  action: string
  detail: Record<string, unknown> | null
}): string {
  if (entry.actorName) return entry.actorName
  const tried = entry.detail?.username
  if (entry.action === 'auth.login_failed' && typeof tried === 'string') {
    return `${tried}（未登录）`
  }
  return entry.actorId ? '—' : '系统'
}
