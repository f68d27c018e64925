import { IconUsers } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { UsersPage } from './UsersPage'

/** 用户管理 (administrators only). */
export const feature = defineFeature({
  id: 'users',
  routes: [{ path: '/users', element: <UsersPage />, adminOnly: true }],
  nav: [
    {
      path: '/users',
      label: '用户管理',
      icon: IconUsers,
      section: 'system',
      order: 20,
      adminOnly: true,
    },
  ],
})
