import { IconSettings } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { SettingsPage } from './SettingsPage'

/** 设置: the desk's settings, backup and restore. */
export const feature = defineFeature({
  id: 'settings',
  routes: [{ path: '/settings', element: <SettingsPage /> }],
  nav: [{ path: '/settings', label: '设置', icon: IconSettings, section: 'system', order: 10 }],
})
