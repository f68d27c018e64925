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
import { QA_COLORS } from './ui'

/**
 * 政策问答库: entries on a policy (and its interpretation), reviewed by a reviewer who did not
 * write them, flagged when the policy is amended or repealed; approved entries go to the
 * district's knowledge base on sync.
 */
export function QaTab() {
  const { capabilities } = useSession()
  const list = useApiQuery(() => api().engagement.qaList({}))
  const [editing, setEditing] = useState<QaView | 'new' | null>(null)
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
          热线共享：审核通过的问答在同步后进入区级知识库；所依据的政策修改或废止后，问答自动标记为须复核。
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
                  {capabilities.review && q.state === 'pending' && (
                    <>
                      <Button
                        size="compact-xs"
                        color="green"
                        variant="light"
                        loading={busy}
                        onClick={() =>
                          void act(
                            () =>
                              request(
                                api().engagement.qaReview({
                                  id: q.id,
                                  decision: 'approve',
                                  note: '',
                                }),
                              ),
                            '已审核通过',
                          )
                        }
                      >
                        通过
                      </Button>
                      <ReturnButton
                        onReturn={(note) =>
                          act(
                            () =>
                              request(
                                api().engagement.qaReview({ id: q.id, decision: 'return', note }),
                              ),
                            '已退回',
                          )
                        }
                      />
                    </>
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

function ReturnButton({ onReturn }: { onReturn: (note: string) => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  return (
    <>
      <Button size="compact-xs" color="red" variant="subtle" onClick={() => setOpen(true)}>
        退回
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="退回问答">
        <Textarea
          label="审核意见"
          withAsterisk
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end" mt="sm">
          <Button
            disabled={note.trim() === ''}
            onClick={() => void onReturn(note).then(() => setOpen(false))}
          >
            退回
          </Button>
        </Group>
      </Modal>
    </>
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
