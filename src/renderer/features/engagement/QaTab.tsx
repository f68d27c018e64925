import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconFileExport, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { QA_STATE_LABELS } from '../../../shared/engagement/labels'
import { qaSaveSchema } from '../../../shared/engagement/schemas'
import type { QaView } from '../../../shared/engagement/types'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { DateField } from '../../components/DateField'
import { StatusBadge } from '../../components/StatusBadge'
import { limitOf } from '../../lib/schema-limits'
import { validateWith, type FieldErrors } from '../../lib/zod-form'
import { QaReviewPanel } from './QaReviewPanel'
import { QA_COLORS } from './ui'

/**
 * 政策问答库: entries on a policy (and its interpretation), passing the department's 保密审查 chain
 * (each step decided by people who did not write them — QaReviewPanel), flagged when the policy is
 * amended or repealed; entries approved at the final step go to the district's knowledge base on
 * sync. `?qa=<id>` (我的待办) opens the entry's review.
 */
export function QaTab() {
  const { capabilities } = useSession()
  const list = useApiQuery(() => api().engagement.qaList({}))
  const [editing, setEditing] = useState<QaView | 'new' | null>(null)
  const [params, setParams] = useSearchParams()
  const reviewing = params.get('qa')
  const openReview = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p)
        if (id) next.set('qa', id)
        else next.delete('qa')
        return next
      },
      { replace: true },
    )
  const [busy, setBusy] = useState(false)
  const act = async (body: () => Promise<unknown>, message: string) => {
    setBusy(true)
    try {
      await body()
      notifySuccess(message)
      list.reload()
      setEditing(null)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const exportQa = async () => {
    try {
      const r = await request(api().engagement.qaExport({}))
      if (r) notifySuccess(`已导出 ${r.rows} 条问答：${r.path}`)
    } catch {
      // notified
    }
  }
  const flagged = (list.data ?? []).filter((q) => q.flag).length
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          与 12345
          热线共享：问答经保密审查（各步骤由非编写人审核）全部通过后，同步进入区级知识库；所依据的政策修改或废止后，问答自动标记为须复核。
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileExport size={14} />}
            onClick={() => void exportQa()}
          >
            导出问答库
          </Button>
          {capabilities.draft && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing('new')}
            >
              新增问答
            </Button>
          )}
        </Group>
      </Group>
      {flagged > 0 && (
        <Alert color="orange" p="xs">
          {flagged} 条问答所依据的政策已修改、废止或失效，请复核答复。
        </Alert>
      )}
      <Table striped data-testid="qa-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>问题与答复</Table.Th>
            <Table.Th w={220}>依据政策</Table.Th>
            <Table.Th w={120}>状态</Table.Th>
            <Table.Th w={160} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {q.question}
                </Text>
                <Text fz="xs" c="dimmed" lineClamp={2}>
                  {q.answer}
                </Text>
                {q.flag && (
                  <Text fz="xs" c="orange.8">
                    {q.flag}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2}>
                  {q.policy.title}
                </Text>
                {q.interpretation && (
                  <Text fz="xs" c="dimmed" lineClamp={1}>
                    解读：{q.interpretation.title}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge color={q.flag ? 'orange' : QA_COLORS[q.state]}>
                  {q.flag ? '须复核' : QA_STATE_LABELS[q.state]}
                </StatusBadge>
                {q.state === 'returned' && q.reviewNote && (
                  <Text fz="xs" c="red.8" lineClamp={3} title={q.reviewNote}>
                    退回意见：{q.reviewNote}
                  </Text>
                )}
                {q.pendingStep && (
                  <Text fz="xs" c="dimmed" data-testid="qa-step">
                    {q.pendingStep.name}（第 {q.pendingStep.index + 1}/{q.pendingStep.count} 步）
                  </Text>
                )}
                {q.pendingStep &&
                  (q.pendingStep.counts.blocker > 0 || q.pendingStep.counts.high > 0) && (
                    <Text fz="xs" c="red.8">
                      {q.pendingStep.counts.blocker > 0 && `阻断 ${q.pendingStep.counts.blocker} `}
                      {q.pendingStep.counts.high > 0 && `高风险 ${q.pendingStep.counts.high}`}
                    </Text>
                  )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {capabilities.draft && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(q)}>
                      修改
                    </Button>
                  )}
                  {capabilities.draft && (q.state === 'draft' || q.state === 'returned') && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={busy}
                      onClick={() =>
                        void act(
                          () => request(api().engagement.qaSubmit({ id: q.id })),
                          '已提交审核',
                        )
                      }
                    >
                      提交审核
                    </Button>
                  )}
                  {q.state !== 'draft' && (
                    <Button
                      size="compact-xs"
                      variant={capabilities.review && q.state === 'pending' ? 'light' : 'subtle'}
                      color={capabilities.review && q.state === 'pending' ? 'green' : undefined}
                      onClick={() => openReview(q.id)}
                    >
                      {capabilities.review && q.state === 'pending' ? '审核' : '审核记录'}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(list.data ?? []).length === 0 && (
        <Text fz="sm" c="dimmed" ta="center" p="md">
          还没有政策问答。
        </Text>
      )}
      <Modal
        opened={reviewing !== null}
        onClose={() => openReview(null)}
        title="政策问答保密审查"
        size="90%"
      >
        {reviewing !== null && <QaReviewPanel id={reviewing} onChanged={() => list.reload()} />}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? '新增政策问答' : '修改政策问答'}
        size="lg"
      >
        {editing !== null && (
          <QaForm
            entry={editing === 'new' ? null : editing}
            busy={busy}
            onSave={(input) =>
              void act(
                () => request(api().engagement.qaSave(input)),
                '已保存；修改后须重新提交审核',
              )
            }
          />
        )}
      </Modal>
    </Stack>
  )
}

