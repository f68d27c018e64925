import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Table,
  Tabs,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { IconFileImport, IconPlus, IconSearch, IconTemplate } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import {
  APPLICANT_TYPE_LABELS,
  OUTCOME_LABELS,
  outcomeText,
  STATUS_LABELS,
  TAB_LABELS,
} from '../../../shared/requests/labels'
import {
  APPLICANT_TYPES,
  REQUEST_STATUSES,
  REQUEST_TABS,
  type ApplicantType,
  type RequestRow,
  type RequestStatus,
  type RequestTab,
} from '../../../shared/requests/types'
import { requestListSchema } from '../../../shared/requests/schemas'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDate } from '../../lib/format'
import { limitOf } from '../../lib/schema-limits'
import { CALENDAR_PATH } from '../calendar/paths'
import { ImportModal } from './ImportModal'
import { RegisterRequestModal } from './RegisterRequestModal'
import { REQUESTS_CHANGED, STATUS_COLORS, daysLeftColor, daysLeftText } from './ui-labels'

const COUNT_OF: Partial<Record<RequestTab, 'open' | 'dueSoon' | 'overdue' | 'paused'>> = {
  open: 'open',
  due_soon: 'dueSoon',
  overdue: 'overdue',
  paused: 'paused',
}

/** 依申请公开: the register with tabs (办理中, 即将到期, 已逾期, 暂停计时 …) and filters. */
export function RequestsPage() {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const tab = (REQUEST_TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as RequestTab)
    : 'open'
  const [status, setStatus] = useState<RequestStatus | null>(null)
  const [applicantType, setApplicantType] = useState<ApplicantType | null>(null)
  const [year, setYear] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [registering, setRegistering] = useState(false)
  const [importing, setImporting] = useState(false)
  const input = {
    tab,
    ...(status ? { status } : {}),
    ...(applicantType ? { applicantType } : {}),
    ...(year ? { year: Number(year) } : {}),
    text,
    limit: 200,
  }
  const list = useApiQuery(() => api().requests.list(input), JSON.stringify(input))
  const { reload } = list
  useEffect(() => {
    window.addEventListener(REQUESTS_CHANGED, reload)
    return () => window.removeEventListener(REQUESTS_CHANGED, reload)
  }, [reload])
  const counts = list.data?.counts
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i))

  return (
    <>
      <PageHeader
        title="依申请公开"
        description="登记政府信息公开申请，按工作日自动计算答复期限（条例第三十三条），记录补正、征求意见、延期、收费和答复。"
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconTemplate size={16} />}
              component={Link}
              to="/requests/templates"
            >
              文书模板
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting(true)}
            >
              导入台账
            </Button>
            <Button
              data-primary-action
              leftSection={<IconPlus size={16} />}
              onClick={() => setRegistering(true)}
            >
              登记申请
            </Button>
          </>
        }
      />
      {counts && counts.provisional > 0 && (
        <Alert color="yellow" mb="sm" title={`${counts.provisional} 件申请的答复期限为暂定`}>
          这些期限跨越尚未录入节假日安排的年份，暂按周一至周五计算。国务院办公厅公布放假通知后，请在
          <Anchor component={Link} to={CALENDAR_PATH} mx={4}>
            节假日日历
          </Anchor>
          中添加该年，期限会自动重新计算。
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v })} mb="sm" keepMounted={false}>
        <Tabs.List>
          {REQUEST_TABS.map((t) => {
            const key = COUNT_OF[t]
            const n = key && counts ? counts[key] : null
            return (
              <Tabs.Tab
                key={t}
                value={t}
                rightSection={
                  n ? (
                    <Badge
                      size="xs"
                      variant={t === 'overdue' ? 'filled' : 'light'}
                      color={t === 'overdue' ? 'red' : t === 'due_soon' ? 'orange' : 'gray'}
                    >
                      {n}
                    </Badge>
                  ) : null
                }
              >
                {TAB_LABELS[t]}
              </Tabs.Tab>
            )
          })}
        </Tabs.List>
      </Tabs>
      <Group gap="sm" mb="sm" wrap="wrap">
        <TextInput
          placeholder="编号或申请内容"
          aria-label="搜索编号或申请内容"
          {...limitOf(requestListSchema, 'text')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={220}
        />
        <Select
          placeholder="状态"
          aria-label="按状态筛选"
          data={REQUEST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => setStatus(v as RequestStatus | null)}
          clearable
          w={130}
        />
        <Select
          placeholder="申请人类型"
          aria-label="按申请人类型筛选"
          data={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))}
          value={applicantType}
          onChange={(v) => setApplicantType(v as ApplicantType | null)}
          clearable
          w={150}
        />
        <Select
          placeholder="收到年份"
          aria-label="按收到年份筛选"
          data={years}
          value={year}
          onChange={setYear}
          clearable
          w={120}
        />
      </Group>
      {list.error && (
        <Alert color="red" mb="sm" title="无法加载申请列表">
          {list.error.message}
        </Alert>
      )}
      <Paper withBorder>
        {!list.data ? (
          <Center h={160}>
            <Loader size="sm" aria-label="正在加载申请列表" />
          </Center>
        ) : list.data.rows.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" fz="sm">
            {tab === 'all' && !text
              ? '还没有登记申请。点击「登记申请」或「导入台账」开始。'
              : '没有符合条件的申请。'}
          </Text>
        ) : (
          <RequestTable rows={list.data.rows} onOpen={(r) => void navigate(`/requests/${r.id}`)} />
        )}
      </Paper>
      {list.data && (
        <Text fz="xs" c="dimmed" mt={6} ta="right">
          共 {list.data.total} 件
          {list.data.total > list.data.rows.length ? `（显示前 ${list.data.rows.length} 件）` : ''}
        </Text>
      )}
      <RegisterRequestModal
        opened={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(v) => {
          setRegistering(false)
          void navigate(`/requests/${v.id}`)
        }}
      />
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
    </>
  )
}

