import { Anchor, Group, Paper, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'

/**
 * The home page's reminder in January (条例第四十九条: the report on last year is published by
 * 31 January): the problems still open in the report, until its item is published. 「Today」 is
 * core's clock (report:years carries it), never the browser's date.
 */
export function ReportHomeCard() {
  const years = useApiQuery(() => api().report.years({}))
  if (!years.data || Number(years.data.today.slice(5, 7)) !== 1) return null
  return <DueReportCard year={years.data.current} />
}

function DueReportCard({ year }: { year: number }) {
  const view = useApiQuery(() => api().report.get({ year }), String(year))
  if (!view.data) return null
  if (view.data.item && ['approved', 'synced'].includes(view.data.item.status)) return null
  const errors = view.data.problems.filter((p) => p.severity === 'error').length
  return (
    <Paper withBorder p="md" data-testid="report-home-card">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          {year} 年度报告
        </Title>
        <Anchor component={Link} to="/report" fz="sm">
          打开
        </Anchor>
      </Group>
      <Text fz="sm">
        须于 1 月 31 日前公布。
        {errors > 0
          ? `还有 ${errors} 个问题待处理。`
          : '数据已核对，可生成公开条目并提交保密审查。'}
      </Text>
    </Paper>
  )
}
