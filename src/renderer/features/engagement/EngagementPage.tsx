import { Tabs } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { ConsultationsTab } from './ConsultationsTab'
import { QaTab } from './QaTab'
import { RecordsTab } from './RecordsTab'

const TABS = ['consultations', 'records', 'qa'] as const
type Tab = (typeof TABS)[number]

/** 政民互动: the three parts in tabs; `?tab=` keeps the choice in the address. */
export function EngagementPage() {
  const [params, setParams] = useSearchParams()
  const raw = params.get('tab')
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'consultations'
  return (
    <>
      <PageHeader
        title="政民互动"
        description="对政策草案公开征求意见并公布采纳情况；登记监督员、列席和培训；维护与 12345 热线共享的政策问答库。"
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'consultations' ? { tab: v } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="consultations">意见征集</Tabs.Tab>
          <Tabs.Tab value="records">监督员、列席与培训</Tabs.Tab>
          <Tabs.Tab value="qa">政策问答库</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="consultations">
          <ConsultationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="records">
          <RecordsTab />
        </Tabs.Panel>
        <Tabs.Panel value="qa">
          <QaTab />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
