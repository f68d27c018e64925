import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useState } from 'react'
import { REPORT_FIGURE_MAX, REPORT_SOURCE_MAX } from '../../../shared/report/schemas'
import type { OfficerCell, ReportView } from '../../../shared/report/types'
import { api, notifySuccess, request } from '../../api/client'

/**
 * 数据填报: the figures the store does not hold (行政许可/处罚/强制 decisions, 行政事业性收费), each
 * with its source; optional overrides of store counts (with a reason); and last year's published
 * figures in the first year in the app (typed, or imported from last year's export).
 */
export function FiguresPanel({
  view,
  mayEdit,
  onChange,
}: {
  view: ReportView
  mayEdit: boolean
  onChange: (v: ReportView) => void
}) {
  const required = view.officerCells.filter((c) => c.mode === 'required')
  const overrides = view.officerCells.filter((c) => c.mode === 'override')
  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Title order={3} fz="md" mb={4}>
          需要填写的数据
        </Title>
        <Text fz="xs" c="dimmed" mb="sm">
          以下数据保存在行政审批、执法、财务等业务系统中，本系统无法统计。请逐项填写并注明来源（如“行政审批系统
          {view.year} 年统计”）。
        </Text>
        <FigureTable cells={required} view={view} mayEdit={mayEdit} onChange={onChange} />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={3} fz="md" mb={4}>
          系统统计的数据（可修正）
        </Title>
        <Text fz="xs" c="dimmed" mb="sm">
          规章和行政规范性文件按公开信息条目的体裁、成文日期和有效性统计。本系统启用前的文件未录入时，可填写修正值并说明理由；清空修正值即恢复系统统计。
        </Text>
        <FigureTable cells={overrides} view={view} mayEdit={mayEdit} onChange={onChange} />
      </Paper>
      <PriorPanel view={view} mayEdit={mayEdit} onChange={onChange} />
    </Stack>
  )
}

function FigureTable({
  cells,
  view,
  mayEdit,
  onChange,
}: {
  cells: OfficerCell[]
  view: ReportView
  mayEdit: boolean
  onChange: (v: ReportView) => void
}) {
  return (
    <Table withTableBorder verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">项目</Table.Th>
          <Table.Th w={150}>数值</Table.Th>
          <Table.Th>数据来源 / 修正理由</Table.Th>
          <Table.Th w={86}>操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.map((c) => (
          <FigureRow key={c.key} cell={c} year={view.year} mayEdit={mayEdit} onChange={onChange} />
        ))}
      </Table.Tbody>
    </Table>
  )
}

