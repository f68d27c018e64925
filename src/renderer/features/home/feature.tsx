import { IconHome } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { HomePage } from './HomePage'

/** 首页: the to-do list every module contributes cards to. */
export const feature = defineFeature({
  id: 'home',
  routes: [{ path: '/', element: <HomePage /> }],
  nav: [{ path: '/', label: '首页', icon: IconHome, section: 'start', order: 0 }],
})
