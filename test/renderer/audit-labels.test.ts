import { describe, expect, it } from 'vitest'
import { auditDetailText } from '../../src/renderer/features/audit/audit-detail'
import { actorLabel, targetLabel } from '../../src/renderer/features/audit/audit-labels'

describe('the audit log speaks Chinese (issue 10)', () => {
  it('a status change reads 状态：待审查 → 已通过, never 角色 or the codes', () => {
    const text = auditDetailText('review.approved', {
      round: 1,
      revision: 3,
      from: 'pending_review',
      to: 'approved',
    })
    expect(text).toBe('审查轮次：1；版本：3；状态：待审查 → 已通过')
    expect(text).not.toMatch(/pending_review|approved|角色|revision/)
  })

  it('an approval voided by an edit names the fields in Chinese', () => {
    expect(
      auditDetailText('item.approval_voided', {
        revision: 4,
        title: '关于印发…的通知',
        from: 'approved',
        to: 'draft',
      }),
    ).toBe('版本：4；标题：关于印发…的通知；状态：已通过 → 草稿')
    expect(
      auditDetailText('item.save', { changes: { indexNumber: { from: null, to: 'A/1' } } }),
    ).toBe('索引号：— → A/1')
  })

  it('a lockout shows the username, the count and the local time it ends', () => {
    const text = auditDetailText('auth.account_locked', {
      username: 'zhao',
      failedAttempts: 5,
      lockedUntil: '2026-11-26T01:15:00.000Z',
    })
    expect(text).toMatch(/^用户名：zhao；连续输错次数：5；锁定至：2026/)
    expect(text).not.toContain('T01:15')
  })

  it('对象 names the item by its title; a failed login of an unknown name shows the name tried', () => {
    expect(targetLabel('item:0193-abc', [], '关于2024年度预算公开的通知')).toBe(
      '公开信息条目「关于2024年度预算公开的通知」',
    )
    expect(
      actorLabel({
        actorId: null,
        actorName: null,
        action: 'auth.login_failed',
        detail: { username: 'ghost', reason: 'unknown_user' },
      }),
    ).toBe('ghost（未登录）')
    expect(
      actorLabel({ actorId: null, actorName: null, action: 'backup.auto', detail: null }),
    ).toBe('系统')
  })
})
