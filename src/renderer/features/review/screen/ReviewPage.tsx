import {
  Alert,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArrowsDiff,
  IconFileExport,
  IconFileText,
  IconMessageCircle,
  IconPencil,
} from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useNavigate, useParams } from 'react-router'
import type { ReviewDecision, ReviewView } from '../../../../shared/review/types'
import {
  CANNOT_DECIDE_LABELS,
  CARRIER_FORM_LABELS,
  PUBLISH_CHANNEL_LABELS,
  REFERRED_MARKER_LABEL,
  REVIEW_DECISION_LABELS,
  REVIEW_STATE_LABELS,
} from '../../../../shared/review/labels'
import { INDEX_NUMBER_PENDING_LABEL, ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { api, notifySuccess, request } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { useSession } from '../../../app/app-state'
import { formatBytes, formatDate, formatDateTime } from '../../../lib/format'
import { DiffView } from '../../drafting/revisions/DiffView'
import { StatusBadge } from '../../drafting/shared/StatusBadge'
import { FindingCard, FindingsList } from '../shared/FindingsList'
import { HighlightedBody, HighlightedTitle } from '../shared/HighlightedBody'
import { markId } from '../shared/highlight'
import { OWN_ITEM_NOTICE, REVIEW_STATE_COLORS } from '../shared/labels-ui'
import { bySeverity } from '../shared/severity'
import { SeverityCountBadges } from '../shared/SeverityBadge'
import { ChainView } from './ChainView'
import { ChecklistAnswers } from './ChecklistAnswers'
import { DecisionModal } from './DecisionModal'
import { DetailHeader } from '../../../components/DetailHeader'

/** `/review/:itemId`: the review screen. */
export function ReviewRoute() {
  const { itemId = '' } = useParams()
  const review = useApiQuery(() => api().review.get({ itemId }), itemId)
  if (review.error && !review.data) {
    return (
      <Alert color="red" title="无法打开审查" maw={640}>
        {review.error.message}
      </Alert>
    )
  }
  if (!review.data) {
    return (
      <Center h={240}>
        <Loader aria-label="正在加载审查" />
      </Center>
    )
  }
  return <ReviewScreen data={review.data} reload={review.reload} />
}

function scrollToFinding(data: ReviewView, id: string) {
  const f = data.findings.find((x) => x.id === id)
  if (!f) return
  const target =
    f.source === 'title'
      ? markId('rv-title', id)
      : f.source === 'body'
        ? markId('rv-body', id)
        : markId('rv-att', id)
  document.getElementById(target)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
}

function ReviewScreen({ data, reload }: { data: ReviewView; reload: () => void }) {
  const navigate = useNavigate()
  const { user } = useSession()
  const [activeId, setActiveId] = useState<string | null>(null)
  const [tab, setTab] = useState<string | null>('findings')
  const [deciding, setDeciding] = useState<{
    decision: ReviewDecision
    seed?: string | null
  } | null>(null)
  const [exporting, setExporting] = useState(false)
  const { item, review } = data

  const select = (id: string) => {
    setActiveId(id)
    scrollToFinding(data, id)
  }
  const pick = (id: string) => {
    setActiveId(id)
    setTab('findings')
    requestAnimationFrame(() =>
      document
        .querySelector(`[data-finding-id="${CSS.escape(id)}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
    )
  }

  const exportRecord = async () => {
    setExporting(true)
    try {
      const saved = await request(
        api().review.recordExport({ itemId: item.id, ...(review ? { reviewId: review.id } : {}) }),
      ).catch(() => null)
      if (saved) notifySuccess(`保密审查单已导出：${saved.path}`)
    } finally {
      setExporting(false)
    }
  }

  const titleFindings = data.findings.filter((f) => f.source === 'title')
  const bodyFindings = data.findings.filter((f) => f.source === 'body')
  const attachmentFindings = data.findings.filter((f) => f.source === 'attachment')
  const counts = review?.counts

  return (
    <Stack gap="md" className="dd-review">
      <DetailHeader
        backTo="/review"
        backLabel="返回队列"
        title={item.title || '（无标题）'}
        badges={
          <>
            <StatusBadge status={item.status} />
            {review && (
              <Badge variant="outline" color={REVIEW_STATE_COLORS[review.state]}>
                {REVIEW_STATE_LABELS[review.state]}
              </Badge>
            )}
            {review?.referred && (
              <Badge variant="outline" color="violet">
                {REFERRED_MARKER_LABEL}
              </Badge>
            )}
          </>
        }
        actions={
          <>
            {counts && <SeverityCountBadges counts={counts} />}
            {item.canEdit && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => void navigate(`/drafts/${item.id}`)}
              >
                打开条目
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} />}
              onClick={() => void exportRecord()}
              loading={exporting}
              disabled={!review}
            >
              导出审查单
            </Button>
          </>
        }
      />

      {data.stale && (
        <Alert color="orange" variant="light" title="内容已变更">
          提交审查后条目内容又被修改，本次审查已作废，须由起草人重新提交。
        </Alert>
      )}
      {!review && (
        <Alert color="gray" variant="light">
          该条目尚未提交保密审查。
        </Alert>
      )}

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Metadata data={data} />
            <Paper withBorder p="lg" component="section" aria-label="审查正文">
              <Title order={3} fz={20} ta="center" mb="md" className="dd-preview-title">
                <HighlightedTitle
                  title={item.title || '（无标题）'}
                  findings={titleFindings}
                  activeId={activeId}
                  onPick={pick}
                  prefix="rv-title"
                />
              </Title>
              <HighlightedBody
                html={item.bodyHtml}
                findings={bodyFindings}
                activeId={activeId}
                onPick={pick}
                prefix="rv-body"
              />
            </Paper>
            <Attachments data={data} findings={attachmentFindings} activeId={activeId} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <DecisionPanel
              data={data}
              ownItem={data.cannotDecideReason === 'own_item' || item.authorId === user.id}
              onDecide={(decision) => setDeciding({ decision })}
            />
            <Paper withBorder p="sm">
              <Tabs value={tab} onChange={setTab} keepMounted={false}>
                <Tabs.List mb="sm">
                  <Tabs.Tab value="findings">发现（{data.findings.length}）</Tabs.Tab>
                  <Tabs.Tab value="checklist">审查清单</Tabs.Tab>
                  <Tabs.Tab value="diff">版本对比</Tabs.Tab>
                  <Tabs.Tab value="chain">审查流程</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="findings">
                  <FindingsList
                    findings={data.findings}
                    groupBy="source"
                    activeId={activeId}
                    onSelect={select}
                    empty="提交时的扫描未发现问题。"
                    findingActions={(f) =>
                      data.canDecide ? (
                        <Tooltip label="针对此项退回修改">
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="orange"
                            aria-label={`针对此项退回：${f.text}`}
                            onClick={(e) => {
                              e.stopPropagation()
                              setDeciding({ decision: 'return', seed: f.id })
                            }}
                          >
                            <IconMessageCircle size={14} />
                          </Button>
                        </Tooltip>
                      ) : null
                    }
                  />
                </Tabs.Panel>
                <Tabs.Panel value="checklist">
                  <ChecklistAnswers data={data} />
                </Tabs.Panel>
                <Tabs.Panel value="diff">
                  <DiffSection data={data} />
                </Tabs.Panel>
                <Tabs.Panel value="chain">
                  <ChainView data={data} />
                </Tabs.Panel>
              </Tabs>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      {deciding && review && (
        <DecisionModal
          data={data}
          decision={deciding.decision}
          seedFindingId={deciding.seed}
          onClose={() => {
            setDeciding(null)
            reload()
          }}
          onDecided={(next) => {
            setDeciding(null)
            notifications.show({
              color: 'teal',
              title: `已${REVIEW_DECISION_LABELS[deciding.decision]}`,
              message: `「${next.item.title}」${
                next.review ? `：${REVIEW_STATE_LABELS[next.review.state]}` : ''
              }${next.item.indexNumber ? `，索引号 ${next.item.indexNumber}` : ''}`,
            })
            void navigate('/review')
          }}
        />
      )}
    </Stack>
  )
}

function Metadata({ data }: { data: ReviewView }) {
  const { item, review } = data
  const rows: [string, ReactNode][] = [
    ['类别', ITEM_KIND_LABELS[item.kind]],
    ['索引号', item.indexNumber ?? INDEX_NUMBER_PENDING_LABEL],
    ['发文机关', item.issuer || '—'],
    ['发文字号', item.docNumber || '—'],
    ['成文日期', formatDate(item.signedDate)],
    ['拟发布日期', formatDate(item.plannedPublishDate)],
    ['载体形式', data.carrier ? CARRIER_FORM_LABELS[data.carrier] : '—'],
    [
      '拟公开方式',
      data.channels.length > 0
        ? data.channels
            .map((c) =>
              c === 'other' && data.channelOther
                ? `其他（${data.channelOther}）`
                : PUBLISH_CHANNEL_LABELS[c],
            )
            .join('、')
        : '—',
    ],
    ['起草人', item.authorName ?? '—'],
    [
      '提交',
      review
        ? `${review.submittedByName} · ${formatDateTime(review.submittedAt)} · 第 ${review.revision} 版`
        : '—',
    ],
  ]
  return (
    <Paper withBorder p="sm" component="section" aria-label="元数据">
      <Table fz="sm" verticalSpacing={3} withRowBorders={false} highlightOnHover={false}>
        <Table.Tbody>
          {Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => (
            <Table.Tr key={i}>
              {rows.slice(i * 2, i * 2 + 2).map(([label, value]) => (
                <FragmentCells key={label} label={label} value={value} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function FragmentCells({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <Table.Td w={90} c="dimmed" className="dd-nowrap">
        {label}
      </Table.Td>
      <Table.Td>{value}</Table.Td>
    </>
  )
}

function Attachments({
  data,
  findings,
  activeId,
}: {
  data: ReviewView
  findings: ReviewView['findings']
  activeId: string | null
}) {
  const attachments = data.item.attachments
  const unmatched = findings.filter((f) => !attachments.some((a) => a.id === f.attachmentId))
  if (attachments.length === 0 && findings.length === 0) return null
  return (
    <Paper withBorder p="sm" component="section" aria-label="附件">
      <Text fw={600} fz="sm" mb={8}>
        附件（{attachments.length}）
      </Text>
      <Stack gap="sm">
        {attachments.map((a) => {
          const own = findings.filter((f) => f.attachmentId === a.id).sort(bySeverity)
          return (
            <Stack key={a.id} gap={6} className="dd-attachment" aria-label={a.name}>
              <Group gap="xs" wrap="nowrap">
                <IconFileText size={18} stroke={1.5} aria-hidden />
                <Text fz="sm" fw={500} truncate style={{ flex: 1 }} title={a.name}>
                  {a.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  {a.ext.toUpperCase()} · {formatBytes(a.sizeBytes)}
                </Text>
                {own.length === 0 && (
                  <Badge size="xs" variant="light" color="teal">
                    {a.textStatus === 'ok' ? '未发现问题' : '无可检查文字'}
                  </Badge>
                )}
              </Group>
              {a.textWarning && (
                <Text fz="xs" c="orange.8">
                  {a.textWarning}
                </Text>
              )}
              {own.map((f) => (
                <div key={f.id} id={markId('rv-att', f.id)}>
                  <FindingCard finding={f} active={f.id === activeId} />
                </div>
              ))}
            </Stack>
          )
        })}
        {unmatched.map((f) => (
          <div key={f.id} id={markId('rv-att', f.id)}>
            <FindingCard finding={f} active={f.id === activeId} />
          </div>
        ))}
      </Stack>
    </Paper>
  )
}

function DiffSection({ data }: { data: ReviewView }) {
  const [open, setOpen] = useState(false)
  const previous = data.history[0]
  if (!data.diff) {
    return (
      <Text fz="sm" c="dimmed">
        {previous ? '与上次审查的版本相同。' : '首次提交审查，没有可对比的上次审查版本。'}
      </Text>
    )
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fz="sm">
          上次审查：第 {data.diff.from} 版 → 本次：第 {data.diff.to} 版
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconArrowsDiff size={14} />}
          onClick={() => setOpen(true)}
        >
          与上次审查版本对比
        </Button>
      </Group>
      <DiffView diff={data.diff} />
      {open && (
        <Modal
          opened
          onClose={() => setOpen(false)}
          size="90%"
          centered={false}
          yOffset="4vh"
          title={
            <Text fw={600}>
              与上次审查版本对比：第 {data.diff.from} 版 → 第 {data.diff.to} 版
            </Text>
          }
        >
          <DiffView diff={data.diff} />
        </Modal>
      )}
    </Stack>
  )
}

const DECISION_BUTTONS: { decision: ReviewDecision; color: string; variant: string }[] = [
  { decision: 'approve', color: 'teal', variant: 'filled' },
  { decision: 'return', color: 'orange', variant: 'light' },
  { decision: 'withhold', color: 'red', variant: 'light' },
  { decision: 'refer', color: 'violet', variant: 'default' },
]

/** 审查决定: the four decisions — absent on the acting user's own item. */
function DecisionPanel({
  data,
  ownItem,
  onDecide,
}: {
  data: ReviewView
  ownItem: boolean
  onDecide: (decision: ReviewDecision) => void
}) {
  const { review } = data
  const open = review?.state === 'open' && !data.stale
  const step = review?.currentStep != null ? data.steps[review.currentStep] : undefined
  const blockers = data.findings.filter((f) => f.severity === 'blocker').length
  const highs = data.findings.filter((f) => f.severity === 'high').length
  return (
    <Paper withBorder p="sm" component="section" aria-label="审查决定">
      <Group justify="space-between" mb={8}>
        <Text fw={600} fz="sm">
          审查决定
        </Text>
        {step && open && (
          <Text fz="xs" c="dimmed">
            当前步骤：{step.name}（{step.index + 1}/{data.steps.length}）
          </Text>
        )}
      </Group>
      {!open ? (
        <Text fz="sm" c="dimmed">
          {review
            ? `本次审查${REVIEW_STATE_LABELS[review.state]}${review.closedAt ? `（${formatDateTime(review.closedAt)}）` : ''}。`
            : CANNOT_DECIDE_LABELS.not_open}
        </Text>
      ) : ownItem ? (
        <Alert color="gray" variant="light" p="xs" data-testid="own-item-notice">
          {OWN_ITEM_NOTICE}
        </Alert>
      ) : !data.canDecide ? (
        <Text fz="sm" c="dimmed">
          {data.cannotDecideReason
            ? CANNOT_DECIDE_LABELS[data.cannotDecideReason]
            : '您不能在当前步骤作出决定'}
        </Text>
      ) : (
        <Stack gap={6}>
          <Group gap="xs">
            {DECISION_BUTTONS.map(({ decision, color, variant }) => (
              <Button
                key={decision}
                color={color}
                variant={variant}
                disabled={decision === 'approve' && blockers > 0}
                onClick={() => onDecide(decision)}
              >
                {REVIEW_DECISION_LABELS[decision]}
              </Button>
            ))}
          </Group>
          {blockers > 0 ? (
            <Text fz="xs" c="red.8" role="note">
              存在 {blockers}{' '}
              项阻断发现（如密级标志），不能同意公开：请退回修改、不予公开或报上级审查。
            </Text>
          ) : highs > 0 ? (
            <Text fz="xs" c="dimmed">
              同意公开须对 {highs} 项高风险发现逐条写明保留理由。
            </Text>
          ) : null}
        </Stack>
      )}
    </Paper>
  )
}
