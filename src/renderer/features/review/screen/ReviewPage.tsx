import {
  Alert,
  Badge,
  Button,
  Center,
  Loader,
  Paper,
  Stack,
  Tabs,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileExport, IconMessageCircle, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import type { ReviewDecision, ReviewView } from '../../../../shared/review/types'
import { REFERRED_MARKER_LABEL, REVIEW_STATE_LABELS } from '../../../../shared/review/labels'
import { api, notifySuccess, request } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { useSession } from '../../../app/app-state'
import { DetailHeader } from '../../../components/DetailHeader'
import { RevisionStateBadges } from '../../drafting/shared/StatusBadge'
import { FindingsList } from '../shared/FindingsList'
import { HighlightedBody, HighlightedTitle } from '../shared/HighlightedBody'
import { markId } from '../shared/highlight'
import { REVIEW_STATE_COLORS } from '../shared/labels-ui'
import { SeverityCountBadges } from '../shared/SeverityBadge'
import { Attachments } from './Attachments'
import { ChainView } from './ChainView'
import { ChecklistAnswers } from './ChecklistAnswers'
import { DecisionModal } from './DecisionModal'
import { DecisionPanel } from './DecisionPanel'
import { decisionToast } from './decision-toast'
import { DiffSection } from './DiffSection'
import { Metadata } from './Metadata'
import { ApprovalNoticeAlert, PairingPanel } from './PairingPanel'

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

/**
 * The review screen's layout: the sticky header; what must be said first (content changed, the
 * interpretation rule, the policy ↔ interpretation pair); then the body on the left and, beside
 * it, a sticky side column with 审查决定 on top and the findings / checklist / diff / chain tabs —
 * so the decision buttons are on screen at 1024×700 however long the body is (issue 10).
 */
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
            {/* 修订稿: both states, 「已通过 第 3 版 · 修订中 第 4 版」 (issue 10). */}
            <RevisionStateBadges
              status={item.status}
              revision={item.revision}
              liveRevision={item.liveRevision}
            />
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
      {data.approvalNotice && <ApprovalNoticeAlert notice={data.approvalNotice} />}
      <PairingPanel paired={data.paired} />

      <div className="dd-review-grid">
        <Stack gap="md" className="dd-review-main">
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
        <Stack gap="md" className="dd-review-side">
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
      </div>

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
            notifications.show({ color: 'teal', ...decisionToast(deciding.decision, next) })
            void navigate('/review')
          }}
        />
      )}
    </Stack>
  )
}
