import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from '../../../shared/labels'
import type { UserView } from '../../../shared/types'

export function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action
}

/** `user:<id>` → `用户 zhangsan` when the user is known, `settings` → `设置`; else as stored. */
export function targetLabel(target: string | null, users: UserView[] | undefined): string {
  if (!target) return '—'
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
