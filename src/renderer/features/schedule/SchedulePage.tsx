import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Paper,
  SegmentedControl,
  Tabs,
  Text,
} from '@mantine/core'
import { IconChevronDown, IconFileExport, IconFileImport, IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { TASK_STATUS_LABELS } from '../../../shared/schedule/labels'
import {
  TASK_STATUSES,
  type ImportPreview,
  type ScheduleTaskView,
  type TaskStatus,
} from '../../../shared/schedule/types'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { PageHeader } from '../../components/PageHeader'
import { ImportModal } from './ImportModal'
import { NewTaskModal } from './NewTaskModal'
import { ScheduleDashboard } from './ScheduleDashboard'
import { TaskDrawer } from './TaskDrawer'
import { TaskTable } from './TaskTable'
import { YearSelect } from '../../components/YearSelect'
import { thisYear } from '../../lib/year-options'

type Scope = 'own' | 'all'

/** 工作配档表: import the district's breakdown, fill the table, see where things stand, export. */
export function SchedulePage() {
  const { capabilities } = useSession()
  const mayEdit = capabilities.draft
  const [year, setYear] = useState(thisYear())
  const [tab, setTab] = useState<string>('table')
  const [scope, setScope] = useState<Scope>('all')
  const [status, setStatus] = useState<TaskStatus | 'any'>('any')
  const [openId, setOpenId] = useState<string | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [adding, setAdding] = useState(false)
  const years = useApiQuery(() => api().schedule.years({}))
  const list = useApiQuery(() => api().schedule.list({ year }), String(year))
  const overview = useApiQuery(() => api().schedule.overview({ year }), `${year}:${tab}`)
  const [local, setLocal] = useState<Record<string, ScheduleTaskView>>({})

  const tasks = useMemo(
    () =>
      (list.data ?? [])
        .map((t) => local[t.id] ?? t)
        .filter((t) => scope === 'all' || t.own)
        .filter((t) => status === 'any' || t.status === status),
    [list.data, local, scope, status],
  )
  const openTask = openId
    ? (local[openId] ?? list.data?.find((t) => t.id === openId) ?? null)
    : null

  const startImport = async () => {
    setBusy(true)
    try {
      const p = await request(api().schedule.importPreview({ year }))
      if (p) setPreview(p)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const exportTable = async (s: Scope) => {
    try {
      const r = await request(api().schedule.export({ year, scope: s }))
      if (r) notifySuccess(`已导出 ${r.count} 项任务：${r.file}`)
    } catch {
      // notified
    }
  }
  const reloadAll = () => {
    setLocal({})
    list.reload()
    overview.reload()
    years.reload()
  }

  return (
    <>
      <PageHeader
        title="工作配档表"
        description="把区里下发的重点工作分解表落实为本单位的工作配档表：填写措施、登记进展、关联佐证材料，导出报送。"
        actions={
          <>
            <YearSelect years={years.data} value={year} onChange={setYear} />
            {mayEdit && (
              <Button
                data-primary-action
                leftSection={<IconFileImport size={16} />}
                loading={busy}
                onClick={() => void startImport()}
              >
                导入分解表
              </Button>
            )}
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  // Without the right to import, exporting is what this page is for.
                  data-primary-action={mayEdit ? undefined : true}
                  variant="default"
                  leftSection={<IconFileExport size={16} />}
                  rightSection={<IconChevronDown size={14} />}
                >
                  导出配档表
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void exportTable('own')}>本单位任务</Menu.Item>
                <Menu.Item onClick={() => void exportTable('all')}>全部任务</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <Tabs value={tab} onChange={(v) => v && setTab(v)} mb="sm">
        <Tabs.List>
          <Tabs.Tab value="table">配档表</Tabs.Tab>
          <Tabs.Tab value="overview">进展概览</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {list.error && (
        <Alert color="red" mb="sm" title="无法加载配档表">
          {list.error.message}
        </Alert>
      )}
      {tab === 'table' ? (
        <>
          <Group mb="sm" gap="sm" wrap="wrap">
            <SegmentedControl
              size="xs"
              value={scope}
              onChange={(v) => setScope(v as Scope)}
              data={[
                { value: 'all', label: '全部任务' },
                { value: 'own', label: '本单位任务' },
              ]}
            />
            <SegmentedControl
              size="xs"
              value={status}
              onChange={(v) => setStatus(v as TaskStatus | 'any')}
              data={[
                { value: 'any', label: '全部状态' },
                ...TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] })),
              ]}
            />
            <Text fz="xs" c="dimmed">
              共 {tasks.length} 项
            </Text>
            {mayEdit && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => setAdding(true)}
              >
                新增任务
              </Button>
            )}
          </Group>
          <Paper withBorder>
            {!list.data ? (
              <Center h={160}>
                <Loader size="sm" aria-label="正在加载配档表" />
              </Center>
            ) : list.data.length === 0 ? (
              <Text c="dimmed" ta="center" p="xl" fz="sm">
                {year} 年还没有配档表。点「导入分解表」选择区里下发的重点工作分解表（.xlsx、.xls 或
                .csv）。
              </Text>
            ) : (
              <TaskTable tasks={tasks} onOpen={(t) => setOpenId(t.id)} />
            )}
          </Paper>
        </>
      ) : !overview.data ? (
        <Center h={160}>
          <Loader size="sm" aria-label="正在加载进展概览" />
        </Center>
      ) : (
        <ScheduleDashboard overview={overview.data} onOpen={(id) => setOpenId(id)} />
      )}
      <TaskDrawer
        task={openTask}
        onClose={() => {
          setOpenId(null)
          overview.reload()
        }}
        onChanged={(t) => setLocal((m) => ({ ...m, [t.id]: t }))}
        onRemoved={() => {
          setOpenId(null)
          reloadAll()
        }}
      />
      <NewTaskModal
        opened={adding}
        year={year}
        onClose={() => setAdding(false)}
        onCreated={(t) => {
          setAdding(false)
          notifySuccess('已新增任务')
          reloadAll()
          setOpenId(t.id)
        }}
      />
      <ImportModal
        preview={preview}
        year={year}
        onClose={() => setPreview(null)}
        onImported={(r) => {
          setPreview(null)
          notifySuccess(
            `已导入 ${r.total} 项任务：新增 ${r.added}，更新 ${r.updated}，未变 ${r.unchanged}，移除 ${r.removed}；本单位任务 ${r.own} 项`,
          )
          reloadAll()
        }}
      />
    </>
  )
}
