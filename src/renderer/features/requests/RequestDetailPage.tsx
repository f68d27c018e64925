import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core'
import { IconChevronDown, IconFileText, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import {
  ANSWER_TYPE_LABELS,
  APPLICANT_TYPE_LABELS,
  CASE_KIND_LABELS,
  CASE_OUTCOME_LABELS,
  CHANNEL_LABELS,
  EVENT_KIND_LABELS,
  FORM_LABELS,
  LETTER_LABELS,
  OUTCOME_LABELS,
  STATUS_LABELS,
} from '../../../shared/requests/labels'
import type { LetterKind, RequestCaseView, RequestView } from '../../../shared/requests/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'
import { DetailHeader } from '../../components/DetailHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDate, formatDateTime } from '../../lib/format'
import { CALENDAR_PATH } from '../calendar/paths'
import { CaseModal } from './CaseModal'
import { EventModal, type EventKind } from './EventModal'
import { ReceiptModal } from './ReceiptModal'
import { STATUS_COLORS } from './ui-labels'

const STEP_COLORS: Record<string, string> = {
  start: 'blue',
  count: 'gray',
  skip: 'gray',
  pause: 'grape',
  extend: 'orange',
  provisional: 'yellow',
  due: 'teal',
}

/** /requests/:id — the request, how its due date was computed, its events, letters and cases. */
export function RequestDetailRoute() {
  const { id = '' } = useParams()
  const query = useApiQuery(() => api().requests.get({ id }), id)
  const [override, setOverride] = useState<RequestView | null>(null)
  const view = override && override.id === id ? override : query.data
  if (query.error && !view) {
    return (
      <Alert color="red" title="无法打开申请">
        {query.error.message}
      </Alert>
    )
  }
  if (!view) {
    return (
      <Center h={200}>
        <Loader size="sm" aria-label="正在加载申请" />
      </Center>
    )
  }
  return <RequestDetail view={view} onChange={setOverride} />
}

function RequestDetail({
  view,
  onChange,
}: {
  view: RequestView
  onChange: (v: RequestView) => void
}) {
  const [eventKind, setEventKind] = useState<EventKind | null>(null)
  const [receipt, setReceipt] = useState(false)
  const [caseEdit, setCaseEdit] = useState<RequestCaseView | 'new' | null>(null)
  const letter = useApiAction(api().requests.letter)
  const eventKinds = view.allowed.filter(
    (k): k is EventKind => k !== 'received' && k !== 'receipt_changed',
  )
  const PRIMARY: EventKind[] = ['answer', 'correction_received', 'consultation_ended', 'fee_paid']
  const primary = eventKinds.filter((k) => PRIMARY.includes(k))
  const others = eventKinds.filter((k) => !primary.includes(k))
  const makeLetter = async (kind: LetterKind) => {
    const r = await letter.run({ requestId: view.id, kind })
    if (r.ok && r.data) notifySuccess(`已生成${LETTER_LABELS[kind]}：${r.data.fileName}`)
  }

  return (
    <Stack gap="md">
      <DetailHeader
        backTo="/requests"
        backLabel="返回列表"
        title={`申请 ${view.no}`}
        badges={
          <Group gap={6} wrap="nowrap">
            <StatusBadge color={STATUS_COLORS[view.status]}>
              {STATUS_LABELS[view.status]}
            </StatusBadge>
            {view.provisional && (
              <Badge variant="light" color="yellow">
                期限暂定
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {view.letters.length > 0 && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    // A closed request: its letters are what is left to do.
                    data-primary-action={primary.length === 0 || undefined}
                    variant="default"
                    leftSection={<IconFileText size={16} />}
                    rightSection={<IconChevronDown size={14} />}
                    loading={letter.busy}
                  >
                    生成文书
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {view.letters.map((k) => (
                    <Menu.Item key={k} onClick={() => void makeLetter(k)}>
                      {LETTER_LABELS[k]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
            {others.length > 0 && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    data-primary-action={
                      (primary.length === 0 && view.letters.length === 0) || undefined
                    }
                    variant="default"
                    rightSection={<IconChevronDown size={14} />}
                  >
                    办理
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {others.map((k) => (
                    <Menu.Item key={k} onClick={() => setEventKind(k)}>
                      {EVENT_KIND_LABELS[k]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
            {primary.map((k, i) => (
              <Button
                key={k}
                data-primary-action={i === 0 || undefined}
                onClick={() => setEventKind(k)}
              >
                {EVENT_KIND_LABELS[k]}
              </Button>
            ))}
          </>
        }
      />
      {view.warnings.map((w) => (
        <Alert key={w} color={w.includes('暂定') ? 'yellow' : 'orange'} py="xs">
          {w}
          {w.includes('暂定') && (
            <Anchor component={Link} to={CALENDAR_PATH} ml={6} fz="sm">
              前往节假日日历
            </Anchor>
          )}
        </Alert>
      ))}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Group justify="space-between" mb="xs">
                <Title order={3} fz="md">
                  申请信息
                </Title>
                {!view.answeredDate && (
                  <Button size="compact-sm" variant="subtle" onClick={() => setReceipt(true)}>
                    更正收到日期
                  </Button>
                )}
              </Group>
              <Table fz="sm" verticalSpacing={4} withRowBorders={false}>
                <Table.Tbody>
                  <Field label="申请人">
                    {view.applicantName || '（导入，未登记）'} ·{' '}
                    {APPLICANT_TYPE_LABELS[view.applicantType]}
                  </Field>
                  {view.applicantIdNo && <Field label="身份证明">{view.applicantIdNo}</Field>}
                  {view.applicantContact && <Field label="联系方式">{view.applicantContact}</Field>}
                  {view.applicantAddress && <Field label="通信地址">{view.applicantAddress}</Field>}
                  <Field label="申请方式">
                    {CHANNEL_LABELS[view.channel]}
                    {view.submittedDate ? `（提交于 ${formatDate(view.submittedDate)}）` : ''}
                  </Field>
                  <Field label="收到申请之日">
                    {formatDate(view.receivedDate)}
                    {view.receiptReason ? `（更正原因：${view.receiptReason}）` : ''}
                  </Field>
                  <Field label="申请内容">{view.content}</Field>
                  <Field label="所需形式">
                    {FORM_LABELS[view.form]}
                    {view.formNote ? ` · ${view.formNote}` : ''}
                  </Field>
                  {view.outcome && (
                    <Field label="办理结果">
                      {view.answerType ? `${ANSWER_TYPE_LABELS[view.answerType].label} · ` : ''}
                      {OUTCOME_LABELS[view.outcome].code}
                      {OUTCOME_LABELS[view.outcome].label}（{formatDate(view.answeredDate)}）
                    </Field>
                  )}
                </Table.Tbody>
              </Table>
              <Text fz="xs" c="dimmed" mt="xs">
                申请人信息仅保存在本机，不同步、不写入日志。登记人 {view.createdByName ?? '—'} ·{' '}
                {formatDateTime(view.createdAt)}
              </Text>
              {view.personalMasked && (
                <Text fz="xs" c="orange" mt={4}>
                  申请人信息已脱敏显示：只有起草人和管理员可查看完整信息（条例第二十九条）。
                </Text>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} fz="md" mb="sm">
                办理记录
              </Title>
              <Timeline bulletSize={14} lineWidth={2} active={view.events.length}>
                {view.events.map((e) => (
                  <Timeline.Item
                    key={e.id}
                    title={
                      <Group gap={6}>
                        <Text fz="sm" fw={600}>
                          {EVENT_KIND_LABELS[e.kind]}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {formatDate(e.date)}
                        </Text>
                        {e.article && (
                          <Badge size="xs" variant="outline">
                            {e.article}
                          </Badge>
                        )}
                      </Group>
                    }
                  >
                    <Text fz="sm">{e.summary}</Text>
                    <Text fz="xs" c="dimmed">
                      {e.byName ?? '—'} · {formatDateTime(e.at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="xs">
                <Title order={3} fz="md">
                  行政复议、行政诉讼
                </Title>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setCaseEdit('new')}
                >
                  登记
                </Button>
              </Group>
              {view.cases.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  没有相关的复议或诉讼。
                </Text>
              ) : (
                <Table fz="sm">
                  <Table.Tbody>
                    {view.cases.map((c) => (
                      <Table.Tr
                        key={c.id}
                        onClick={() => setCaseEdit(c)}
                        style={{ cursor: 'pointer' }}
                      >
                        <Table.Td>{CASE_KIND_LABELS[c.kind]}</Table.Td>
                        <Table.Td>{formatDate(c.filedDate)}</Table.Td>
                        <Table.Td>{c.organ}</Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={
                              c.outcome === 'pending'
                                ? 'gray'
                                : c.outcome === 'corrected'
                                  ? 'red'
                                  : 'teal'
                            }
                          >
                            {CASE_OUTCOME_LABELS[c.outcome]}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" data-testid="due-timeline">
            <Text fz="xs" c="dimmed">
              答复期限
            </Text>
            <Group gap="xs" align="baseline" mb="sm">
              <Text fz={22} fw={700}>
                {view.dueDate
                  ? formatDate(view.dueDate)
                  : view.answeredDate
                    ? '已办结'
                    : '暂停计时'}
              </Text>
              {view.provisional && (
                <Badge color="yellow" variant="light">
                  暂定
                </Badge>
              )}
            </Group>
            <Title order={4} fz="sm" mb="xs">
              期限是怎样计算的
            </Title>
            <Stack gap={6} role="list" aria-label="期限计算过程">
              {view.dueSteps.map((s, i) => (
                <Group key={i} gap={8} wrap="nowrap" align="flex-start" role="listitem">
                  <Box
                    mt={s.kind === 'skip' ? 5 : 7}
                    w={8}
                    h={8}
                    style={{
                      borderRadius: 4,
                      flexShrink: 0,
                      background: `var(--mantine-color-${STEP_COLORS[s.kind] ?? 'gray'}-${s.kind === 'skip' ? 3 : 6})`,
                    }}
                  />
                  <Text
                    fz={s.kind === 'skip' ? 'xs' : 'sm'}
                    c={s.kind === 'skip' ? 'dimmed' : undefined}
                    fw={s.kind === 'due' ? 600 : undefined}
                  >
                    {s.text}
                    {s.article &&
                      (!['count', 'skip'].includes(s.kind) || s.article !== '条例第三十三条') && (
                        <Text span fz="xs" c="dimmed" ml={6}>
                          {s.article}
                        </Text>
                      )}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <EventModal
        request={view}
        kind={eventKind}
        onClose={() => setEventKind(null)}
        onSaved={(v) => {
          setEventKind(null)
          onChange(v)
        }}
      />
      <ReceiptModal
        key={`${view.id}:${view.receivedDate}`}
        request={view}
        opened={receipt}
        onClose={() => setReceipt(false)}
        onSaved={(v) => {
          setReceipt(false)
          onChange(v)
        }}
      />
      <CaseModal
        requestId={view.id}
        editing={caseEdit === 'new' ? null : caseEdit}
        opened={caseEdit !== null}
        onClose={() => setCaseEdit(null)}
        onSaved={() => {
          setCaseEdit(null)
          void api()
            .requests.get({ id: view.id })
            .then((r) => r.ok && onChange(r.data))
        }}
      />
    </Stack>
  )
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={110} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{children}</Table.Td>
    </Table.Tr>
  )
}
