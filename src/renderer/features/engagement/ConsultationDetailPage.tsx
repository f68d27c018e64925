import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { IconFileExport, IconFileText, IconMailPlus, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { CONSULTATION_STATE_LABELS, DECISION_TYPE_LABELS } from '../../../shared/engagement/labels'
import { ITEM_STATUS_LABELS } from '../../../shared/items/labels'
import type { CommentView, ConsultationView, ItemBrief } from '../../../shared/engagement/types'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { DetailHeader } from '../../components/DetailHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDate } from '../../lib/format'
import { CommentTable } from './CommentTable'
import { ConsultationForm } from './ConsultationForm'
import { DecideModal, type DecideInput } from './DecideModal'
import { OfflineCommentModal } from './OfflineCommentModal'
import { STATE_COLORS } from './ui'

export function ConsultationDetailRoute() {
  const { id = '' } = useParams()
  return <ConsultationDetailPage key={id} id={id} />
}

const statusLabel = (s: string) => ITEM_STATUS_LABELS[s as keyof typeof ITEM_STATUS_LABELS] ?? s

/** One link of the record: draft → notice → comments → result → final policy. */
function ChainStep({
  label,
  item,
  empty,
}: {
  label: string
  item: ItemBrief | null
  empty: string
}) {
  return (
    <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      {item ? (
        <Anchor component={Link} to={`/drafts/${item.id}`} fz="sm" lineClamp={2}>
          {item.title}
        </Anchor>
      ) : (
        <Text fz="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {item && (
        <Text fz="xs" c="dimmed">
          {statusLabel(item.status)} · 第 {item.revision} 版
        </Text>
      )}
    </Stack>
  )
}

/** One consultation: its record, the public address, the comments with their groups, decisions, the result. */
export function ConsultationDetailPage({ id }: { id: string }) {
  const navigate = useNavigate()
  const { capabilities } = useSession()
  const may = capabilities.draft
  const view = useApiQuery(() => api().engagement.consultationGet({ id }), id)
  const comments = useApiQuery(() => api().engagement.comments({ id }), id)
  const [deciding, setDeciding] = useState<CommentView | null>(null)
  const [editing, setEditing] = useState(false)
  const [adding, setAdding] = useState(false)
  const [busy, setBusy] = useState(false)
  const policies = useApiQuery(
    () =>
      api().items.search({
        kinds: ['policy'],
        sort: 'updated',
        order: 'desc',
        offset: 0,
        limit: 200,
      }),
    'policies',
  )
  const c = view.data
  if (!c) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    )
  }
  const reload = () => {
    view.reload()
    comments.reload()
  }
  const run = async (body: () => Promise<void>) => {
    setBusy(true)
    try {
      await body()
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const decide = (input: DecideInput) =>
    run(async () => {
      if (!deciding) return
      const { commenterType, ...decision } = input
      await request(
        api().engagement.commentDecide({
          consultationId: c.id,
          commentId: deciding.id,
          ...decision,
        }),
      )
      if (commenterType !== deciding.commenterType) {
        await request(api().engagement.commentType({ commentId: deciding.id, commenterType }))
      }
      notifySuccess(
        input.wholeGroup && deciding.groupSize > 1
          ? `已处理本组 ${deciding.groupSize} 条意见`
          : '已保存处理结果',
      )
      setDeciding(null)
      reload()
    })
  const generate = () =>
    run(async () => {
      const item = await request(api().engagement.resultGenerate({ id: c.id }))
      notifySuccess('已生成意见采纳情况说明，请核对后提交保密审查')
      reload()
      void navigate(`/drafts/${item.id}`)
    })
  const exportComments = () =>
    run(async () => {
      const r = await request(api().engagement.commentsExport({ consultationId: c.id }))
      if (r) notifySuccess(`已导出 ${r.rows} 条意见：${r.path}`)
    })
  const setFinal = (finalItemId: string | null) =>
    run(async () => {
      await request(api().engagement.consultationFinal({ id: c.id, finalItemId }))
      notifySuccess('已关联正式文件')
      view.reload()
    })

  return (
    // The main action (生成采纳情况说明) is marked for the layout e2e; none for who cannot draft.
    <Stack gap="md" {...(may ? {} : { 'data-primary-action': 'none' })}>
      <DetailHeader
        backTo="/engagement"
        backLabel="政民互动"
        title={c.title}
        badges={
          <StatusBadge color={STATE_COLORS[c.state]}>
            {CONSULTATION_STATE_LABELS[c.state]}
          </StatusBadge>
        }
        actions={
          may && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditing(true)}
                disabled={c.result !== null}
              >
                修改
              </Button>
              <Button
                data-primary-action
                leftSection={<IconFileText size={16} />}
                onClick={generate}
                loading={busy}
                disabled={!c.periodOver || c.undecidedCount > 0}
                title={
                  !c.periodOver
                    ? `征集期至 ${formatDate(c.endDate)} 结束，结束后才能生成`
                    : c.undecidedCount
                      ? `还有 ${c.undecidedCount} 条意见未处理`
                      : undefined
                }
              >
                {c.result ? '更新采纳情况说明' : '生成采纳情况说明'}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p="md">
        <Group gap="xl" wrap="wrap" mb="sm">
          <Text fz="sm">
            {DECISION_TYPE_LABELS[c.decisionType]} · 征集时间 {formatDate(c.startDate)} 至{' '}
            {formatDate(c.endDate)}（{c.period.calendarDays} 日，{c.period.workingDays} 个工作日）
          </Text>
          <Text fz="sm">
            公众留言页面：
            {c.publicUrl ? (
              <Text span fz="sm" ff="monospace" data-testid="public-url">
                {c.publicUrl}
              </Text>
            ) : (
              '（尚未设置区级服务器）'
            )}
          </Text>
        </Group>
        {c.period.warnings.length > 0 && (
          <Alert color="orange" p="xs" mb="sm">
            {c.period.warnings.map((w) => (
              <Text key={w.code} fz="sm">
                {w.message}
              </Text>
            ))}
          </Alert>
        )}
        {!c.periodOver && c.state !== 'preparing' && c.state !== 'in_review' && (
          <Text fz="sm" c="dimmed" mb="sm" data-testid="result-hint">
            征集期至 {formatDate(c.endDate)} 结束；期满后处理完全部意见，即可生成意见采纳情况说明。
          </Text>
        )}
        {c.resultStale && (
          <Alert color="orange" p="xs" mb="sm" data-testid="result-stale">
            意见采纳情况说明需更新：生成后处理结果有变化或收到了新的意见
            {c.undecidedCount > 0 ? `（待处理 ${c.undecidedCount} 条）` : ''}
            。请处理完毕后点击「更新采纳情况说明」，更新后的说明须重新提交保密审查。
          </Alert>
        )}
        {c.resultLocked && (
          <Text fz="sm" c="dimmed" mb="sm">
            意见采纳情况说明已审核通过：其中统计的处理结果和意见人身份不能再修改（如确需更正，请先撤回该说明）；此后收到的意见仍可处理并更新说明。
          </Text>
        )}
        {c.state === 'preparing' && (
          <Alert color="blue" p="xs" mb="sm">
            意见征集公告须先经保密审查：打开公告，提交审查；审查通过并同步到区级平台后，公众即可在上述页面留言。
            供公众下载的附件（如起草说明）请在公告中添加，随公告一并审查；征求意见稿本身的附件不会公开。
          </Alert>
        )}
        <Group align="flex-start" gap="lg" wrap="nowrap" data-testid="consultation-record">
          <ChainStep label="征求意见稿" item={c.draft} empty="—" />
          <ChainStep label="意见征集公告" item={c.notice} empty="—" />
          <Stack gap={0} style={{ flex: 1 }}>
            <Text fz="xs" c="dimmed">
              收到意见
            </Text>
            <Text fz="sm">
              {c.commentCount} 条（待处理 {c.undecidedCount} 条）
            </Text>
          </Stack>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <ChainStep label="意见采纳情况说明" item={c.result} empty="尚未生成" />
            {c.resultStale && (
              <StatusBadge color="orange" w="fit-content">
                需更新
              </StatusBadge>
            )}
          </Stack>
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text fz="xs" c="dimmed">
              正式文件
            </Text>
            {may ? (
              <Select
                size="xs"
                aria-label="正式文件"
                placeholder="选择正式出台的文件"
                clearable
                searchable
                data={(policies.data?.rows ?? []).map((r) => ({ value: r.id, label: r.title }))}
                value={c.finalPolicy?.id ?? null}
                onChange={(v) => void setFinal(v)}
              />
            ) : (
              <Text fz="sm">{c.finalPolicy?.title ?? '—'}</Text>
            )}
          </Stack>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} fz="md">
            收到的意见
          </Title>
          <Group gap="xs">
            {may && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconMailPlus size={14} />}
                onClick={() => setAdding(true)}
              >
                登记线下意见
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileExport size={14} />}
              onClick={exportComments}
            >
              导出意见
            </Button>
          </Group>
        </Group>
        {comments.data && comments.data.comments.length > 0 ? (
          <CommentTable list={comments.data} mayDecide={may} onDecide={setDeciding} />
        ) : (
          <Text c="dimmed" fz="sm">
            还没有意见。公众在区级平台提交的意见在同步后出现在这里；信函、电子邮件、传真收到的意见请用「登记线下意见」。
          </Text>
        )}
      </Paper>
      <DecideModal
        consultation={c}
        comment={deciding}
        busy={busy}
        onClose={() => setDeciding(null)}
        onDecide={(i) => void decide(i)}
      />
      <OfflineCommentModal
        consultation={c}
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={reload}
      />
      <Modal opened={editing} onClose={() => setEditing(false)} title="修改意见征集" size="lg">
        <EditForm
          consultation={c}
          onDone={() => {
            setEditing(false)
            reload()
          }}
        />
      </Modal>
    </Stack>
  )
}

function EditForm({
  consultation,
  onDone,
}: {
  consultation: ConsultationView
  onDone: () => void
}) {
  const [busy, setBusy] = useState(false)
  return (
    <>
      {consultation.notice && consultation.notice.status !== 'draft' && (
        <Alert color="orange" p="xs" mb="sm">
          修改将重新生成意见征集公告：已通过的公告保持不变，修改后的公告须重新通过保密审查后才替换它。
        </Alert>
      )}
      <ConsultationForm
        consultation={consultation}
        busy={busy}
        onSubmit={async (fields) => {
          setBusy(true)
          try {
            await request(api().engagement.consultationUpdate({ ...fields, id: consultation.id }))
            notifySuccess('已保存，公告已重新生成')
            onDone()
          } catch {
            // notified
          } finally {
            setBusy(false)
          }
        }}
      />
    </>
  )
}
