import {
  Alert,
  Box,
  Button,
  Center,
  Divider,
  Drawer,
  Group,
  Loader,
  Paper,
  Table,
  Text,
} from '@mantine/core'
import { IconFileExport, IconFilePlus, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { ACTIVITY_CHANNEL_LABELS, ACTIVITY_STATE_LABELS } from '../../../shared/activities/labels'
import type { ActivityState, ActivityView } from '../../../shared/activities/types'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDate } from '../../lib/format'
import { YearSelect } from '../../components/YearSelect'
import { thisYear } from '../../lib/year-options'
import { PlanForm, RecordForm, type PlanInput, type RecordInput } from './ActivityForms'

const STATE_COLORS: Record<ActivityState, string> = {
  planned: 'blue',
  held: 'teal',
  disclosed: 'grape',
}

/** 政府开放活动: plan (报送表), record what happened, make a disclosure draft, export. */
export function ActivitiesPage() {
  const navigate = useNavigate()
  const { capabilities } = useSession()
  const mayEdit = capabilities.draft
  const [year, setYear] = useState(thisYear())
  const years = useApiQuery(() => api().activities.years({}))
  const list = useApiQuery(() => api().activities.list({ year }), String(year))
  const [open, setOpen] = useState<ActivityView | 'new' | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)

  const save = async (input: PlanInput) => {
    setBusy(true)
    try {
      const a = await request(api().activities.save(input))
      notifySuccess(open === 'new' ? '已添加活动' : '已保存')
      setOpen(a)
      list.reload()
      years.reload()
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const record = async (input: RecordInput) => {
    setBusy(true)
    try {
      const a = await request(api().activities.record(input))
      notifySuccess('已登记开展情况')
      setOpen(a)
      list.reload()
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const draft = async (a: ActivityView) => {
    setBusy(true)
    try {
      const item = await request(api().activities.createDraft({ id: a.id }))
      notifySuccess('已生成公开信息草稿，请补充后提交保密审查')
      void navigate(`/drafts/${item.id}`)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const remove = async (a: ActivityView) => {
    try {
      await request(api().activities.remove({ id: a.id }))
      notifySuccess('已删除')
      setOpen(null)
      setConfirming(false)
      list.reload()
      years.reload()
    } catch {
      // notified
    }
  }
  const exportPlan = async () => {
    try {
      const r = await request(api().activities.export({ year }))
      if (r) notifySuccess(`已导出 ${r.count} 项活动：${r.file}`)
    } catch {
      // notified
    }
  }
  const current = open === 'new' ? null : open

  return (
    <>
      <PageHeader
        title="开放活动"
        description="编制政府开放活动计划安排报送表；活动后登记开展情况、参加人员、收集的意见及采纳情况，并生成公开信息草稿。"
        actions={
          <>
            <YearSelect years={years.data} value={year} onChange={setYear} />
            {mayEdit && (
              <Button
                data-primary-action
                leftSection={<IconPlus size={16} />}
                onClick={() => setOpen('new')}
              >
                新增活动
              </Button>
            )}
            <Button
              data-primary-action={mayEdit ? undefined : true}
              variant="default"
              leftSection={<IconFileExport size={16} />}
              onClick={() => void exportPlan()}
            >
              导出报送表
            </Button>
          </>
        }
      />
      {list.error && (
        <Alert color="red" mb="sm" title="无法加载开放活动">
          {list.error.message}
        </Alert>
      )}
      <Paper withBorder>
        {!list.data ? (
          <Center h={160}>
            <Loader size="sm" aria-label="正在加载开放活动" />
          </Center>
        ) : list.data.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" fz="sm">
            {year} 年还没有开放活动计划。点「新增活动」登记第一项。
          </Text>
        ) : (
          <Box style={{ overflowX: 'auto' }}>
            <Table aria-label="开放活动" highlightOnHover verticalSpacing="sm" miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={130}>计划时间</Table.Th>
                  <Table.Th>活动名称/主题</Table.Th>
                  <Table.Th w={130}>形式</Table.Th>
                  <Table.Th w={150}>地点</Table.Th>
                  <Table.Th w={90}>意见</Table.Th>
                  <Table.Th w={90}>状态</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((a) => (
                  <Table.Tr
                    key={a.id}
                    tabIndex={0}
                    aria-label={a.title}
                    style={{ cursor: 'pointer' }}
                    onClick={() => setOpen(a)}
                    onKeyDown={(e) => e.key === 'Enter' && setOpen(a)}
                  >
                    <Table.Td>{formatDate(a.plannedDate)}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {a.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {a.form}（{ACTIVITY_CHANNEL_LABELS[a.channel]}）
                    </Table.Td>
                    <Table.Td>{a.location || '—'}</Table.Td>
                    <Table.Td>{a.heldOn ? `${a.opinions.length} 条` : '—'}</Table.Td>
                    <Table.Td>
                      <StatusBadge color={STATE_COLORS[a.state]}>
                        {ACTIVITY_STATE_LABELS[a.state]}
                      </StatusBadge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        )}
      </Paper>
      <Drawer
        opened={open !== null}
        onClose={() => {
          setOpen(null)
          setConfirming(false)
        }}
        position="right"
        size={600}
        title={current ? current.title : '新增开放活动'}
      >
        {open !== null && (
          <fieldset disabled={!mayEdit} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            {current && mayEdit && (
              <Group justify="flex-end" mb="xs" gap="xs">
                {confirming ? (
                  <>
                    <Text fz="sm">删除这项活动？</Text>
                    <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                      取消
                    </Button>
                    <Button size="xs" color="red" onClick={() => void remove(current)}>
                      确认删除
                    </Button>
                  </>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setConfirming(true)}
                  >
                    删除活动
                  </Button>
                )}
              </Group>
            )}
            <PlanForm
              key={current?.id ?? 'new'}
              year={year}
              activity={current}
              busy={busy}
              onSave={(i) => void save(i)}
            />
            {current && (
              <>
                <Divider my="md" label="活动开展情况（活动结束后填写）" labelPosition="left" />
                <RecordForm
                  key={`${current.id}:${current.updatedAt}`}
                  activity={current}
                  busy={busy}
                  onSave={(i) => void record(i)}
                />
                <Divider my="md" label="公开" labelPosition="left" />
                {current.item ? (
                  <Group justify="space-between">
                    <Text fz="sm">已生成公开信息：{current.item.title}</Text>
                    <Button
                      variant="light"
                      onClick={() => void navigate(`/drafts/${current.item?.id}`)}
                    >
                      打开
                    </Button>
                  </Group>
                ) : (
                  <Group justify="space-between">
                    <Text fz="sm" c="dimmed">
                      登记开展情况后，可生成一条公开信息草稿（含意见采纳情况），经保密审查后公开。
                    </Text>
                    <Button
                      leftSection={<IconFilePlus size={16} />}
                      disabled={!current.heldOn}
                      loading={busy}
                      onClick={() => void draft(current)}
                    >
                      生成公开草稿
                    </Button>
                  </Group>
                )}
              </>
            )}
          </fieldset>
        )}
      </Drawer>
    </>
  )
}
