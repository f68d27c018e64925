import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import type { SyncOverview, SyncedItemView } from '../../../shared/sync/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { PageHeader } from '../../components/PageHeader'
import { formatDate, formatDateTime } from '../../lib/format'
import { RevisionStateNote } from './RevisionStateNote'
import { SyncBadge } from './SyncBadge'
import { SyncEntryTable } from './SyncEntryTable'
import { UploadProgressList } from './UploadProgressList'
import { BackfillNotice } from './BackfillNotice'
import { useSyncStatus } from './use-sync-status'
import { WithdrawModal } from './WithdrawModal'

/** The status line: last success, the last problem, and the progress bar while a run lasts. */
function StatusPanel({ overview, onSettled }: { overview: SyncOverview; onSettled: () => void }) {
  const { status, watch } = useSyncStatus(overview.status, onSettled)
  const run = useApiAction(api().sync.run)
  const progress = status.progress
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="xs">
            <Title order={3} fz="md">
              同步状态
            </Title>
            {status.running ? (
              <Badge color="blue" variant="light" leftSection={<Loader size={10} />}>
                {status.phase === 'receiving'
                  ? '正在读取区级回执'
                  : status.uploads?.some((u) => u.backfill && u.state === 'uploading')
                    ? '正在补传附件'
                    : '正在报送'}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                空闲
              </Badge>
            )}
          </Group>
          <Text fz="sm" aria-label="上次成功同步">
            上次成功同步：{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : '尚未同步'}
          </Text>
          <Text fz="sm" c="dimmed">
            待同步 {status.counts.pending} 条 · 失败 {status.counts.failed} 条 · 冲突{' '}
            {status.counts.conflict} 条
            {status.nextRunAt && !status.running
              ? ` · 下次自动同步：${formatDateTime(status.nextRunAt)}`
              : ''}
          </Text>
          <Text fz="xs" c="dimmed" aria-label="审计锚点">
            审计锚点：
            {status.lastAnchor
              ? `区级已确认到第 ${status.lastAnchor.seq} 条审计记录（${formatDateTime(status.lastAnchor.at)}）`
              : '尚未送达区级服务器'}
          </Text>
        </Stack>
        <Button
          data-primary-action
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={async () => {
            const r = await run.run({})
            if (r.ok) watch(r.data)
          }}
          loading={run.busy}
          disabled={!status.configured}
        >
          立即同步
        </Button>
      </Group>
      {status.running && (
        <Progress
          mt="md"
          aria-label="同步进度"
          animated
          value={progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 100}
        />
      )}
      {status.running && progress && progress.total > 0 && (
        <Text fz="xs" c="dimmed" mt={4}>
          已处理 {progress.done} / {progress.total} 条
        </Text>
      )}
      {status.backfill && status.backfill.files > 0 && (
        <BackfillNotice backfill={status.backfill} running={status.running} />
      )}
      {status.uploads && status.uploads.length > 0 && <UploadProgressList files={status.uploads} />}
      {!status.configured && (
        <Alert color="yellow" mt="md" title="尚未配置同步">
          请管理员在「设置 → 同步」中填写区级服务器地址和令牌。
        </Alert>
      )}
      {status.anchorProblem && (
        <Alert color="red" mt="md" title="审计链与区级锚点不符" data-testid="sync-anchor-problem">
          {status.anchorProblem}
          。请管理员在「审计日志」中执行「校验审计链」并报告本单位保密管理人员。
        </Alert>
      )}
      {status.extensions
        .filter((e) => e.ok && e.notice)
        .map((e) => (
          <Alert
            key={e.name}
            color="yellow"
            mt="md"
            title={`「${e.label}」请注意`}
            data-testid={`sync-extension-notice-${e.name}`}
          >
            {e.notice}
          </Alert>
        ))}
      {status.extensions
        .filter((e) => !e.ok)
        .map((e) => (
          <Alert
            key={e.name}
            color="orange"
            mt="md"
            title={`「${e.label}」未同步`}
            data-testid={`sync-extension-${e.name}`}
          >
            {e.message}（{formatDateTime(e.at)}）。条目同步不受影响，下次同步时自动重试。
          </Alert>
        ))}
      {status.counts.tampered > 0 && (
        <Alert color="red" mt="md" title="已审批内容校验失败" data-testid="sync-tampered">
          有 {status.counts.tampered}{' '}
          个条目的已审批内容在审批后被改动（与审批时的内容哈希不符），已拒绝报送并记入审计日志。
          请管理员核查数据库和审计日志，见「失败」。
        </Alert>
      )}
      {status.lastError && (
        <Alert color={status.authFailed ? 'red' : 'orange'} mt="md" title="上次同步未完成">
          {status.lastError}
        </Alert>
      )}
    </Paper>
  )
}