function RequestTable({ rows, onOpen }: { rows: RequestRow[]; onOpen: (r: RequestRow) => void }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="xs" fz="sm" aria-label="申请列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={112}>编号</Table.Th>
            <Table.Th w={108}>收到日期</Table.Th>
            <Table.Th w={104}>申请人</Table.Th>
            <Table.Th>申请内容</Table.Th>
            <Table.Th w={88}>状态</Table.Th>
            <Table.Th w={168}>答复期限 / 结果</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              onClick={() => onOpen(r)}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(r)}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              data-testid="request-row"
            >
              <Table.Td className="dd-nowrap">
                <Anchor component="span" fz="sm">
                  {r.no}
                </Anchor>
              </Table.Td>
              <Table.Td className="dd-nowrap">{formatDate(r.receivedDate)}</Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={1}>
                  {r.applicantName || '—'}
                </Text>
                <Text fz="xs" c="dimmed">
                  {APPLICANT_TYPE_LABELS[r.applicantType]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2}>
                  {r.content}
                </Text>
                {r.flags.length > 0 && (
                  <Group gap={4} mt={2}>
                    {r.flags.map((f) => (
                      <Badge
                        key={f}
                        size="xs"
                        variant="light"
                        color={f.startsWith('暂定') ? 'yellow' : f === '已逾期' ? 'red' : 'orange'}
                      >
                        {f}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge color={STATUS_COLORS[r.status]}>{STATUS_LABELS[r.status]}</StatusBadge>
              </Table.Td>
              <Table.Td>
                {r.outcome ? (
                  <Tooltip label={OUTCOME_LABELS[r.outcome].label} withArrow>
                    <Text fz="sm" lineClamp={2}>
                      {outcomeText(r.outcome)}
                    </Text>
                  </Tooltip>
                ) : r.dueDate ? (
                  <>
                    <Text fz="sm" className="dd-nowrap">
                      {formatDate(r.dueDate)}
                      {r.provisional && (
                        <Badge ml={4} size="xs" color="yellow" variant="light">
                          暂定
                        </Badge>
                      )}
                    </Text>
                    <Text fz="xs" c={daysLeftColor(r.daysLeft)}>
                      {daysLeftText(r.daysLeft)}
                    </Text>
                  </>
                ) : (
                  <Text fz="sm" c="dimmed">
                    暂停计时
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
