import { IconShieldLock } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { AuditPage } from './AuditPage'

/** 审计日志 (administrators only). */
export const feature = defineFeature({
  id: 'audit',
  routes: [{ path: '/audit', element: <AuditPage />, adminOnly: true }],
  nav: [
    {
      path: '/audit',
      label: '审计日志',
      icon: IconShieldLock,
      section: 'system',
      order: 30,
      adminOnly: true,
    },
  ],
})
