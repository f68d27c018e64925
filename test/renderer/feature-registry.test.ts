import { describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../src/shared/accounts/capabilities'
import { FEATURES } from '../../src/renderer/app/features'
import { homeCardsOf, navOf, registryClashes, routesOf } from '../../src/renderer/app/registry'

const admin = capabilitiesOf(['officer', 'reviewer', 'leader', 'admin'])
const officer = capabilitiesOf(['officer'])
const reviewer = capabilitiesOf(['reviewer'])

describe('the renderer feature registry', () => {
  it('no two features claim the same route, nav entry or home card', () => {
    expect(registryClashes(FEATURES)).toEqual([])
  })

  it('serves every route the shell had before (e2e specs open them)', () => {
    expect(
      routesOf(FEATURES, admin)
        .map((r) => r.path)
        .sort(),
    ).toEqual(
      [
        '/',
        '/drafts',
        '/drafts/catalogue',
        '/drafts/:id',
        '/review',
        '/review/:itemId',
        '/sync',
        '/schedule',
        '/activities',
        '/requests',
        '/requests/templates',
        '/requests/:id',
        '/report',
        '/engagement',
        '/engagement/consultations/:id',
        '/settings',
        '/settings/calendar',
        '/users',
        '/audit',
      ].sort(),
    )
  })

  it('keeps the navbar’s sections, labels and order; 用户管理 and 审计日志 for administrators only', () => {
    const labels = (caps: typeof admin) =>
      navOf(FEATURES, caps).map((s) => [s.title ?? '', s.items.map((i) => i.label)])
    expect(labels(admin)).toEqual([
      ['', ['首页']],
      [
        '日常工作',
        [
          '起草',
          '保密审查',
          '工作配档表',
          '开放活动',
          '政民互动',
          '依申请公开',
          '年度报告',
          '同步',
        ],
      ],
      ['系统', ['设置', '用户管理', '审计日志']],
    ])
    expect(labels(officer)[2]).toEqual(['系统', ['设置']])
    expect(routesOf(FEATURES, officer).map((r) => r.path)).not.toContain('/users')
    expect(routesOf(FEATURES, officer).map((r) => r.path)).not.toContain('/audit')
  })

  it('the 年度报告 placeholder is served through the registry like a built module', () => {
    const report = FEATURES.find((f) => f.id === 'report')
    expect(report?.routes?.map((r) => r.path)).toEqual(['/report'])
    expect(report?.nav?.[0]).toMatchObject({ label: '年度报告', section: 'work' })
  })

  it('home cards follow the capabilities: a reviewer sees 待我审查 and 待我审核问答, an officer their own items and sync', () => {
    const ids = (caps: typeof admin) => homeCardsOf(FEATURES, caps, 'count').map((c) => c.id)
    expect(ids(reviewer)).toEqual(['awaiting-review', 'awaiting-qa-review'])
    expect(ids(officer)).toEqual(['returned', 'overdue', 'sync-problems'])
    expect(ids(admin)).toEqual([
      'awaiting-review',
      'awaiting-qa-review',
      'returned',
      'overdue',
      'sync-problems',
    ])
    expect(homeCardsOf(FEATURES, officer, 'panel').map((c) => c.id)).toEqual([
      'requests',
      'schedule',
      'engagement',
      'report',
    ])
    // The 年度报告 card is the drafting officer's (who compiles and publishes it).
    expect(homeCardsOf(FEATURES, reviewer, 'panel').map((c) => c.id)).toEqual([
      'requests',
      'schedule',
      'engagement',
    ])
  })
})
