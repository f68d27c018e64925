import { IconReportAnalytics } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { ReportHomeCard } from './ReportHomeCard'
import { ReportPage } from './ReportPage'

/** 年度报告: compile, check, export and publish the annual report; a home card in January. */
export const feature = defineFeature({
  id: 'report',
  routes: [{ path: '/report', element: <ReportPage /> }],
  nav: [
    { path: '/report', label: '年度报告', icon: IconReportAnalytics, section: 'work', order: 60 },
  ],
  homeCards: [
    {
      id: 'report',
      kind: 'panel',
      order: 30,
      requires: 'maintain',
      render: () => <ReportHomeCard />,
    },
  ],
})
