import { describe, expect, it } from 'vitest'
import { auditDetailText } from '../../src/renderer/features/audit/audit-detail'
import { targetLabel } from '../../src/renderer/features/audit/audit-labels'
import type { UserView } from '../../src/shared/accounts/types'

describe('audit detail in Chinese', () => {
  it('names keys and coded reasons', () => {
    expect(
      auditDetailText('auth.login_failed', { username: 'admin', reason: 'wrong_password' }),
    ).toBe('用户名：admin；原因：密码错误')
  })

  it('shows roles as labels and a role change as one arrow', () => {
    expect(
      auditDetailText('user.roles_changed', {
        username: 'li',
        from: ['officer'],
        to: ['reviewer', 'admin'],
      }),
    ).toBe('用户名：li；角色：起草人 → 审核人、管理员')
  })

  it('shows field changes with booleans as 是/否', () => {
    expect(
      auditDetailText('user.update', {
        username: 'li',
        changes: { active: { from: true, to: false } },
      }),
    ).toBe('用户名：li；允许登录：是 → 否')
  })

  it('formats sizes and names a restore source', () => {
    expect(auditDetailText('backup.restore', { from: '/b/x.sqlite' })).toBe('恢复自：/b/x.sqlite')
    expect(auditDetailText('backup.create', { sizeBytes: 2048 })).toBe('大小：2.0 KB')
  })

  it('keeps unknown keys as they are', () => {
    expect(auditDetailText('x', { somethingNew: 1 })).toBe('somethingNew：1')
    expect(auditDetailText('x', null)).toBe('')
  })
})

describe('audit target', () => {
  const users = [{ id: 'u1', username: 'zhang' }] as UserView[]
  it('resolves users and names known kinds', () => {
    expect(targetLabel('user:u1', users)).toBe('用户 zhang')
    expect(targetLabel('user:gone', users)).toBe('用户')
    expect(targetLabel('settings', users)).toBe('设置')
    expect(targetLabel('item:42', users)).toBe('公开信息条目 42')
    expect(targetLabel('widget:42', users)).toBe('widget:42')
    expect(targetLabel(null, users)).toBe('—')
  })
})

describe('恢复前记录', () => {
  it('shows the carried entries as time, actor and action in Chinese', () => {
    const text = auditDetailText('backup.restore.carried', {
      section: '恢复前记录',
      replacedDatabase: '20261201-093000-000.sqlite',
      count: 1,
      rows: [
        [
          7,
          '2026-12-01T01:30:00.000Z',
          'u1',
          '李审核',
          'review.decide',
          null,
          null,
          null,
          null,
          'p',
          'h',
        ],
      ],
    })
    expect(text).toContain(
      '恢复前记录：被替换的数据库 20261201-093000-000.sqlite 在备份之后的 1 条记录',
    )
    expect(text).toContain('原第 7 条')
    expect(text).toContain('李审核')
    expect(text).not.toContain('review.decide')
  })
})
