import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { ATTENDEE_TYPE_LABELS } from '../../../shared/engagement/labels'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { formatDate } from '../../lib/format'
import { AttendanceForm, SupervisorForm, TrainingForm } from './RecordForms'
import { thisYear } from './ui'

type Adding = 'supervisor' | 'attendance' | 'training' | null

function Section({
  title,
  action,
  children,
}: {
  title: string
  action: ReactNode
  children: ReactNode
}) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  )
}

/** 政务公开监督员, 列席 records and trainings of a year; the year's figures feed the report's section 一. */
export function RecordsTab() {
  const navigate = useNavigate()
  const { capabilities } = useSession()
  const may = capabilities.draft
  const [year, setYear] = useState(thisYear())
  const supervisors = useApiQuery(() => api().engagement.supervisors({}))
  const attendance = useApiQuery(() => api().engagement.attendance({ year }), String(year))
  const trainings = useApiQuery(() => api().engagement.trainings({ year }), String(year))
  const home = useApiQuery(() => api().engagement.home({}), 'home')
  const [adding, setAdding] = useState<Adding>(null)
  const [busy, setBusy] = useState(false)
  const save = async (body: () => Promise<unknown>, reload: () => void) => {
    setBusy(true)
    try {
      await body()
      notifySuccess('已保存')
      setAdding(null)
      reload()
      home.reload()
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const remove = async (body: () => Promise<unknown>, reload: () => void) => {
    try {
      await body()
      notifySuccess('已删除')
      reload()
    } catch {
      // notified
    }
  }
  const add = (what: Exclude<Adding, null>, label: string) =>
    may && (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => setAdding(what)}
      >
        {label}
      </Button>
    )
  const del = (onClick: () => void) =>
    may && (
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={12} />}
        onClick={onClick}
      >
        删除
      </Button>
    )
  return (
    <Stack gap="md">
      <Group>
        <Select
          aria-label="年度"
          w={110}
          allowDeselect={false}
          data={[0, 1, 2, 3].map((d) => ({
            value: String(thisYear() - d),
            label: `${thisYear() - d} 年`,
          }))}
          value={String(year)}
          onChange={(y) => y && setYear(Number(y))}
        />
        <Text fz="sm" c="dimmed">
          每年至少组织一次政务公开专题培训；列席人员的意见及采纳情况应予公开。
        </Text>
      </Group>
      {home.data?.trainingWarning && year === home.data.year && (
        <Alert color="orange" p="xs">
          {home.data.trainingWarning}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Section title="培训记录" action={add('training', '登记培训')}>
          <Table data-testid="training-table">
            <Table.Tbody>
              {(trainings.data ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td w={120}>{formatDate(t.heldOn)}</Table.Td>
                  <Table.Td>
                    <Text fz="sm">{t.topic}</Text>
                    <Text fz="xs" c="dimmed">
                      {t.participantCount} 人 · {t.hours} 学时 {t.organiser && `· ${t.organiser}`}
                    </Text>
                  </Table.Td>
                  <Table.Td w={70}>
                    {del(
                      () =>
                        void remove(
                          () => request(api().engagement.trainingRemove({ id: t.id })),
                          trainings.reload,
                        ),
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(trainings.data ?? []).length === 0 && (
            <Text fz="sm" c="dimmed">
              本年度尚未登记培训。
            </Text>
          )}
        </Section>
        <Section title="政务公开监督员" action={add('supervisor', '添加监督员')}>
          {(supervisors.data ?? []).map((s) => (
            <Group key={s.id} justify="space-between" py={4}>
              <Text fz="sm">
                {s.name}
                <Text span c="dimmed" fz="xs">
                  {' '}
                  {s.organisation} {s.appointedOn && `· ${formatDate(s.appointedOn)}聘任`}
                </Text>
              </Text>
              {del(
                () =>
                  void remove(
                    () => request(api().engagement.supervisorRemove({ id: s.id })),
                    supervisors.reload,
                  ),
              )}
            </Group>
          ))}
          {(supervisors.data ?? []).length === 0 && (
            <Text fz="sm" c="dimmed">
              尚未登记监督员。
            </Text>
          )}
        </Section>
      </SimpleGrid>
      <Section title="列席记录" action={add('attendance', '登记列席')}>
        <Table data-testid="attendance-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>日期</Table.Th>
              <Table.Th>会议</Table.Th>
              <Table.Th>列席人员</Table.Th>
              <Table.Th>意见及采纳情况</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(attendance.data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDate(a.heldOn)}</Table.Td>
                <Table.Td>{a.meeting}</Table.Td>
                <Table.Td>
                  {a.attendees
                    .map((p) => `${p.name}（${ATTENDEE_TYPE_LABELS[p.type]}）`)
                    .join('、')}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{a.opinions}</Text>
                  <Text fz="xs" c="dimmed">
                    {a.handling}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {may && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      title="生成公开信息草稿（列席意见及采纳情况）"
                      onClick={() =>
                        void request(api().engagement.attendanceDraft({ id: a.id })).then(
                          (item) => {
                            notifySuccess('已生成公开信息草稿，请补充后提交保密审查')
                            void navigate(`/drafts/${item.id}`)
                          },
                          () => undefined,
                        )
                      }
                    >
                      生成公开
                    </Button>
                  )}
                  {del(
                    () =>
                      void remove(
                        () => request(api().engagement.attendanceRemove({ id: a.id })),
                        attendance.reload,
                      ),
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Modal
        opened={adding === 'supervisor'}
        onClose={() => setAdding(null)}
        title="添加政务公开监督员"
      >
        <SupervisorForm
          busy={busy}
          onSave={(i) =>
            void save(() => request(api().engagement.supervisorSave(i)), supervisors.reload)
          }
        />
      </Modal>
      <Modal
        opened={adding === 'attendance'}
        onClose={() => setAdding(null)}
        title="登记列席记录"
        size="lg"
      >
        <AttendanceForm
          busy={busy}
          onSave={(i) =>
            void save(() => request(api().engagement.attendanceSave(i)), attendance.reload)
          }
        />
      </Modal>
      <Modal
        opened={adding === 'training'}
        onClose={() => setAdding(null)}
        title="登记培训"
        size="lg"
      >
        <TrainingForm
          busy={busy}
          onSave={(i) =>
            void save(() => request(api().engagement.trainingSave(i)), trainings.reload)
          }
        />
      </Modal>
    </Stack>
  )
}