function RecentTable({
  rows,
  canWithdraw,
  onWithdraw,
}: {
  rows: SyncedItemView[]
  canWithdraw: boolean
  onWithdraw: (row: SyncedItemView) => void
}) {
  if (rows.length === 0) {
    return (
      <Text c="dimmed" fz="sm" p="sm">
        区级服务器还没有收到本单位的条目
      </Text>
    )
  }
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table aria-label="已送达和已同步的条目" fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>标题</Table.Th>
            <Table.Th w={90}>同步状态</Table.Th>
            <Table.Th w={70}>版本</Table.Th>
            <Table.Th>发布地址 / 区级意见</Table.Th>
            <Table.Th w={130}>发布日期</Table.Th>
            {canWithdraw && <Table.Th w={80}>操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.itemId}>
              <Table.Td>
                <Anchor component={Link} to={`/drafts/${r.itemId}`} fz="sm">
                  {r.title}
                </Anchor>
                <RevisionStateNote text={r.revisionState} />
              </Table.Td>
              <Table.Td>
                <SyncBadge state={r.state} size="sm" />
              </Table.Td>
              <Table.Td className="dd-nowrap">第 {r.revision} 版</Table.Td>
              <Table.Td>
                {r.publishedUrl ? (
                  <Anchor
                    fz="sm"
                    href={r.publishedUrl}
                    onClick={(e) => {
                      e.preventDefault()
                      // IPC to main, which confirms with the officer and opens http(s) only.
                      void api().shell.openExternal({ url: r.publishedUrl ?? '' }) // eng-disable OPEN_EXTERNAL_JS_CHECK
                    }}
                  >
                    {r.publishedUrl}
                  </Anchor>
                ) : r.returnedReason ? (
                  <Text fz="sm" c="orange">
                    区级退回：{r.returnedReason}（请修改后重新提交审查）
                  </Text>
                ) : (
                  <Text fz="sm" c="dimmed">
                    区级已收到，等待发布
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="dd-nowrap">{formatDate(r.publishedDate)}</Table.Td>
              {canWithdraw && (
                <Table.Td>
                  {(r.state === 'delivered' || r.state === 'published') && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onWithdraw(r)}
                    >
                      撤回
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** 同步: what waits, what failed and why, conflicts, and what the district has received. */
export function SyncPage() {
  const session = useSession()
  const canOperate = session.capabilities.maintain
  const overview = useApiQuery(() => api().sync.overview({}))
  const retry = useApiAction(api().sync.retry)
  const [withdrawing, setWithdrawing] = useState<SyncedItemView | null>(null)
  const data = overview.data
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title="同步"
        description="把审查通过的条目报送到区级服务器，并接收区级的发布回执。断网时自动排队，联网后自动重试。"
      />
      {overview.error && !data && <Alert color="red">{overview.error.message}</Alert>}
      {!data && overview.loading && <Loader size="sm" />}
      {data && (
        <>
          <StatusPanel
            key={JSON.stringify(data.status)}
            overview={data}
            onSettled={overview.reload}
          />
          <Paper withBorder p="lg">
            <Tabs defaultValue="pending" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="pending">待同步（{data.pending.length}）</Tabs.Tab>
                <Tabs.Tab value="failed" color="red">
                  失败（{data.failed.length}）
                </Tabs.Tab>
                <Tabs.Tab value="conflicts" color="red">
                  冲突（{data.conflicts.length}）
                </Tabs.Tab>
                <Tabs.Tab value="recent">已送达 / 已同步（{data.recent.length}）</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="pending" pt="sm">
                <SyncEntryTable label="待同步" entries={data.pending} empty="没有等待同步的条目" />
              </Tabs.Panel>
              <Tabs.Panel value="failed" pt="sm">
                <SyncEntryTable
                  label="同步失败"
                  entries={data.failed}
                  empty="没有失败的同步"
                  busy={retry.busy}
                  {...(canOperate
                    ? {
                        onRetry: async (seq: number) => {
                          const r = await retry.run({ seq })
                          if (r.ok) {
                            notifySuccess('已重新排队，稍后自动发送')
                            overview.reload()
                          }
                        },
                      }
                    : {})}
                />
              </Tabs.Panel>
              <Tabs.Panel value="conflicts" pt="sm">
                <Text fz="sm" c="dimmed" mb="xs">
                  区级服务器已有该条目更新或不同的版本。本机数据未作改动；请核对后修改条目并重新提交审查。
                </Text>
                <SyncEntryTable label="同步冲突" entries={data.conflicts} empty="没有冲突" />
              </Tabs.Panel>
              <Tabs.Panel value="recent" pt="sm">
                <RecentTable
                  rows={data.recent}
                  canWithdraw={canOperate}
                  onWithdraw={setWithdrawing}
                />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </>
      )}
      {withdrawing && (
        <WithdrawModal
          item={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null)
            overview.reload()
          }}
        />
      )}
    </Stack>
  )
}
