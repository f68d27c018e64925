import { Button, Paper, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { CALENDAR_PATH } from './paths'

/** 设置 → 节假日日历: where next year's State Council notice is added. */
export function CalendarSettingsPanel() {
  return (
    <Paper withBorder p="lg" component="section" aria-label="节假日日历">
      <Title order={3} fz="md" mb={4}>
        节假日日历
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        计算工作日期限所用的放假和调休安排。每年国务院办公厅公布次年放假通知后，在此粘贴通知全文添加。
      </Text>
      <Button component={Link} to={CALENDAR_PATH} variant="light">
        打开节假日日历
      </Button>
    </Paper>
  )
}

/** For a 暂定 (provisional) warning elsewhere: a link to the page where the year is added. */
export function CalendarFixLink({ children = '添加节假日安排' }: { children?: string }) {
  return (
    <Button component={Link} to={CALENDAR_PATH} size="compact-sm" variant="subtle">
      {children}
    </Button>
  )
}
