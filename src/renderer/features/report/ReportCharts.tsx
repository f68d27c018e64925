import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Paper, SimpleGrid, Text, Title } from '@mantine/core'
import type { ChartDatum } from '../../../shared/report/types'

/** The report's two charts as the .docx has them (there rasterised in core, here Mantine charts). */
export function ReportCharts({
  outcomes,
  itemsByKind,
  only,
}: {
  outcomes: ChartDatum[]
  itemsByKind: ChartDatum[]
  /** One chart only (the preview puts each under its table). */
  only?: 'outcomes' | 'items'
}) {
  const showOutcomes = only !== 'items'
  const showItems = only !== 'outcomes'
  return (
    <SimpleGrid
      cols={{ base: 1, md: showOutcomes && showItems ? 2 : 1 }}
      spacing="md"
      data-testid={`report-chart-${only ?? 'all'}`}
    >
      {showOutcomes && (
        <ChartCard title="政府信息公开申请办理结果" unit="件" data={outcomes} color="blue.6" />
      )}
      {showItems && (
        <ChartCard title="主动公开政府信息分类" unit="条" data={itemsByKind} color="teal.6" />
      )}
    </SimpleGrid>
  )
}

function ChartCard({
  title,
  unit,
  data,
  color,
}: {
  title: string
  unit: string
  data: ChartDatum[]
  color: string
}) {
  return (
    <Paper withBorder p="sm">
      <Title order={4} fz="sm" ta="center" mb="xs">
        {title}
      </Title>
      {data.length === 0 ? (
        <Text c="dimmed" fz="sm" ta="center" py="lg">
          本年度无数据
        </Text>
      ) : (
        <BarChart
          h={Math.max(160, data.length * 30 + 40)}
          data={data}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 96 }}
          series={[{ name: 'value', label: `数量（${unit}）`, color }]}
          withBarValueLabel
          gridAxis="none"
        />
      )}
    </Paper>
  )
}
