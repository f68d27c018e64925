import {
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  Table,
  Text,
} from '@mantine/core'
import { IconChevronDown } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import {
  COMMENT_DECISION_LABELS,
  COMMENTER_TYPE_LABELS,
  CONSULTATION_CHANNEL_LABELS,
} from '../../../shared/engagement/labels'
import type { CommentList, CommentView } from '../../../shared/engagement/types'
import type { Result } from '../../../shared/result'
import { api, notifySuccess, request } from '../../api/client'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDateTime } from '../../lib/format'

const DECISION_COLORS = {
  adopted: 'green',
  partly: 'teal',
  rejected: 'red',
  out_of_scope: 'gray',
} as const

const excerpt = (text: string, n = 24) => (text.length > n ? `${text.slice(0, n)}…` : text)

/**
 * The comments: groups of near-identical comments (form letters) first, largest first, each
 * group's rows together; every text shown as text (React escapes it — nothing a commenter typed
 * becomes markup). Who may decide also corrects the automatic grouping: 「移出本组」 takes a
 * comment out of its group, 「并入…」 puts it into another group (or with another comment); both
 * are kept when the grouping runs again (e.g. after new comments come down on sync).
 */
export function CommentTable({
  list: given,
  mayDecide,
  onDecide,
}: {
  list: CommentList
  mayDecide: boolean
  onDecide: (c: CommentView) => void
}) {
  // The list a grouping change returned, until the page loads a newer one.
  const [changed, setChanged] = useState<{ base: CommentList; list: CommentList } | null>(null)
  const list = changed?.base === given ? changed.list : given
  const [joining, setJoining] = useState<CommentView | null>(null)
  const [busy, setBusy] = useState(false)
  const [filter, setFilter] = useState<'all' | 'open' | 'done'>('all')
  const groupNo = useMemo(() => new Map(list.groups.map((g, i) => [g.id, i + 1])), [list.groups])
  const rows = useMemo(() => {
    const order = (c: CommentView) =>
      c.groupId ? (groupNo.get(c.groupId) ?? 0) : Number.MAX_SAFE_INTEGER
    return [...list.comments]
      .filter((c) =>
        filter === 'all' ? true : filter === 'open' ? c.decision === null : c.decision !== null,
      )
      .sort((a, b) => order(a) - order(b) || a.receivedAt.localeCompare(b.receivedAt))
  }, [list.comments, filter, groupNo])
  const undecided = list.comments.filter((c) => c.decision === null).length
  const consultationId = list.comments[0]?.consultationId ?? ''
  const change = async (call: () => Promise<Result<CommentList>>, done: string) => {
    setBusy(true)
    try {
      const next = await request(call())
      setChanged({ base: given, list: next })
      notifySuccess(done)
      return true
    } catch {
      return false // notified
    } finally {
      setBusy(false)
    }
  }
  const takeOut = (c: CommentView) =>
    change(
      () => api().engagement.commentGroup({ consultationId, commentId: c.id, joinCommentId: null }),
      `已将意见 ${c.receiptNo} 移出本组`,
    )
  const regroup = () =>
    change(
      () => api().engagement.regroup({ id: consultationId }),
      '已重新自动分组（手工调整过的意见保持不变）',
    )
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text fz="sm" c="dimmed">
          共 {list.comments.length} 条意见，{list.groups.length}{' '}
          组内容相同或相近（重复/联名意见），待处理 {undecided} 条
        </Text>
        {mayDecide && (
          <Button size="compact-xs" variant="subtle" onClick={() => void regroup()} loading={busy}>
            重新自动分组
          </Button>
        )}
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          data={[
            { value: 'all', label: '全部' },
            { value: 'open', label: '待处理' },
            { value: 'done', label: '已处理' },
          ]}
        />
      </Group>
      <Table striped data-testid="comment-table" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>分组</Table.Th>
            <Table.Th w={64}>段落</Table.Th>
            <Table.Th>意见内容</Table.Th>
            <Table.Th w={140}>意见人</Table.Th>
            <Table.Th w={130}>处理</Table.Th>
            {mayDecide && <Table.Th w={136} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id} data-testid="comment-row">
              <Table.Td>
                {c.groupId ? (
                  <Badge variant="light" color="violet" style={{ minWidth: 'max-content' }}>
                    第 {groupNo.get(c.groupId)} 组 · {c.groupSize} 条
                  </Badge>
                ) : (
                  <Text fz="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{c.paragraphNo === null ? '总体' : `第${c.paragraphNo}段`}</Table.Td>
              <Table.Td>
                <Text
                  fz="sm"
                  lineClamp={3}
                  style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                >
                  {c.body}
                </Text>
                <Text fz="xs" c="dimmed">
                  {c.receiptNo} · {formatDateTime(c.receivedAt)} ·{' '}
                  {CONSULTATION_CHANNEL_LABELS[c.channel]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" truncate>
                  {c.commenterName || '（未留名）'}
                </Text>
                <Text fz="xs" c="dimmed">
                  {COMMENTER_TYPE_LABELS[c.commenterType]}
                </Text>
                {c.contactMasked && (
                  <Text fz="xs" c="dimmed" truncate title={c.contactMasked}>
                    {c.contactMasked}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {c.decision ? (
                  <>
                    <StatusBadge color={DECISION_COLORS[c.decision]}>
                      {COMMENT_DECISION_LABELS[c.decision]}
                    </StatusBadge>
                    {c.reason && (
                      <Text fz="xs" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                        {c.reason}
                      </Text>
                    )}
                  </>
                ) : (
                  <StatusBadge color="orange">待处理</StatusBadge>
                )}
              </Table.Td>
              {mayDecide && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => onDecide(c)}>
                      处理
                    </Button>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          size="compact-xs"
                          variant="default"
                          rightSection={<IconChevronDown size={12} aria-hidden />}
                          aria-label={`调整意见 ${c.receiptNo} 的分组`}
                        >
                          分组
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item disabled={!c.groupId || busy} onClick={() => void takeOut(c)}>
                          移出本组
                        </Menu.Item>
                        <Menu.Item disabled={busy} onClick={() => setJoining(c)}>
                          并入…
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <JoinModal
        list={list}
        groupNo={groupNo}
        comment={joining}
        busy={busy}
        onClose={() => setJoining(null)}
        onJoin={async (joinCommentId) => {
          if (!joining) return
          const done = await change(
            () =>
              api().engagement.commentGroup({
                consultationId,
                commentId: joining.id,
                joinCommentId,
              }),
            `已将意见 ${joining.receiptNo} 并入所选的意见组`,
          )
          if (done) setJoining(null)
        }}
      />
    </>
  )
}

/** 「并入…」: the groups (named by their first comment) and the comments in no group. */
function JoinModal({
  list,
  groupNo,
  comment,
  busy,
  onClose,
  onJoin,
}: {
  list: CommentList
  groupNo: Map<string, number>
  comment: CommentView | null
  busy: boolean
  onClose: () => void
  onJoin: (joinCommentId: string) => void
}) {
  const [target, setTarget] = useState<string | null>(null)
  const options = useMemo(() => {
    if (!comment) return []
    const groups = list.groups
      .filter((g) => g.id !== comment.groupId)
      .map((g) => ({
        value: g.commentIds[0]!,
        label: `第 ${groupNo.get(g.id)} 组（${g.commentIds.length} 条）：${excerpt(g.sample)}`,
      }))
    const alone = list.comments
      .filter((c) => c.groupId === null && c.id !== comment.id)
      .map((c) => ({ value: c.id, label: `${c.receiptNo}：${excerpt(c.body)}` }))
    return [
      ...(groups.length ? [{ group: '意见组', items: groups }] : []),
      ...(alone.length ? [{ group: '未分组的意见（与它组成新的一组）', items: alone }] : []),
    ]
  }, [list, groupNo, comment])
  return (
    <Modal
      opened={comment !== null}
      onClose={() => {
        setTarget(null)
        onClose()
      }}
      title="并入其他意见组"
      size="lg"
    >
      {comment && (
        <>
          <Text fz="sm" mb="xs" style={{ wordBreak: 'break-all' }}>
            意见 {comment.receiptNo}：{excerpt(comment.body, 80)}
          </Text>
          <Select
            label="并入"
            placeholder="选择意见组或意见"
            searchable
            data={options}
            value={target}
            onChange={setTarget}
            nothingFoundMessage="没有可并入的意见"
            comboboxProps={{ withinPortal: true }}
          />
          <Text fz="xs" c="dimmed" mt="xs">
            手工调整的分组在以后收到新意见、重新自动分组时保持不变。
          </Text>
          <Group justify="flex-end" mt="md">
            <Button
              disabled={target === null}
              loading={busy}
              onClick={() => {
                if (target) onJoin(target)
                setTarget(null)
              }}
            >
              并入
            </Button>
          </Group>
        </>
      )}
    </Modal>
  )
}
