import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Modal,
  Select,
  Stack,
  Tabs,
  Text,
} from '@mantine/core'
import { IconFileSpreadsheet, IconFileTypeDocx, IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import {
  REPORT_FORMATS,
  REPORT_FORMAT_LABELS,
  type ReportFormatId,
} from '../../../shared/report/format'
import type { ReportProblem, ReportView } from '../../../shared/report/types'
import { ITEM_STATUS_LABELS } from '../../../shared/items/labels'
import type { ItemStatus } from '../../../shared/items/types'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { PageHeader } from '../../components/PageHeader'
import { formatDateTime } from '../../lib/format'
import { FiguresPanel } from './FiguresPanel'
import { ProblemsPanel, problemPlace } from './ProblemsPanel'
import { ReportPreview } from './ReportPreview'
import { SectionsEditor } from './SectionsEditor'

type Pending = { kind: 'docx' | 'xlsx' | 'publish' } | null

/**
 * 年度报告 (条例第四十九条: published by 31 January): the compiled tables with their sources,
 * the figures to enter, the narrative with live fields, a preview like the document with the
 * failing rules pointed out, export (.docx / .xlsx) and publication as a disclosure item.
 */
export function ReportPage() {
  const navigate = useNavigate()
  const { capabilities } = useSession()
  const mayEdit = capabilities.maintain
  const years = useApiQuery(() => api().report.years({}))
  const [year, setYear] = useState<number | null>(null)
  const current = year ?? years.data?.current ?? null
  const loaded = useApiQuery(
    () => api().report.get({ year: current ?? new Date().getFullYear() - 1 }),
    String(current),
  )
  // The view a change returned, until the year changes (then the loaded one).
  const [changed, setView] = useState<ReportView | undefined>()
  const view = changed?.year === current ? changed : loaded.data
  const [tab, setTab] = useState<string>('preview')
  const [selected, setSelected] = useState<number | null>(null)
  const [pending, setPending] = useState<Pending>(null)
  const [busy, setBusy] = useState(false)

  if (!view || current === null) {
    return (
      <Center h={300}>
        <Loader />
      </Center>
    )
  }
  const errors = view.problems.filter((p) => p.severity === 'error')
  const selectedProblem: ReportProblem | null =
    selected !== null ? (view.problems[selected] ?? null) : null

  const update = (v: ReportView) => {
    setView(v)
    setSelected(null)
  }
  const setFormat = async (format: ReportFormatId) => {
    try {
      update(await request(api().report.setFormat({ year: current, format })))
    } catch {
      // notified
    }
  }
  const run = async (kind: 'docx' | 'xlsx' | 'publish', confirmProblems: boolean) => {
    setBusy(true)
    try {
      if (kind === 'publish') {
        const revising =
          view.item !== null && !['draft', 'returned', 'withdrawn'].includes(view.item.status)
        const r = await request(
          api().report.publish({
            year: current,
            confirmProblems,
            ...(revising ? { confirmRevision: true } : {}),
          }),
        )
        notifySuccess('已生成公开条目，请在条目中提交保密审查')
        setPending(null)
        void navigate(`/drafts/${r.itemId}`)
        return
      }
      const r = await request(api().report.export({ year: current, kind, confirmProblems }))
      setPending(null)
      if (r) notifySuccess(`已导出 ${r.fileName}`)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const start = (kind: 'docx' | 'xlsx' | 'publish') => {
    const revising =
      kind === 'publish' &&
      view.item !== null &&
      !['draft', 'returned', 'withdrawn'].includes(view.item.status)
    if (errors.length > 0 || revising) setPending({ kind })
    else void run(kind, false)
  }
  const choose = (i: number) => {
    setSelected(i)
    setTab('preview')
  }

  return (
    <Box>
      <PageHeader
        title="年度报告"
        description={`${view.title} · 依《政府信息公开条例》第四十九条，每年 1 月 31 日前公布上一年度报告`}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileTypeDocx size={16} />}
              onClick={() => start('docx')}
              data-primary-action={capabilities.draft ? undefined : true}
              loading={busy && pending?.kind !== 'publish'}
            >
              导出 Word
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              onClick={() => start('xlsx')}
            >
              导出 Excel
            </Button>
            {capabilities.draft && (
              <Button
                leftSection={<IconSend size={16} />}
                onClick={() => start('publish')}
                data-primary-action
              >
                生成公开条目
              </Button>
            )}
          </>
        }
      />
      <Group mb="sm" gap="sm" wrap="wrap">
        <Select
          aria-label="报告年度"
          data={(years.data?.years ?? [current]).map((y) => ({
            value: String(y),
            label: `${y} 年度`,
          }))}
          value={String(current)}
          onChange={(v) => v && (setYear(Number(v)), setSelected(null))}
          w={130}
          allowDeselect={false}
        />
        <Select
          aria-label="报告格式"
          data={REPORT_FORMATS.map((f) => ({ value: f, label: REPORT_FORMAT_LABELS[f] }))}
          value={view.format}
          onChange={(v) => v && void setFormat(v as ReportFormatId)}
          w={300}
          allowDeselect={false}
          disabled={!mayEdit}
        />
        {view.item && (
          <Text fz="sm">
            公开条目：
            <Anchor component={Link} to={`/drafts/${view.item.id}`}>
              {ITEM_STATUS_LABELS[view.item.status as ItemStatus] ?? view.item.status}
            </Anchor>
          </Text>
        )}
        {view.updatedAt && (
          <Text fz="xs" c="dimmed">
            最近修改：{view.updatedByName ?? ''} {formatDateTime(view.updatedAt)}
          </Text>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="preview">预览</Tabs.Tab>
              <Tabs.Tab
                value="figures"
                rightSection={
                  view.officerCells.some((c) => c.mode === 'required' && c.value === null) ? (
                    <Badge size="xs" color="orange" circle>
                      !
                    </Badge>
                  ) : undefined
                }
              >
                数据填报
              </Tabs.Tab>
              <Tabs.Tab value="sections">正文</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="preview">
              <ReportPreview view={view} selected={selectedProblem} />
            </Tabs.Panel>
            <Tabs.Panel value="figures">
              <FiguresPanel
                key={`${view.year}-${view.updatedAt}`}
                view={view}
                mayEdit={mayEdit}
                onChange={update}
              />
            </Tabs.Panel>
            <Tabs.Panel value="sections">
              <SectionsEditor key={view.year} view={view} mayEdit={mayEdit} onChange={update} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Box style={{ position: 'sticky', top: 8 }}>
            <ProblemsPanel view={view} selected={selected} onSelect={choose} />
          </Box>
        </Grid.Col>
      </Grid>
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending?.kind === 'publish' ? '生成公开条目' : '导出年度报告'}
        size="lg"
      >
        <Stack>
          {errors.length > 0 && (
            <>
              <Alert color="red" p="sm">
                报告还有 {errors.length} 个问题未解决。建议先修正；如确需
                {pending?.kind === 'publish' ? '生成' : '导出'}，请确认以下问题：
              </Alert>
              <List size="sm" spacing={4} data-testid="confirm-problems">
                {errors.map((p, i) => (
                  <List.Item key={i}>
                    {p.message}
                    {problemPlace(view, p) && (
                      <Text span fz="xs" c="dimmed">
                        （{problemPlace(view, p)}）
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {pending?.kind === 'publish' &&
            view.item &&
            !['draft', 'returned', 'withdrawn'].includes(view.item.status) && (
              <Alert color="orange" p="sm">
                该报告的公开条目{ITEM_STATUS_LABELS[view.item.status as ItemStatus]}
                。修改将撤回本次审查（或另起修订稿），需重新提交保密审查。
              </Alert>
            )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              返回修改
            </Button>
            <Button
              color={errors.length > 0 ? 'red' : undefined}
              loading={busy}
              onClick={() => pending && void run(pending.kind, errors.length > 0)}
            >
              {errors.length > 0 ? '确认问题，仍然继续' : '继续'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  )
}
