import { Paper, Tabs, Text, Title } from '@mantine/core'
import { ChainEditor } from './ChainEditor'
import { ChecklistEditor } from './ChecklistEditor'
import { KeywordsPanel } from './KeywordsPanel'

/** 设置 → 保密审查 (administrators): keyword list, checklist, review chain. */
export function ReviewSettings() {
  return (
    <Paper withBorder p="lg" component="section" aria-label="保密审查设置">
      <Title order={3} fz="md">
        保密审查
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        本单位的敏感词、审查清单和审查流程。
      </Text>
      <Tabs defaultValue="keywords" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="keywords">敏感词</Tabs.Tab>
          <Tabs.Tab value="checklist">审查清单</Tabs.Tab>
          <Tabs.Tab value="chain">审查流程</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="keywords">
          <KeywordsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="checklist">
          <ChecklistEditor />
        </Tabs.Panel>
        <Tabs.Panel value="chain">
          <ChainEditor />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  )
}
