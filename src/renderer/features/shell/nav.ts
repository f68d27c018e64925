import {
  IconFileDescription,
  IconHome,
  IconListCheck,
  IconMessageQuestion,
  IconReportAnalytics,
  IconRefresh,
  IconSettings,
  IconShieldCheck,
  IconShieldLock,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react'

export interface NavItem {
  path: string
  label: string
  icon: Icon
  /** Shown only to administrators (core enforces the same on every call). */
  adminOnly?: boolean
}

export interface NavSection {
  title?: string
  items: NavItem[]
}

/** The navbar, in the order an officer's work flows. */
export const NAV_SECTIONS: NavSection[] = [
  { items: [{ path: '/', label: '首页', icon: IconHome }] },
  {
    title: '日常工作',
    items: [
      { path: '/drafts', label: '起草', icon: IconFileDescription },
      { path: '/review', label: '保密审查', icon: IconShieldCheck },
      { path: '/schedule', label: '工作配档表', icon: IconListCheck },
      { path: '/activities', label: '开放活动', icon: IconUsersGroup },
      { path: '/requests', label: '依申请公开', icon: IconMessageQuestion },
      { path: '/report', label: '年度报告', icon: IconReportAnalytics },
      { path: '/sync', label: '同步', icon: IconRefresh },
    ],
  },
  {
    title: '系统',
    items: [
      { path: '/settings', label: '设置', icon: IconSettings },
      { path: '/users', label: '用户管理', icon: IconUsers, adminOnly: true },
      { path: '/audit', label: '审计日志', icon: IconShieldLock, adminOnly: true },
    ],
  },
]