type QaInput = Parameters<ReturnType<typeof api>['engagement']['qaSave']>[0]

function QaForm({
  entry,
  busy,
  onSave,
}: {
  entry: QaView | null
  busy: boolean
  onSave: (i: QaInput) => void
}) {
  const [v, setV] = useState({
    question: entry?.question ?? '',
    answer: entry?.answer ?? '',
    policyItemId: entry?.policy.id ?? '',
    interpretationItemId: entry?.interpretation?.id ?? null,
    keywords: entry?.keywords ?? '',
    validFrom: entry?.validFrom ?? null,
    validTo: entry?.validTo ?? null,
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const items = useApiQuery(
    () =>
      api().items.search({
        kinds: ['policy', 'interpretation'],
        sort: 'updated',
        order: 'desc',
        offset: 0,
        limit: 200,
      }),
    'qa-items',
  )
  const rows = items.data?.rows ?? []
  const text = (k: 'question' | 'answer' | 'keywords') => ({
    ...limitOf(qaSaveSchema, k),
    value: v[k],
    error: errors[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value
      setV((o) => ({ ...o, [k]: value }))
    },
  })
  const submit = () => {
    const input = { ...v, ...(entry ? { id: entry.id } : {}) }
    const r = validateWith(qaSaveSchema, input)
    if (!r.ok) return setErrors(r.errors)
    setErrors({})
    onSave(input)
  }
  return (
    <Stack gap="xs">
      <TextInput label="问题" withAsterisk {...text('question')} />
      <Textarea label="答复" withAsterisk autosize minRows={3} {...text('answer')} />
      <SimpleGrid cols={2} spacing="xs">
        <Select
          label="依据政策"
          withAsterisk
          searchable
          data={rows
            .filter((r) => r.kind === 'policy')
            .map((r) => ({ value: r.id, label: r.title }))}
          value={v.policyItemId || null}
          onChange={(p) => setV((o) => ({ ...o, policyItemId: p ?? '' }))}
          error={errors.policyItemId}
        />
        <Select
          label="政策解读"
          clearable
          searchable
          data={rows
            .filter((r) => r.kind === 'interpretation')
            .map((r) => ({ value: r.id, label: r.title }))}
          value={v.interpretationItemId}
          onChange={(p) => setV((o) => ({ ...o, interpretationItemId: p }))}
        />
        <DateField
          label="有效期起"
          value={v.validFrom}
          onChange={(d) => setV((o) => ({ ...o, validFrom: d }))}
        />
        <DateField
          label="有效期止"
          value={v.validTo}
          onChange={(d) => setV((o) => ({ ...o, validTo: d }))}
          error={errors.validTo}
        />
      </SimpleGrid>
      <TextInput label="关键词" placeholder="以逗号分隔" {...text('keywords')} />
      <Group justify="flex-end">
        <Button onClick={submit} loading={busy}>
          保存
        </Button>
      </Group>
    </Stack>
  )
}
