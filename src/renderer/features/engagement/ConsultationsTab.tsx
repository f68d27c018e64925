import { Button, Center, Group, Loader, Modal, Table, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { CONSULTATION_STATE_LABELS } from '../../../shared/engagement/labels'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { StatusBadge } from '../../components/StatusBadge'
import { TitleText } from '../../components/TitleText'
import { formatDate } from '../../lib/format'
import { ConsultationForm } from './ConsultationForm'
import { STATE_COLORS } from './ui'

/**
 * The consultations, newest first; 「发起意见征集」 opens the form (also from an item:
 * `/engagement?open=<itemId>` preselects that draft).
 */
export function ConsultationsTab() {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const { capabilities } = useSession()
  const list = useApiQuery(() => api().engagement.consultations({}))
  const fromItem = params.get('open')
  const [opening, setOpening] = useState(fromItem !== null)
  const [busy, setBusy] = useState(false)

  const close = () => {
    setOpening(false)
    if (fromItem) setParams({})
  }

  return (
    <>
      {/* The page's main action on the first screen (layout e2e); none for who cannot draft. */}
      <Group
        justify="flex-end"
        mb="sm"
        {...(capabilities.draft ? {} : { 'data-primary-action': 'none' })}
      >
        {capabilities.draft && (
          <Button
            data-primary-action
            leftSection={<IconPlus size={16} />}
            onClick={() => setOpening(true)}
          >
            发起意见征集
          </Button>
        )}
      </Group>
      {list.loading && !list.data ? (
        <Center p="lg">
          <Loader />
        </Center>
      ) : (list.data ?? []).length === 0 ? (
        <Text c="dimmed" ta="center" p="lg">
          还没有意见征集。从一份政策文件草稿发起：填写征集时间、问题和渠道，公告经保密审查并同步后，公众即可在区级平台的意见征集页面留言。
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="consultation-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>征集主题</Table.Th>
              <Table.Th w={210}>征集时间</Table.Th>
              <Table.Th w={130}>状态</Table.Th>
              <Table.Th w={90}>意见</Table.Th>
              <Table.Th w={90}>待处理</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((c) => (
              <Table.Tr
                key={c.id}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/engagement/consultations/${c.id}`)}
              >
                <Table.Td style={{ maxWidth: 0 }}>
                  <TitleText>{c.title}</TitleText>
                </Table.Td>
                <Table.Td>
                  {formatDate(c.startDate)} 至 {formatDate(c.endDate)}
                </Table.Td>
                <Table.Td>
                  <StatusBadge color={STATE_COLORS[c.state]}>
                    {CONSULTATION_STATE_LABELS[c.state]}
                  </StatusBadge>
                </Table.Td>
                <Table.Td>{c.commentCount}</Table.Td>
                <Table.Td c={c.undecidedCount ? 'orange.8' : undefined}>
                  {c.undecidedCount}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={opening} onClose={close} title="发起意见征集" size="lg">
        <ConsultationForm
          consultation={null}
          draftItemId={fromItem}
          busy={busy}
          onSubmit={async (fields, draftItemId) => {
            if (!draftItemId) return
            setBusy(true)
            try {
              const c = await request(api().engagement.consultationOpen({ ...fields, draftItemId }))
              notifySuccess('已生成意见征集公告，请提交保密审查；审查通过并同步后，公众即可留言')
              close()
              void navigate(`/engagement/consultations/${c.id}`)
            } catch {
              // notified
            } finally {
              setBusy(false)
            }
          }}
        />
      </Modal>
    </>
  )
}