function FigureRow({
  cell,
  year,
  mayEdit,
  onChange,
}: {
  cell: OfficerCell
  year: number
  mayEdit: boolean
  onChange: (v: ReportView) => void
}) {
  const [value, setValue] = useState<number | string>(cell.value ?? '')
  const [source, setSource] = useState(cell.source)
  const [busy, setBusy] = useState(false)
  const dirty = String(cell.value ?? '') !== String(value) || cell.source !== source
  const save = async () => {
    setBusy(true)
    try {
      const v = await request(
        api().report.saveFigure({
          year,
          cell: cell.key,
          value: value === '' ? null : Number(value),
          source,
        }),
      )
      notifySuccess(value === '' ? `已清除${cell.label}` : `已保存${cell.label}`)
      onChange(v)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  return (
    <Table.Tr data-testid={`figure-${cell.key}`}>
      <Table.Td>
        <Text fz="sm">{cell.label}</Text>
        {cell.mode === 'override' && cell.storeValue !== null && (
          <Text fz="xs" c="dimmed">
            系统统计：{cell.storeValue}
          </Text>
        )}
        {cell.mode === 'required' && cell.hint && (
          <Text fz="xs" c="dimmed">
            {cell.hint}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${cell.label}数值`}
          value={value}
          onChange={setValue}
          min={cell.hint === '可填负数（减少）' ? -REPORT_FIGURE_MAX : 0}
          max={REPORT_FIGURE_MAX}
          decimalScale={cell.unit === '万元' ? 4 : 0}
          rightSection={cell.unit ? <Text fz="xs">{cell.unit}</Text> : undefined}
          placeholder={cell.mode === 'override' ? '不修正' : '待填写'}
          disabled={!mayEdit}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${cell.label}数据来源`}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          maxLength={REPORT_SOURCE_MAX}
          placeholder={cell.mode === 'override' ? '修正理由和依据' : '如：行政审批系统 2024 年统计'}
          disabled={!mayEdit}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        {mayEdit && (
          <Button size="compact-sm" disabled={!dirty} loading={busy} onClick={() => void save()}>
            保存
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

/** 上年度报告数据: read from last year's report in the app, or typed / imported (first year). */
function PriorPanel({
  view,
  mayEdit,
  onChange,
}: {
  view: ReportView
  mayEdit: boolean
  onChange: (v: ReportView) => void
}) {
  const prior = view.prior
  const [values, setValues] = useState<Record<string, number | string>>(() =>
    Object.fromEntries(prior.cells.map((c) => [c.key, c.value ?? ''])),
  )
  const [source, setSource] = useState(prior.origin === 'entered' ? prior.source : '')
  const [busy, setBusy] = useState(false)
  const readOnly = prior.origin === 'report' || !mayEdit
  const save = async () => {
    setBusy(true)
    try {
      const v = await request(
        api().report.savePrior({
          year: view.year,
          cells: prior.cells.map((c) => ({
            cell: c.key,
            value:
              values[c.key] === '' || values[c.key] === undefined ? null : Number(values[c.key]),
          })),
          source,
        }),
      )
      notifySuccess(`已保存 ${prior.year} 年度报告数据`)
      onChange(v)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const importFile = async () => {
    setBusy(true)
    try {
      const v = await request(api().report.importPrior({ year: view.year }))
      if (v) {
        notifySuccess(`已导入 ${prior.year} 年度报告数据`)
        setValues(Object.fromEntries(v.prior.cells.map((c) => [c.key, c.value ?? ''])))
        setSource(v.prior.source)
        onChange(v)
      }
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  return (
    <Paper withBorder p="sm" data-testid="report-prior">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={3} fz="md">
          上年度（{prior.year} 年）报告数据
        </Title>
        <Badge variant="light" color={prior.origin ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
          {prior.origin === 'report'
            ? '本系统已发布'
            : prior.origin === 'entered'
              ? '已录入'
              : '未录入'}
        </Badge>
      </Group>
      <Text fz="xs" c="dimmed" mb="sm">
        用于核对跨年度数据：本年“上年结转” =
        上年“结转下年度继续办理”，现行有效件数连续，复议诉讼“尚未审结”。首次使用本系统时，请照上年度已公开的报告录入，或导入上年度从本系统导出的表格。
      </Text>
      {prior.origin === null && mayEdit && (
        <Alert color="blue" p="xs" mb="sm" fz="xs">
          尚未录入上年度数据，跨年度核对暂不进行。
        </Alert>
      )}
      <Table withTableBorder verticalSpacing={4} layout="fixed">
        <Table.Tbody>
          {prior.cells.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td fz="xs">{c.label}</Table.Td>
              <Table.Td w={130}>
                <NumberInput
                  aria-label={c.label}
                  value={values[c.key] ?? ''}
                  onChange={(v) => setValues((s) => ({ ...s, [c.key]: v }))}
                  min={0}
                  max={REPORT_FIGURE_MAX}
                  decimalScale={0}
                  disabled={readOnly}
                  size="xs"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!readOnly && (
        <Group mt="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="数据来源"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            maxLength={REPORT_SOURCE_MAX}
            placeholder={`如：${prior.year} 年度报告（门户网站）`}
            size="xs"
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button size="xs" loading={busy} onClick={() => void save()}>
            保存上年度数据
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileImport size={14} />}
            loading={busy}
            onClick={() => void importFile()}
          >
            从上年度导出的表格导入
          </Button>
        </Group>
      )}
    </Paper>
  )
}
